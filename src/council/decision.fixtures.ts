import fc from 'fast-check';
import {
  type DecisionEvent,
  type DecisionRule,
  type OpenedEvent,
  POSITIONS,
  type Position,
} from './decision.types.ts';

/**
 * Builders and fast-check arbitraries for decision logs, shared by the council's tests. Times are
 * minutes after a fixed origin so that logs are readable and deterministic.
 */

export const MEMBERS = ['BY', 'CN', 'IN', 'IR', 'KG', 'KZ', 'PK', 'RU', 'TJ', 'UZ'] as const;
/** A state without a seat: its positions must never count. */
export const OUTSIDER = 'MN';

const ORIGIN = Date.parse('2026-03-02T09:00:00Z');
/** The ISO instant `minutes` after the fixtures' origin. */
export const t = (minutes: number): string => new Date(ORIGIN + minutes * 60_000).toISOString();

/** One act of a state in a log: a position (with its text) or the withdrawal of an objection. */
export type Step =
  | { state: string; kind: 'position'; position: Position; minute: number }
  | { state: string; kind: 'withdraw'; minute: number };

/** A step: `state` takes `position` at `minute`. */
export const pos = (state: string, position: Position, minute: number): Step => ({
  state,
  kind: 'position',
  position,
  minute,
});
/** A step: `state` withdraws its objection at `minute`. */
export const withdraw = (state: string, minute: number): Step => ({ state, kind: 'withdraw', minute });

export interface Setup {
  rule: DecisionRule;
  eligible: string[];
  concerned: string | null;
}

/** The `opened` event of a setup, at minute 0, optionally under silence until `deadline`. */
export const opening = (setup: Setup, deadline: string | null = null): OpenedEvent => ({
  seq: 1,
  at: t(0),
  type: 'opened',
  rule: setup.rule,
  eligible: setup.eligible,
  concerned: setup.concerned,
  deadline,
});

/** The event of a step; every text is present so that validity never colours a property. */
export const stepEvent = (step: Step, seq: number): DecisionEvent =>
  step.kind === 'position'
    ? { seq, at: t(step.minute), type: 'position', state: step.state, position: step.position, text: 'text' }
    : { seq, at: t(step.minute), type: 'withdraw-objection', state: step.state };

export const CLOSE_MINUTE = 2000;
export const AFTER = t(5000);

/** A whole log: opening, the steps in order, then (if asked) the chair's close at minute 2000. */
export function buildLog(setup: Setup, steps: readonly Step[], close = true): DecisionEvent[] {
  const events: DecisionEvent[] = [opening(setup), ...steps.map((s, i) => stepEvent(s, i + 2))];
  if (close) {
    events.push({
      seq: steps.length + 2,
      at: t(CLOSE_MINUTE),
      type: 'closed',
      by: 'chair',
      ruling: 'closed',
    });
  }
  return events;
}

export const setupArb = (rules: readonly DecisionRule[]): fc.Arbitrary<Setup> =>
  fc
    .record({ rule: fc.constantFrom(...rules), eligible: fc.subarray([...MEMBERS], { minLength: 1 }) })
    .chain(({ rule, eligible }) =>
      (rule === 'consensus-minus-one' ? fc.constantFrom(...eligible) : fc.constant(null)).map(
        (concerned) => ({
          rule,
          eligible,
          concerned,
        }),
      ),
    );

export const stateArb = fc.constantFrom<string>(...MEMBERS, OUTSIDER);

/** A step before the close (minutes 1..1999). */
export const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    state: stateArb,
    kind: fc.constant('position' as const),
    position: fc.constantFrom(...POSITIONS),
    minute: fc.integer({ min: 1, max: CLOSE_MINUTE - 1 }),
  }),
  fc.record({
    state: stateArb,
    kind: fc.constant('withdraw' as const),
    minute: fc.integer({ min: 1, max: CLOSE_MINUTE - 1 }),
  }),
);

export const stepsArb = fc.array(stepArb, { maxLength: 30 });
