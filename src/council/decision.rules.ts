import { instant, type Replayed, replay } from './decision.log.rules.ts';
import type { DecisionEvent, DecisionStatus, Outcome, Position, Procedure } from './decision.types.ts';

/**
 * The outcome of a Council decision, computed from objections and never tallied (Charter art. 16):
 * - consensus: adopted at the close iff no eligible state holds a standing formal objection;
 *   abstention, absence, silence, statements and reservations never block;
 * - consensus minus one: the same, with the state concerned removed from the eligible set;
 * - unanimity: adopted iff every eligible state's current position is `support`. Unlike consensus,
 *   unanimity asks for positive agreement (reference §7.2, "kept distinct"; §3.1: unanimous and
 *   consensus are different things), so no-objection, abstention, a statement, a reservation or
 *   silence all withhold it. (The EU's rule that abstention does not prevent unanimity is not ours.)
 * - silence procedure: once launched, an eligible state's objection or proposed amendment before the
 *   deadline breaks silence and the decision fails; if silence holds, the deadline ends consideration
 *   without a close and the rule above is applied then. Under unanimity silence is not agreement.
 * - written procedure: two decisions (reference §3.3). Its use needs every eligible state's
 *   agreement; then positions are given in writing and, at the deadline, the decision's own rule is
 *   applied. A refused or unanswered use lapses the procedure and the decision returns to a meeting.
 */

const sortByState = <T extends { state: string }>(rows: T[]): T[] =>
  rows.sort((a, b) => (a.state < b.state ? -1 : a.state > b.state ? 1 : 0));

const list = (states: string[]): string => states.join(', ');

/** The outcome of a decision from its event log as known at `now`: status, blocking objections, reasons. */
export function outcome(events: readonly DecisionEvent[], now: string): Outcome {
  const replayed = replay(events, now);
  const standingObjections: Outcome['standingObjections'] = [];
  const reservations: Outcome['reservations'] = [];
  const statements: Outcome['statements'] = [];
  const positions: Record<string, Position> = {};
  for (const state of [...replayed.held.keys()].sort()) {
    const held = replayed.held.get(state);
    if (!held) continue;
    positions[state] = held.position;
    const text = held.text ?? '';
    if (held.position === 'objection') standingObjections.push({ state, reason: text, at: held.at });
    if (held.position === 'reservation') reservations.push({ state, text });
    if (held.position === 'statement') statements.push({ state, text });
  }
  const { status, reason } = verdict(replayed, sortByState(standingObjections));
  return {
    status,
    standingObjections,
    reservations,
    statements,
    positions,
    closedAt: replayed.ending?.at ?? null,
    procedure: procedureOf(replayed),
    reason,
  };
}

/** The procedure the decision is under, as people follow it. */
function procedureOf({ silence, written, eligible }: Replayed): Procedure {
  if (written) {
    const agreed = [...written.agreed.keys()].sort();
    return {
      kind: 'written',
      stage: written.stage,
      agreeBy: written.agreeBy,
      deadline: written.deadline,
      agreed,
      awaiting:
        written.stage === 'agreeing' ? [...eligible].filter((s) => !written.agreed.has(s)).sort() : [],
      refusedBy: written.refusedBy?.state ?? null,
    };
  }
  if (silence)
    return { kind: 'silence', deadline: silence.deadline, brokenBy: silence.broken?.state ?? null };
  return { kind: 'meeting' };
}

/** Why a running written procedure stands in the way, for the pending reason; null if none runs. */
function writtenPending(written: Replayed['written']): string | null {
  if (written?.stage === 'agreeing') {
    return `The chair proposes the written procedure: its use needs every state's agreement by ${written.agreeBy}.`;
  }
  if (written?.stage === 'in-writing') return `In writing: positions are taken until ${written.deadline}.`;
  return null;
}

function verdict(
  replayed: Replayed,
  objections: Outcome['standingObjections'],
): { status: DecisionStatus; reason: string } {
  const { opened, silence, written, ending } = replayed;
  if (!opened) return { status: 'pending', reason: 'The decision has not been opened.' };
  const broken = silence?.broken;
  const breach = broken ? `Silence broken by ${broken.state} (${broken.reason}) at ${broken.at}` : '';
  if (!ending) {
    if (broken && silence) {
      return {
        status: 'pending',
        reason: `${breach}; not adopted once the deadline ${silence.deadline} passes.`,
      };
    }
    if (silence)
      return { status: 'pending', reason: `Under the silence procedure until ${silence.deadline}.` };
    const inWriting = writtenPending(written);
    if (inWriting) return { status: 'pending', reason: inWriting };
    const blocking = objections.length
      ? `; formal objection standing: ${list(objections.map((o) => o.state))}`
      : '';
    const lapsed =
      written?.stage === 'lapsed'
        ? written.refusedBy
          ? ` (the written procedure lapsed: ${written.refusedBy.state} did not agree to its use)`
          : ` (the written procedure lapsed: not every state agreed to its use by ${written.agreeBy})`
        : '';
    return { status: 'pending', reason: `Open, awaiting the close${lapsed}${blocking}.` };
  }
  if (broken) return { status: 'not-adopted', reason: `${breach}: the silence procedure failed.` };
  const how =
    ending.kind === 'deadline'
      ? `when silence held until ${ending.at}`
      : ending.kind === 'written'
        ? `in writing, at the deadline ${ending.at}`
        : 'at the close';

  if (opened.rule === 'unanimity') {
    const withholding = [...replayed.eligible]
      .sort()
      .filter((s) => replayed.held.get(s)?.position !== 'support');
    return withholding.length
      ? { status: 'not-adopted', reason: `Not unanimous ${how}: no support from ${list(withholding)}.` }
      : { status: 'adopted', reason: `Adopted unanimously ${how}: every eligible state supports.` };
  }
  const rule =
    opened.rule === 'consensus-minus-one'
      ? `consensus minus one (${opened.concerned ?? '?'} not counted)`
      : 'consensus';
  return objections.length
    ? {
        status: 'not-adopted',
        reason: `Not adopted by ${rule} ${how}: formal objection standing: ${list(objections.map((o) => o.state))}.`,
      }
    : { status: 'adopted', reason: `Adopted by ${rule} ${how}: no standing formal objection.` };
}

