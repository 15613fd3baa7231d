import type { Decision, HistoryEvent, Position } from './types.ts';

/**
 * What the board reads out of a decision beyond its computed outcome: the states counted, the
 * silence procedure and whether it still runs, and the log newest first. Pure functions; the
 * server's outcome (status, reason, standing objections) is never recomputed here.
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
