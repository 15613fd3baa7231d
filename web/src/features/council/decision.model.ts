import type { Decision, HistoryEvent, Position, WrittenProcedure } from './types.ts';

/**
 * What the board reads out of a decision beyond its computed outcome: the states counted, the
 * silence and written procedures and whether they still run, and the log newest first. Pure
 * functions; the server's outcome (status, reason, standing objections, the procedure's stage) is
 * never recomputed here.
 */

const bySeq = (a: HistoryEvent, b: HistoryEvent) => a.seq - b.seq;

/** The states whose positions count: the roster at opening without the state concerned. */
export function countedStates(decision: Decision): string[] {
  return decision.eligible.filter((state) => state !== decision.concernedState);
}

/** How many counted states have stated a position, out of how many. */
export function positionCount(decision: Decision): { stated: number; of: number } {
  const counted = countedStates(decision);
  return { stated: counted.filter((state) => state in decision.positions).length, of: counted.length };
}

/** The current position of a state, or null when it has not stated one. */
export function positionOf(decision: Decision, state: string): Position | null {
  return decision.positions[state] ?? null;
}

export interface SilenceProcedure {
  /** ISO instant (UTC) when silence ends. */
  deadline: string;
  /** When it was launched (the opening, when the decision opened under silence). */
  launchedAt: string;
  /** The first counted objection or amendment before the deadline, which broke silence. */
  broken: { state: string; at: string; reason: 'objection' | 'amendment' } | null;
}

/**
 * The silence procedure in force: the last `silence-launched` event's deadline, or the `opened`
 * event's deadline; null when the decision was never under silence.
 */
export function silenceOf(decision: Decision): SilenceProcedure | null {
  const events = [...decision.history].sort(bySeq);
  let launch: HistoryEvent | undefined;
  for (const event of events) {
    if ((event.type === 'silence-launched' || event.type === 'opened') && event.deadline) launch = event;
  }
  if (!launch?.deadline) return null;
  const deadline = launch.deadline;
  const counted = new Set(countedStates(decision));
  const deadlineMs = Date.parse(deadline);
  for (const event of events) {
    if (event.seq <= launch.seq || !event.state || !counted.has(event.state)) continue;
    if (Date.parse(event.at) >= deadlineMs) break;
    const objection = event.type === 'position' && event.position === 'objection';
    if (objection || event.type === 'amendment-proposed' || event.type === 'silence-broken') {
      const reason = event.type === 'position' || event.reason === 'objection' ? 'objection' : 'amendment';
      return { deadline, launchedAt: launch.at, broken: { state: event.state, at: event.at, reason } };
    }
  }
  return { deadline, launchedAt: launch.at, broken: null };
}

/** Whether anyone may still act: the decision is pending and has not ended. */
export function isOpen(decision: Decision): boolean {
  return decision.status === 'pending' && decision.closedAt === null;
}

/**
 * Whether a running, unbroken silence procedure keeps the chair from closing now (the server
 * refuses a close until the deadline, when silence ends the decision by itself).
 */
export function silenceRunning(decision: Decision, nowMs: number): boolean {
  const silence = silenceOf(decision);
  return silence !== null && silence.broken === null && Date.parse(silence.deadline) > nowMs;
}

/** The log, newest first. */
export function newestFirst(decision: Decision): HistoryEvent[] {
  return [...decision.history].sort((a, b) => bySeq(b, a));
}

/** The last sequence number of the log (0 for none): which of two copies is the newer. */
export function lastSeq(decision: Decision | undefined): number {
  if (!decision) return 0;
  return decision.history.reduce((max, event) => Math.max(max, event.seq), 0);
}

/** The chair's ruling, once closed. */
export function rulingOf(decision: Decision): string | null {
  const closed = [...decision.history].sort(bySeq).find((event) => event.type === 'closed');
  return closed?.ruling ?? null;
}

/**
 * The state a signed-in user may speak for on this decision: their delegation's, when they are a
 * delegate or head of delegation and their state is counted; otherwise null.
 */
export function speakingState(
  decision: Decision,
  me: { stateCode: string | null | undefined; roles: readonly string[] },
): string | null {
  const state = me.stateCode;
  if (!state || !me.roles.some((role) => role === 'delegate' || role === 'head-of-delegation')) return null;
  return countedStates(decision).includes(state) ? state : null;
}

/** When a state took its current position (its last position or withdrawal), or null. */
export function positionSince(decision: Decision, state: string): string | null {
  let at: string | null = null;
  let seq = -1;
  for (const event of decision.history) {
    if (event.state !== state || event.seq < seq) continue;
    if (event.type === 'position' || event.type === 'withdraw-objection') {
      at = event.at;
      seq = event.seq;
    }
  }
  return at;
}

/** Why the decision stands where it does, in words the interface can translate (the server's `reason` is English). */
export type Summary =
  | { key: 'silence'; deadline: string }
  | { key: 'writtenAgreeing'; deadline: string }
  | { key: 'inWriting'; deadline: string }
  | { key: 'silenceBroken'; state: string }
  | { key: 'open' }
  | { key: 'openObjection'; states: string[] }
  | { key: 'adopted' }
  | { key: 'adoptedUnanimously' }
  | { key: 'notAdoptedObjection'; states: string[] }
  | { key: 'notUnanimous'; states: string[] }
  | { key: 'silenceFailed'; state: string };

/**
 * The summary of the server's outcome: the status is the server's; this only names its grounds
 * (the silence procedure, the standing objections, the states withholding unanimity).
 */
