import { describe, expect, it } from 'vitest';
import {
  countedStates,
  lastSeq,
  newestFirst,
  positionCount,
  rulingOf,
  silenceOf,
  silenceRunning,
  speakingState,
  summaryOf,
} from './decision.model.ts';
import type { Decision, HistoryEvent } from './types.ts';

const OPENED: HistoryEvent = {
  seq: 1,
  at: '2026-11-01T08:00:00.000Z',
  type: 'opened',
  rule: 'consensus-minus-one',
  eligible: ['CN', 'KZ', 'RU'],
  concerned: 'RU',
  deadline: null,
};

function decision(history: HistoryEvent[], overrides: Partial<Decision> = {}): Decision {
  return {
    id: 'd1',
    bodyId: 'chs',
    draftId: null,
    revisionId: null,
    title: { en: 'Joint statement' },
    rule: 'consensus-minus-one',
    concernedState: 'RU',
    eligible: ['CN', 'KZ', 'RU'],
    chairState: 'CN',
    openedAt: OPENED.at,
    status: 'pending',
    standingObjections: [],
    reservations: [],
    statements: [],
    positions: {},
    closedAt: null,
    reason: 'Open, awaiting the close.',
    history,
    abilities: { read: true },
    ...overrides,
  };
}

describe('the board model', () => {
  it('counts the states without the state concerned', () => {
    const d = decision([OPENED], { positions: { KZ: 'support' } });
    expect(countedStates(d)).toEqual(['CN', 'KZ']);
    expect(positionCount(d)).toEqual({ stated: 1, of: 2 });
  });

  it('finds the silence deadline of the last launch, and what broke it', () => {
    const launched: HistoryEvent = {
      seq: 2,
      at: '2026-11-01T09:00:00.000Z',
      type: 'silence-launched',
      deadline: '2026-11-03T10:00:00.000Z',
    };
    const before = Date.parse('2026-11-02T00:00:00Z');
    expect(silenceOf(decision([OPENED]))).toBeNull();
    expect(silenceOf(decision([OPENED, launched]))).toEqual({
      deadline: launched.deadline,
      launchedAt: launched.at,
      broken: null,
    });
    expect(silenceRunning(decision([OPENED, launched]), before)).toBe(true);

    // The state concerned does not count; KZ's objection breaks silence.
    const ruObjects: HistoryEvent = {
      seq: 3,
      at: '2026-11-01T10:00:00.000Z',
      type: 'position',
      state: 'RU',
      position: 'objection',
      text: 'no',
    };
    const kzObjects: HistoryEvent = { ...ruObjects, seq: 4, state: 'KZ' };
    expect(silenceOf(decision([OPENED, launched, ruObjects]))?.broken).toBeNull();
    const broken = decision([kzObjects, OPENED, launched, ruObjects]);
    expect(silenceOf(broken)?.broken).toEqual({ state: 'KZ', at: kzObjects.at, reason: 'objection' });
    expect(silenceRunning(broken, before)).toBe(false);
  });

  it('takes the deadline of a decision opened under silence', () => {
    const opened = { ...OPENED, deadline: '2026-11-05T00:00:00.000Z' };
    expect(silenceOf(decision([opened]))?.deadline).toBe(opened.deadline);
  });

  it('orders the log newest first and reads the ruling', () => {
    const closed: HistoryEvent = {
      seq: 2,
      at: '2026-11-02T00:00:00.000Z',
      type: 'closed',
      by: 'user:1',
      ruling: 'Adopted.',
    };
    const d = decision([OPENED, closed]);
    expect(newestFirst(d).map((e) => e.seq)).toEqual([2, 1]);
    expect(lastSeq(d)).toBe(2);
    expect(rulingOf(d)).toBe('Adopted.');
  });

  it('lets a delegation speak only for its own counted state', () => {
    const d = decision([OPENED]);
    expect(speakingState(d, { stateCode: 'KZ', roles: ['delegate'] })).toBe('KZ');
    expect(speakingState(d, { stateCode: 'RU', roles: ['head-of-delegation'] })).toBeNull();
    expect(speakingState(d, { stateCode: 'KZ', roles: ['analyst'] })).toBeNull();
    expect(speakingState(d, { stateCode: null, roles: ['delegate'] })).toBeNull();
  });

  it('names the grounds of the outcome', () => {
    const plain = { ...OPENED, rule: 'consensus' as const, concerned: null };
    const base = { rule: 'consensus' as const, concernedState: null };
    expect(summaryOf(decision([plain], base))).toEqual({ key: 'open' });
    const objection = { state: 'KZ', reason: 'no', at: plain.at };
    expect(summaryOf(decision([plain], { ...base, standingObjections: [objection] }))).toEqual({
      key: 'openObjection',
      states: ['KZ'],
    });
    expect(
      summaryOf(decision([plain], { ...base, status: 'not-adopted', standingObjections: [objection] })),
    ).toEqual({ key: 'notAdoptedObjection', states: ['KZ'] });
    expect(summaryOf(decision([plain], { ...base, status: 'adopted' }))).toEqual({ key: 'adopted' });
    expect(
      summaryOf(
        decision([plain], {
          ...base,
          rule: 'unanimity',
          status: 'not-adopted',
          positions: { CN: 'support', KZ: 'abstention' },
        }),
      ),
    ).toEqual({ key: 'notUnanimous', states: ['KZ', 'RU'] });
    const launched: HistoryEvent = {
      seq: 2,
      at: plain.at,
      type: 'silence-launched',
      deadline: '2026-11-09T00:00:00Z',
    };
    expect(summaryOf(decision([plain, launched], base))).toEqual({
      key: 'silence',
      deadline: launched.deadline,
    });
    const breaks: HistoryEvent = {
      seq: 3,
      at: plain.at,
      type: 'amendment-proposed',
      state: 'CN',
      text: 'p. 2',
    };
    expect(summaryOf(decision([plain, launched, breaks], base))).toEqual({
      key: 'silenceBroken',
      state: 'CN',
    });
    expect(summaryOf(decision([plain, launched, breaks], { ...base, status: 'not-adopted' }))).toEqual({
      key: 'silenceFailed',
      state: 'CN',
    });
  });
});
