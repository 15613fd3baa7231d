import type { I18n, ListResponse } from '../../api/types.ts';

/**
 * Shapes of the Council's decisions API (`/api/decisions`), as the board reads them. They follow
 * `src/council/decisions.schemas.ts`, which is the source of truth.
 */

export const DECISION_RULES = ['consensus', 'consensus-minus-one', 'unanimity'] as const;
/** consensus: no standing objection; minus one: the state concerned is not counted; unanimity: all support. */
export type DecisionRule = (typeof DECISION_RULES)[number];

export const DECISION_STATUSES = ['pending', 'adopted', 'not-adopted'] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];

export const POSITIONS = [
  'support',
  'no-objection',
  'abstention',
  'statement',
  'reservation',
  'objection',
] as const;
/** A member state's stance; only `objection` blocks consensus. */
export type Position = (typeof POSITIONS)[number];

/** The positions that must come with a text: the reason of an objection, the text of the others. */
export const TEXT_REQUIRED: readonly Position[] = ['statement', 'reservation', 'objection'];

export const HISTORY_TYPES = [
  'opened',
  'position',
  'withdraw-objection',
  'silence-launched',
  'silence-broken',
  'amendment-proposed',
  'written-launched',
  'written-answer',
  'closed',
] as const;
export type HistoryType = (typeof HISTORY_TYPES)[number];

/** One event of a decision's append-only log; fields beyond `seq`, `at` and `type` depend on the type. */
export interface HistoryEvent {
  seq: number;
  at: string;
  type: HistoryType | (string & {});
  state?: string;
  position?: Position;
  text?: string | null;
  /** `opened` (when it opens under silence), `silence-launched` and `written-launched`. */
  deadline?: string | null;
  /** `written-launched`: by when every state must agree to use the written procedure. */
  agreeBy?: string;
  /** `written-answer`: whether the state agrees to use the written procedure (`text` is a refusal's reason). */
  agrees?: boolean;
  /** `closed`: the chair's ruling and who closed. */
  ruling?: string;
  by?: string;
  /** `silence-broken`: objection or amendment. */
  reason?: string;
  /** `opened`: the terms. */
  rule?: DecisionRule;
  eligible?: string[];
  concerned?: string | null;
}

export interface StandingObjection {
  state: string;
  reason: string;
  at: string;
}

export interface StateText {
  state: string;
  text: string;
}

export const WRITTEN_STAGES = ['agreeing', 'in-writing', 'lapsed'] as const;
/**
 * The stages of the written procedure: every state agreeing to use it, then positions in writing
 * until the deadline; lapsed when a state refused or the time to agree passed without every answer.
 */
export type WrittenStage = (typeof WRITTEN_STAGES)[number];

/** The written procedure as the server reports it (lists sorted by state code). */
export interface WrittenProcedure {
  kind: 'written';
  stage: WrittenStage;
  /** ISO instant by which every counted state must agree to use the procedure. */
  agreeBy: string;
  /** ISO instant when positions in writing end and the decision's rule is applied. */
  deadline: string;
  /** The states that agreed to use it. */
  agreed: string[];
  /** The states still to answer, while it is being agreed (empty at the other stages). */
  awaiting: string[];
  refusedBy: string | null;
}

/** How the decision is being taken: at a meeting (the chair closes), under silence, or in writing. */
export type Procedure =
  | { kind: 'meeting' }
  | { kind: 'silence'; deadline: string; brokenBy: string | null }
  | WrittenProcedure;

export interface Decision {
  id: string;
  bodyId: string;
  draftId: string | null;
  revisionId: string | null;
  title: I18n;
  rule: DecisionRule;
  /** Under consensus minus one: the state that is not counted. */
  concernedState: string | null;
  /** The roster at opening (the state concerned included; it is not counted). */
  eligible: string[];
  chairState: string | null;
  openedAt: string;
  status: DecisionStatus;
  standingObjections: StandingObjection[];
  reservations: StateText[];
  statements: StateText[];
  /** Current position of each counted state that has taken one. */
  positions: Record<string, Position>;
  closedAt: string | null;
  /** Which procedure the decision is taken under, and at what stage. */
  procedure: Procedure;
  /** One sentence saying why, in English (from the server). */
  reason: string;
  /** The event log, oldest first. */
  history: HistoryEvent[];
  abilities: {
    read?: boolean;
    close?: boolean;
    'launch-silence'?: boolean;
    'launch-written'?: boolean;
  } & Record<string, boolean>;
}

export type DecisionList = ListResponse<Decision>;

export interface PositionInput {
  position: Position;
  text?: string;
}

/** The chair's proposal of the written procedure: both instants ISO 8601 with their offsets. */
export interface WrittenInput {
  agreeBy: string;
  deadline: string;
}

/** A delegation's answer on the use of the written procedure; a refusal needs its reason. */
export interface WrittenAnswerInput {
  agrees: boolean;
  text?: string;
}