export function summaryOf(decision: Decision): Summary {
  const silence = silenceOf(decision);
  const objecting = decision.standingObjections.map((o) => o.state);
  if (decision.status === 'pending') {
    if (silence?.broken) return { key: 'silenceBroken', state: silence.broken.state };
    if (silence) return { key: 'silence', deadline: silence.deadline };
    const written = writtenOf(decision);
    if (written?.stage === 'agreeing') return { key: 'writtenAgreeing', deadline: written.agreeBy };
    if (written?.stage === 'in-writing') return { key: 'inWriting', deadline: written.deadline };
    return objecting.length ? { key: 'openObjection', states: objecting } : { key: 'open' };
  }
  if (decision.status === 'not-adopted' && silence?.broken) {
    return { key: 'silenceFailed', state: silence.broken.state };
  }
  if (decision.rule === 'unanimity') {
    if (decision.status === 'adopted') return { key: 'adoptedUnanimously' };
    const withholding = countedStates(decision).filter((state) => decision.positions[state] !== 'support');
    return { key: 'notUnanimous', states: withholding };
  }
  return decision.status === 'adopted'
    ? { key: 'adopted' }
    : { key: 'notAdoptedObjection', states: objecting };
}

/** The written procedure as the board shows it: the server's stage and lists, and what the log adds. */
export interface WrittenView extends WrittenProcedure {
  /** When the chair proposed it (the last proposal, after a lapsed one). */
  proposedAt: string;
  /** The refusal that lapsed it, with its reason, or null. */
  refusal: { state: string; at: string; text: string | null } | null;
  /**
   * The counted states that have not agreed: those still to answer while it is being agreed, and
   * those whose agreement was missing when the time to agree ran out.
   */
  missing: string[];
}

/**
 * The written procedure the decision is under, or null: none was proposed, or a silence procedure
 * launched after it lapsed has taken its place (the server refuses the written procedure under
 * silence, so a silence procedure on the log always comes after it).
 */
export function writtenOf(decision: Decision): WrittenView | null {
  const { procedure } = decision;
  if (procedure.kind !== 'written' || silenceOf(decision)) return null;
  const events = [...decision.history].sort(bySeq);
  const launch = events.findLast((event) => event.type === 'written-launched');
  const since = launch?.seq ?? 0;
  const refused = events.find(
    (event) => event.seq > since && event.type === 'written-answer' && event.agrees === false,
  );
  const refusal =
    procedure.stage === 'lapsed' && refused?.state
      ? { state: refused.state, at: refused.at, text: refused.text ?? null }
      : null;
  const agreed = new Set(procedure.agreed);
  const missing =
    procedure.stage === 'in-writing' ? [] : countedStates(decision).filter((state) => !agreed.has(state));
  return { ...procedure, proposedAt: launch?.at ?? decision.openedAt, refusal, missing };
}

/**
 * The state a signed-in delegation answers for on the use of the written procedure: its speaking
 * state, while the use is being agreed and that state has not agreed yet; otherwise null.
 */
export function answeringState(
  decision: Decision,
  me: { stateCode: string | null | undefined; roles: readonly string[] },
): string | null {
  const written = writtenOf(decision);
  if (!isOpen(decision) || written?.stage !== 'agreeing') return null;
  const state = speakingState(decision, me);
  return state && !written.agreed.includes(state) ? state : null;
}

/** Whether positions on the substance wait for every state's agreement to the written procedure. */
export function positionsWaitForWritten(decision: Decision): boolean {
  return isOpen(decision) && writtenOf(decision)?.stage === 'agreeing';
}

/**
 * The moment the decision changes without anyone acting, or null: the deadline of an unbroken
 * silence procedure, the end of the time to agree to the written procedure, or the end of its time
 * for positions in writing. The board counts down to it and reads the decision again then.
 */
export function nextTurn(decision: Decision): string | null {
  if (!isOpen(decision)) return null;
  const silence = silenceOf(decision);
  if (silence) return silence.broken ? null : silence.deadline;
  const written = writtenOf(decision);
  if (written?.stage === 'agreeing') return written.agreeBy;
  if (written?.stage === 'in-writing') return written.deadline;
  return null;
}

/** What keeps the chair from closing now: a running procedure, and until when. */
export type CloseBlock =
  | { kind: 'silence'; until: string }
  | { kind: 'agreeing'; until: string }
  | { kind: 'in-writing'; until: string };

/**
 * Why the chair may not close now, or null (the server refuses a close while an unbroken silence
 * procedure runs, while the use of the written procedure is being agreed, and while in writing).
 */
export function closeBlock(decision: Decision, nowMs: number): CloseBlock | null {
  const silence = silenceOf(decision);
  if (silence) return silenceRunning(decision, nowMs) ? { kind: 'silence', until: silence.deadline } : null;
  const written = writtenOf(decision);
  if (written?.stage === 'agreeing') return { kind: 'agreeing', until: written.agreeBy };
  if (written?.stage === 'in-writing') return { kind: 'in-writing', until: written.deadline };
  return null;
}

/**
 * Whether the chair's form to propose the written procedure is offered: the decision is open, the
 * caller may propose it, no silence procedure was ever launched and no written procedure runs (a
 * lapsed one may be proposed again).
 */
export function mayProposeWritten(decision: Decision): boolean {
  if (!isOpen(decision) || decision.abilities['launch-written'] !== true) return false;
  if (silenceOf(decision)) return false;
  const written = writtenOf(decision);
  return written === null || written.stage === 'lapsed';
}
