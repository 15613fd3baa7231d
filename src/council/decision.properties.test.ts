import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AFTER,
  buildLog,
  CLOSE_MINUTE,
  pos,
  type Step,
  setupArb,
  stateArb,
  stepArb,
  stepsArb,
  t,
  withdraw,
} from './decision.fixtures.ts';
import { outcome } from './decision.rules.ts';
import type { Position } from './decision.types.ts';

/** Properties of the decision outcome over generated logs (rules, rosters, positions, withdrawals). */
describe('properties of the outcome', () => {
  /** Re-interleaves steps by random keys while keeping each state's own steps in their order. */
  const interleave = (steps: Step[], keys: number[]): Step[] => {
    const queues = new Map<string, Step[]>();
    for (const s of steps) queues.set(s.state, [...(queues.get(s.state) ?? []), s]);
    const slots = steps.map((s, i) => ({ state: s.state, key: keys[i] ?? 0, i }));
    slots.sort((a, b) => a.key - b.key || a.i - b.i);
    return slots.map((slot) => queues.get(slot.state)?.shift() as Step);
  };
  const consensusRules = ['consensus', 'consensus-minus-one'] as const;

  it('(1) does not depend on the order of different states’ positions', () => {
    const arb = fc.tuple(
      setupArb(['consensus', 'consensus-minus-one', 'unanimity']),
      stepsArb,
      fc.array(fc.nat()),
    );
    fc.assert(
      fc.property(arb, ([setup, steps, keys]) => {
        const reordered = interleave(steps, keys);
        expect(outcome(buildLog(setup, reordered), AFTER)).toEqual(outcome(buildLog(setup, steps), AFTER));
      }),
    );
  });

  it('(2) an abstention or a reservation never turns adopted into not adopted under consensus', () => {
    const arb = fc.tuple(
      setupArb(consensusRules),
      stepsArb,
      stateArb,
      fc.constantFrom<Position>('abstention', 'reservation'),
      fc.nat(),
    );
    fc.assert(
      fc.property(arb, ([setup, steps, state, position, at]) => {
        fc.pre(outcome(buildLog(setup, steps), AFTER).status === 'adopted');
        const index = at % (steps.length + 1);
        const added = [
          ...steps.slice(0, index),
          pos(state, position, 1 + (at % 1998)),
          ...steps.slice(index),
        ];
        expect(outcome(buildLog(setup, added), AFTER).status).toBe('adopted');
      }),
    );
  });

  it('(3) a standing objection by an eligible state at the close always means not adopted', () => {
    fc.assert(
      fc.property(
        setupArb(['consensus', 'consensus-minus-one', 'unanimity']),
        stepsArb,
        fc.nat(),
        (setup, steps, n) => {
          const counted = setup.eligible.filter((s) => s !== setup.concerned);
          fc.pre(counted.length > 0);
          const objector = counted[n % counted.length] as string;
          const log = buildLog(setup, [...steps, pos(objector, 'objection', CLOSE_MINUTE - 1)]);
          expect(outcome(log, AFTER).status).toBe('not-adopted');
        },
      ),
    );
  });

  it('(4) under consensus minus one the state concerned never counts', () => {
    fc.assert(
      fc.property(setupArb(['consensus-minus-one']), stepsArb, (setup, steps) => {
        const without = steps.filter((s) => s.state !== setup.concerned);
        expect(outcome(buildLog(setup, steps), AFTER)).toEqual(outcome(buildLog(setup, without), AFTER));
      }),
    );
  });

  it('(5) withdrawing the last standing objections before the close gives adopted', () => {
    fc.assert(
      fc.property(setupArb(consensusRules), stepsArb, (setup, steps) => {
        const standing = outcome(buildLog(setup, steps), AFTER).standingObjections;
        const withdrawals = standing.map((o) => withdraw(o.state, CLOSE_MINUTE - 1));
        expect(outcome(buildLog(setup, [...steps, ...withdrawals]), AFTER).status).toBe('adopted');
      }),
    );
  });

  it('(6) after the close, further events change nothing', () => {
    fc.assert(
      fc.property(
        setupArb(['consensus', 'consensus-minus-one', 'unanimity']),
        stepsArb,
        stepsArb,
        (setup, s, later) => {
          const log = buildLog(setup, s);
          const after = later.map((step) => ({ ...step, minute: CLOSE_MINUTE + step.minute }));
          const extended = [...log, ...buildLog(setup, after).slice(1)].map((e, i) => ({ ...e, seq: i + 1 }));
          expect(outcome(extended, t(9000))).toEqual(outcome(log, AFTER));
        },
      ),
    );
  });

  it('a silence procedure’s status does not depend on the order of positions either', () => {
    fc.assert(
      fc.property(
        setupArb(consensusRules),
        fc.array(stepArb, { maxLength: 20 }),
        fc.array(fc.nat()),
        (setup, steps, keys) => {
          const silent = (s: Step[]) =>
            buildLog(setup, s, false).map((e, i) => (i === 0 ? { ...e, deadline: t(CLOSE_MINUTE) } : e));
          expect(outcome(silent(interleave(steps, keys)), AFTER).status).toBe(
            outcome(silent(steps), AFTER).status,
          );
        },
      ),
    );
  });
});
