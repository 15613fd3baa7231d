/**
 * The vocabulary of a Council decision: its rule, the positions a member state may take, the events
 * of its append-only log and the computed outcome. Types only; the rules are in `decision.rules.ts`.
 */

export const DECISION_RULES = ['consensus', 'consensus-minus-one', 'unanimity'] as const;
/** consensus: no standing objection; minus one: the state concerned is not counted; unanimity: all support. */
export type DecisionRule = (typeof DECISION_RULES)[number];

export const POSITIONS = [
  'support',
  'no-objection',
  'abstention',
  'statement',
  'reservation',
  'objection',
] as const;
/** A member state's stance. Only `objection` blocks consensus; statements and reservations are recorded. */
export type Position = (typeof POSITIONS)[number];

/** Why silence was broken: a formal objection, or a proposed amendment (OSCE RoP Annex 1 A). */
export type SilenceBreak = 'objection' | 'amendment';

interface EventBase {
  /** Order of the log; the rules read events by `seq`, never by array order. */
  seq: number;
  /** ISO 8601 UTC instant. */
  at: string;
}

/**
 * Opens the decision and fixes its terms. `eligible` is the roster of seats at opening; `concerned`
 * (consensus minus one) is removed from it. A `deadline` places the decision under silence at once.
 */
export interface OpenedEvent extends EventBase {
  type: 'opened';
  rule: DecisionRule;
  eligible: readonly string[];
  concerned?: string | null;
  deadline?: string | null;
}

/** A state's position; the latest supersedes its earlier ones. */
export interface PositionEvent extends EventBase {
  type: 'position';
  state: string;
  position: Position;
  /** The reason of an objection, the text of a statement or reservation. */
  text?: string | null;
}

export interface WithdrawObjectionEvent extends EventBase {
  type: 'withdraw-objection';
  state: string;
}

export interface SilenceLaunchedEvent extends EventBase {
  type: 'silence-launched';
  deadline: string;
}

export interface SilenceBrokenEvent extends EventBase {
  type: 'silence-broken';
  state: string;
  reason: SilenceBreak;
  text?: string | null;
}

export interface AmendmentProposedEvent extends EventBase {
  type: 'amendment-proposed';
  state: string;
  text?: string | null;
}

/** The chair closes consideration; its ruling is recorded, the outcome is still computed. */
export interface ClosedEvent extends EventBase {
  type: 'closed';
  by: string;
  ruling: string;
}

/**
 * The chair proposes to decide in writing (reference §3.3): first every eligible state agrees to
 * use the procedure (unanimity, by `agreeBy`), then the states give their positions in writing
 * until `deadline`, and the decision's own rule is applied. Until the use is agreed no position on
 * the substance is taken; a refusal, or `agreeBy` passing without every agreement, lapses the
 * procedure and the decision returns to the meeting.
 */
export interface WrittenLaunchedEvent extends EventBase {
  type: 'written-launched';
  agreeBy: string;
  deadline: string;
}

/** A delegation's answer on the use of the written procedure, with its reason when it refuses. */
export interface WrittenAnswerEvent extends EventBase {
  type: 'written-answer';
  state: string;
  agrees: boolean;
  text?: string | null;
}

/** A delegation acknowledges receipt of the text circulated under the silence procedure. */
export interface ReceiptEvent extends EventBase {
  type: 'receipt';
  state: string;
}

export type DecisionEvent =
  | ReceiptEvent
  | WrittenLaunchedEvent
  | WrittenAnswerEvent
  | OpenedEvent
  | PositionEvent
  | WithdrawObjectionEvent
  | SilenceLaunchedEvent
  | SilenceBrokenEvent
  | AmendmentProposedEvent
  | ClosedEvent;

export type DecisionStatus = 'pending' | 'adopted' | 'not-adopted';

/**
 * How the decision is being taken: at a meeting (the chair closes), under silence, or in writing
 * (agreeing to the procedure, then in writing; lapsed when the use was not agreed).
 */
export type Procedure =
  | { kind: 'meeting' }
  | { kind: 'silence'; deadline: string; brokenBy: string | null }
  | {
      kind: 'written';
      stage: 'agreeing' | 'in-writing' | 'lapsed';
      agreeBy: string;
      deadline: string;
      /** States that agreed to use the procedure, and those still to answer while it is being agreed. */
      agreed: string[];
      awaiting: string[];
      refusedBy: string | null;
    };

/** The computed outcome of a decision at a given time. Lists are sorted by state code. */
export interface Outcome {
  status: DecisionStatus;
  standingObjections: { state: string; reason: string; at: string }[];
  reservations: { state: string; text: string }[];
  statements: { state: string; text: string }[];
  /** Current position of each eligible state that has taken one. */
  positions: Record<string, Position>;
  /** When the decision ended: the close, or the expiry of a silence procedure. */
  closedAt: string | null;
  procedure: Procedure;
  /** One sentence saying why, for people. */
  reason: string;
}