/** What stops any new act on the decision (not opened, closed, deadline passed), or null. */
function endedProblem(replayed: Replayed): string | null {
  if (!replayed.opened) return 'the decision has not been opened';
  if (replayed.ending?.kind === 'closed') return 'the decision is closed';
  if (replayed.ending?.kind === 'written')
    return `the written procedure's deadline ${replayed.ending.at} has passed`;
  if (replayed.ending) return `the silence deadline ${replayed.ending.at} has passed`;
  return null;
}

/** Why a state may not act on this decision now (closed, not eligible, state concerned), or null. */
function actorProblem(replayed: Replayed, state: string): string | null {
  const ended = endedProblem(replayed);
  if (ended) return ended;
  if (replayed.opened?.rule === 'consensus-minus-one' && replayed.opened.concerned === state) {
    return `${state} is the state concerned and is not counted in this decision`;
  }
  if (!replayed.eligible.has(state)) return `${state} has no seat in this decision`;
  return null;
}

/** Input of a new position, as the service receives it. */
export interface PositionInput {
  state: string;
  position: Position;
  text?: string | null;
}

/** Why a position may not be recorded now, or null; the service refuses it before it reaches the log. */
export function validatePosition(
  events: readonly DecisionEvent[],
  input: PositionInput,
  now: string,
): string | null {
  const replayed = replay(events, now);
  const problem = actorProblem(replayed, input.state);
  if (problem) return problem;
  if (replayed.written?.stage === 'agreeing') {
    return 'the use of the written procedure is not yet agreed: positions on the substance wait for it';
  }
  const text = input.text?.trim() ?? '';
  if (input.position === 'objection' && !text) return 'a formal objection needs its reason';
  if ((input.position === 'statement' || input.position === 'reservation') && !text) {
    return `a ${input.position} needs its text`;
  }
  return null;
}

/** Why a state may not withdraw an objection now (it holds none, or the decision ended), or null. */
export function validateWithdrawal(
  events: readonly DecisionEvent[],
  state: string,
  now: string,
): string | null {
  const replayed = replay(events, now);
  const problem = actorProblem(replayed, state);
  if (problem) return problem;
  return replayed.held.get(state)?.position === 'objection' ? null : `${state} holds no standing objection`;
}

/** Why the chair may not close now, or null: ended already, or a silence procedure still running. */
export function closeProblem(events: readonly DecisionEvent[], now: string): string | null {
  const replayed = replay(events, now);
  const ended = endedProblem(replayed);
  if (ended) return ended;
  const { silence, written } = replayed;
  if (silence && !silence.broken) return `the silence procedure runs until ${silence.deadline}`;
  if (written?.stage === 'agreeing')
    return `the use of the written procedure is being agreed until ${written.agreeBy}`;
  if (written?.stage === 'in-writing') return `the written procedure runs until ${written.deadline}`;
  return null;
}

/**
 * Why the chair may not propose the written procedure now, or null: the decision ended, is under
 * silence, or a written procedure already runs. `agreeBy` must come before `deadline`.
 */
export function writtenProblem(
  events: readonly DecisionEvent[],
  agreeBy: string,
  deadline: string,
  now: string,
): string | null {
  const replayed = replay(events, now);
  const ended = endedProblem(replayed);
  if (ended) return ended;
  if (replayed.silence) return 'the decision is under the silence procedure';
  if (replayed.written && replayed.written.stage !== 'lapsed') return 'a written procedure already runs';
  if (instant(agreeBy) >= instant(deadline))
    return 'the time to agree must end before the deadline for positions';
  return null;
}

/** Why a state may not answer on the use of the written procedure now, or null. */
export function writtenAnswerProblem(
  events: readonly DecisionEvent[],
  state: string,
  now: string,
): string | null {
  const replayed = replay(events, now);
  const problem = actorProblem(replayed, state);
  if (problem) return problem;
  const { written } = replayed;
  if (!written) return 'no written procedure has been proposed';
  if (written.stage !== 'agreeing')
    return `the use of the written procedure is no longer being agreed (${written.stage})`;
  if (written.agreed.has(state)) return `${state} has already agreed to the written procedure`;
  return null;
}

/** Whether the chair may close consideration now; see `closeProblem` for the reason when not. */
export function canClose(events: readonly DecisionEvent[], now: string): boolean {
  return closeProblem(events, now) === null;
}

/**
 * The notice issued when a silence procedure ends: adopted because silence held, or not adopted
 * because it was broken (by whom, how). Null while no silence procedure has ended.
 */
export function noticeOf(result: Outcome): string | null {
  const { procedure } = result;
  // A lapsed written procedure returned the decision to a meeting: its close needs no notice.
  const byProcedure =
    procedure.kind === 'silence' || (procedure.kind === 'written' && procedure.stage !== 'lapsed');
  if (!byProcedure || result.status === 'pending' || !result.closedAt) return null;
  const { kind } = procedure;
  const verdict = result.status === 'adopted' ? `is adopted under the ${kind} procedure` : 'is not adopted';
  return `Notice of ${result.closedAt}: the decision ${verdict}. ${result.reason}`;
}
