import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MEMBERS, opening, type Setup, t } from './decision.fixtures.ts';
import {
  closeProblem,
  noticeOf,
  outcome,
  validatePosition,
  writtenAnswerProblem,
  writtenProblem,
} from './decision.rules.ts';
import type { DecisionEvent } from './decision.types.ts';

/** The written procedure: agreeing to use it (every state), then positions in writing. */

const THREE = ['CN', 'KZ', 'RU'];
const setup: Setup = { rule: 'consensus', eligible: THREE, concerned: null };
const AGREE_BY = t(60);
const DEADLINE = t(600);

/** A log from events without numbers: the opening, the chair's proposal at minute 1, then `rest`. */
function log(...rest: Omit<DecisionEvent, 'seq'>[]): DecisionEvent[] {
  const events = [
    opening(setup),
    { at: t(1), type: 'written-launched', agreeBy: AGREE_BY, deadline: DEADLINE },
    ...rest,
  ] as Omit<DecisionEvent, 'seq'>[];
  return events.map((e, i) => ({ ...e, seq: i + 1 }) as DecisionEvent);
}
const answer = (state: string, agrees: boolean, minute: number, text: string | null = null) =>
  ({ at: t(minute), type: 'written-answer', state, agrees, text }) as const;
const position = (state: string, p: 'support' | 'objection' | 'reservation', minute: number) =>
  ({ at: t(minute), type: 'position', state, position: p, text: 'text' }) as const;
const allAgree = [answer('CN', true, 2), answer('KZ', true, 3), answer('RU', true, 4)];

describe('the written procedure', () => {
  it('waits for every state to agree to its use before any position on the substance', () => {
    const proposed = log(answer('CN', true, 2));
    expect(outcome(proposed, t(3)).procedure).toEqual({
      kind: 'written',
      stage: 'agreeing',
      agreeBy: AGREE_BY,
      deadline: DEADLINE,
      agreed: ['CN'],
      awaiting: ['KZ', 'RU'],
      refusedBy: null,
    });
    expect(validatePosition(proposed, { state: 'KZ', position: 'support' }, t(3))).toMatch(/not yet agreed/);
    expect(closeProblem(proposed, t(3))).toMatch(/being agreed/);
    expect(writtenAnswerProblem(proposed, 'CN', t(3))).toMatch(/already agreed/);
  });

  it('once agreed, takes positions in writing and applies the rule at the deadline, with a notice', () => {
    const agreed = log(...allAgree, position('KZ', 'reservation', 10), position('CN', 'support', 11));
    expect(outcome(agreed, t(12))).toMatchObject({
      status: 'pending',
      procedure: { stage: 'in-writing', agreed: THREE, awaiting: [] },
    });
    expect(closeProblem(agreed, t(12))).toMatch(/runs until/);
    const done = outcome(agreed, t(601));
    expect(done).toMatchObject({
      status: 'adopted',
      closedAt: DEADLINE,
      reservations: [{ state: 'KZ', text: 'text' }],
    });
    expect(done.reason).toContain('in writing');
    expect(noticeOf(done)).toContain('adopted under the written procedure');
    expect(validatePosition(agreed, { state: 'RU', position: 'support' }, t(601))).toMatch(/deadline/);
  });

  it('fails at the deadline on a standing objection in writing', () => {
    const objected = log(...allAgree, position('RU', 'objection', 20));
    expect(outcome(objected, t(601))).toMatchObject({
      status: 'not-adopted',
      standingObjections: [{ state: 'RU' }],
    });
  });

  it('lapses on a refusal, returning the decision to a meeting where the chair may close', () => {
    const refused = log(answer('CN', true, 2), answer('KZ', false, 3, 'this needs a meeting'));
    const result = outcome(refused, t(4));
    expect(result.procedure).toMatchObject({ stage: 'lapsed', refusedBy: 'KZ' });
    expect(result.reason).toMatch(/KZ did not agree/);
    expect(closeProblem(refused, t(4))).toBeNull();
    expect(validatePosition(refused, { state: 'RU', position: 'support' }, t(4))).toBeNull();
    const closed = [
      ...refused,
      { seq: 5, at: t(5), type: 'closed', by: 'chair', ruling: 'r' } as DecisionEvent,
    ];
    expect(outcome(closed, t(6)).status).toBe('adopted');
    expect(noticeOf(outcome(closed, t(6)))).toBeNull();
  });

  it('lapses when the time to agree passes without every agreement, and may be proposed again', () => {
    const late = log(answer('CN', true, 2), answer('KZ', true, 3));
    expect(outcome(late, t(61)).procedure).toMatchObject({ stage: 'lapsed', refusedBy: null });
    expect(outcome(late, t(61)).reason).toMatch(/not every state agreed/);
    expect(writtenAnswerProblem(late, 'RU', t(61))).toMatch(/no longer being agreed/);
    expect(writtenProblem(late, t(100), t(200), t(61))).toBeNull();
  });

  it('refuses a second procedure while one runs, under silence, or with the times reversed', () => {
    expect(writtenProblem(log(), t(100), t(200), t(2))).toMatch(/already runs/);
    const plain = [opening(setup)];
    expect(writtenProblem(plain, t(200), t(100), t(2))).toMatch(/before the deadline/);
    expect(writtenProblem([opening(setup, t(50))], t(100), t(200), t(2))).toMatch(/silence/);
  });

  it('property: no decision is adopted in writing unless every eligible state agreed to the procedure', () => {
    fc.assert(
      fc.property(
        fc.subarray([...MEMBERS], { minLength: 1 }),
        fc.array(
          fc.record({
            state: fc.constantFrom(...MEMBERS),
            agrees: fc.boolean(),
            minute: fc.integer({ min: 2, max: 120 }),
          }),
          {
            maxLength: 15,
          },
        ),
        (eligible, answers) => {
          const events = [
            opening({ rule: 'consensus', eligible, concerned: null }),
            { seq: 2, at: t(1), type: 'written-launched', agreeBy: AGREE_BY, deadline: DEADLINE },
            ...answers.map((a, i) => ({
              seq: i + 3,
              at: t(a.minute),
              type: 'written-answer',
              state: a.state,
              agrees: a.agrees,
            })),
          ] as DecisionEvent[];
          const result = outcome(events, t(700));
          const agreedInTime = new Set(answers.filter((a) => a.agrees && a.minute < 60).map((a) => a.state));
          const refusedFirst = answers.some((a) => !a.agrees && a.minute < 60 && eligible.includes(a.state));
          if (result.status === 'adopted') {
            expect(eligible.every((s) => agreedInTime.has(s))).toBe(true);
          }
          if (!eligible.every((s) => agreedInTime.has(s)) && !refusedFirst) {
            expect(result.status).toBe('pending');
          }
        },
      ),
    );
  });
});
