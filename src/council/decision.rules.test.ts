import { describe, expect, it } from 'vitest';
import {
  AFTER,
  buildLog,
  CLOSE_MINUTE,
  MEMBERS,
  pos,
  type Setup,
  type Step,
  t,
  withdraw,
} from './decision.fixtures.ts';
import { canClose, closeProblem, outcome, validatePosition, validateWithdrawal } from './decision.rules.ts';
import type { DecisionEvent } from './decision.types.ts';

const SIX = ['CN', 'KG', 'KZ', 'RU', 'TJ', 'UZ'];
const consensus: Setup = { rule: 'consensus', eligible: SIX, concerned: null };
const renumber = (events: DecisionEvent[]): DecisionEvent[] => events.map((e, i) => ({ ...e, seq: i + 1 }));

describe('consensus', () => {
  it('adopts at the close when nobody objects; abstention, silence, statements and reservations never block', () => {
    const log = buildLog(consensus, [
      pos('CN', 'support', 1),
      pos('KZ', 'abstention', 2),
      pos('RU', 'reservation', 3),
      pos('UZ', 'statement', 4),
    ]);
    const result = outcome(log, AFTER);
    expect(result.status).toBe('adopted');
    expect(result.closedAt).toBe(t(CLOSE_MINUTE));
    expect(result.reservations).toEqual([{ state: 'RU', text: 'text' }]);
    expect(result.statements).toEqual([{ state: 'UZ', text: 'text' }]);
    expect(result.positions).toEqual({ CN: 'support', KZ: 'abstention', RU: 'reservation', UZ: 'statement' });
  });

  it('is pending until the close, naming the objections that would block', () => {
    const log = buildLog(consensus, [pos('KZ', 'objection', 1)], false);
    expect(outcome(log, AFTER)).toMatchObject({ status: 'pending', closedAt: null });
    expect(outcome(log, AFTER).reason).toContain('KZ');
  });

  it('does not adopt over a standing objection, and adopts once it is withdrawn or superseded', () => {
    expect(outcome(buildLog(consensus, [pos('KZ', 'objection', 1)]), AFTER)).toMatchObject({
      status: 'not-adopted',
      standingObjections: [{ state: 'KZ', reason: 'text', at: t(1) }],
    });
    const withdrawn = buildLog(consensus, [pos('KZ', 'objection', 1), withdraw('KZ', 2)]);
    expect(outcome(withdrawn, AFTER)).toMatchObject({ status: 'adopted', positions: { KZ: 'no-objection' } });
    const superseded = buildLog(consensus, [pos('KZ', 'objection', 1), pos('KZ', 'reservation', 2)]);
    expect(outcome(superseded, AFTER).status).toBe('adopted');
  });

  it('ignores states without a seat, events after the close and events not yet known at `now`', () => {
    expect(outcome(buildLog(consensus, [pos('IN', 'objection', 1)]), AFTER)).toMatchObject({
      status: 'adopted',
      positions: {},
    });
    const log = buildLog(consensus, []);
    log.push({ seq: 9, at: t(CLOSE_MINUTE + 1), type: 'position', state: 'KZ', position: 'objection' });
    expect(outcome(log, AFTER).status).toBe('adopted');
    expect(outcome(log, t(CLOSE_MINUTE - 1)).status).toBe('pending');
  });

  it('reads the log by seq, not by array order', () => {
    const log = buildLog(consensus, [pos('KZ', 'objection', 1), withdraw('KZ', 2)]);
    expect(outcome([...log].reverse(), AFTER).status).toBe('adopted');
  });
});

describe('consensus minus one and unanimity', () => {
  it('a suspension by consensus minus one: the state concerned objects, the others agree, it is adopted', () => {
    const setup: Setup = { rule: 'consensus-minus-one', eligible: [...MEMBERS], concerned: 'UZ' };
    const others = MEMBERS.filter((s) => s !== 'UZ').map((s, i) => pos(s, 'support', i + 1));
    const result = outcome(buildLog(setup, [pos('UZ', 'objection', 20), ...others]), AFTER);
    expect(result).toMatchObject({ status: 'adopted', standingObjections: [] });
    expect(result.reason).toContain('minus one (UZ not counted)');
    expect(result.positions.UZ).toBeUndefined();
    const blocked = buildLog(setup, [pos('UZ', 'objection', 20), pos('KZ', 'objection', 21)]);
    expect(outcome(blocked, AFTER).status).toBe('not-adopted');
  });

  it('unanimity asks every eligible state to support; no-objection or abstention withholds it', () => {
    const setup: Setup = { rule: 'unanimity', eligible: ['CN', 'KZ', 'RU'], concerned: null };
    const all = [pos('CN', 'support', 1), pos('KZ', 'support', 2), pos('RU', 'support', 3)];
    expect(outcome(buildLog(setup, all), AFTER).status).toBe('adopted');
    for (const position of ['no-objection', 'abstention', 'reservation', 'statement'] as const) {
      const result = outcome(buildLog(setup, [...all, pos('RU', position, 4)]), AFTER);
      expect(result).toMatchObject({ status: 'not-adopted' });
      expect(result.reason).toContain('no support from RU');
    }
    expect(outcome(buildLog(setup, all.slice(0, 2)), AFTER).status).toBe('not-adopted');
  });
});

describe('the silence procedure', () => {
  const deadline = t(600);
  const launched = (steps: Step[], extra: DecisionEvent[] = []): DecisionEvent[] =>
    renumber([
      ...buildLog(consensus, [], false),
      { seq: 0, at: t(1), type: 'silence-launched', deadline },
      ...buildLog(consensus, steps, false).slice(1),
      ...extra,
    ]);

  it('is adopted when the deadline passes in silence, with no close, keeping reservations', () => {
    const log = launched([pos('CN', 'support', 10), pos('RU', 'reservation', 20)]);
    expect(outcome(log, t(599)).status).toBe('pending');
    expect(canClose(log, t(599))).toBe(false);
    const result = outcome(log, deadline);
    expect(result).toMatchObject({ status: 'adopted', closedAt: deadline, reservations: [{ state: 'RU' }] });
    expect(validatePosition(log, { state: 'KZ', position: 'objection', text: 'late' }, t(700))).toContain(
      'deadline',
    );
  });

  it('fails when an amendment breaks silence: pending until the deadline, then not adopted', () => {
    const amendment: DecisionEvent = {
      seq: 0,
      at: t(30),
      type: 'amendment-proposed',
      state: 'KZ',
      text: 'art. 2',
    };
    const log = launched([pos('CN', 'support', 10)], [amendment]);
    expect(outcome(log, t(100))).toMatchObject({ status: 'pending' });
    expect(outcome(log, t(100)).reason).toContain('broken by KZ (amendment)');
    const result = outcome(log, t(601));
    expect(result.status).toBe('not-adopted');
    expect(result.reason).toContain('Silence broken by KZ (amendment)');
    expect(canClose(log, t(100))).toBe(true);
  });

  it('is broken by an objection but not by a state without a seat, nor after the deadline', () => {
    expect(outcome(launched([pos('TJ', 'objection', 50)]), AFTER).reason).toContain('TJ (objection)');
    expect(outcome(launched([pos('IN', 'objection', 50)]), AFTER).status).toBe('adopted');
    expect(outcome(launched([pos('TJ', 'objection', 600)]), AFTER).status).toBe('adopted');
  });
});

describe('what the service may accept', () => {
  const open = buildLog({ rule: 'consensus-minus-one', eligible: SIX, concerned: 'RU' }, [], false);
  it('refuses an objection without its reason and a statement or reservation without text', () => {
    expect(validatePosition(open, { state: 'KZ', position: 'objection', text: '  ' }, t(1))).toContain(
      'reason',
    );
    expect(validatePosition(open, { state: 'KZ', position: 'statement' }, t(1))).toContain('text');
    expect(validatePosition(open, { state: 'KZ', position: 'reservation', text: '' }, t(1))).toContain(
      'text',
    );
    expect(validatePosition(open, { state: 'KZ', position: 'objection', text: 'why' }, t(1))).toBeNull();
    expect(validatePosition(open, { state: 'KZ', position: 'abstention' }, t(1))).toBeNull();
  });

  it('refuses states without a seat, the state concerned, and anything after the close', () => {
    expect(validatePosition(open, { state: 'IN', position: 'support' }, t(1))).toContain('no seat');
    expect(validatePosition(open, { state: 'RU', position: 'support' }, t(1))).toContain('state concerned');
    const closed = buildLog(consensus, []);
    expect(validatePosition(closed, { state: 'KZ', position: 'support' }, AFTER)).toContain('closed');
    expect(closeProblem(closed, AFTER)).toContain('closed');
    expect(validatePosition([], { state: 'KZ', position: 'support' }, AFTER)).toContain('not been opened');
  });

  it('lets a state withdraw only an objection it holds', () => {
    expect(validateWithdrawal(open, 'KZ', t(1))).toContain('no standing objection');
    const objected = buildLog(consensus, [pos('KZ', 'objection', 1)], false);
    expect(validateWithdrawal(objected, 'KZ', t(2))).toBeNull();
    expect(canClose(objected, t(2))).toBe(true);
  });
});
