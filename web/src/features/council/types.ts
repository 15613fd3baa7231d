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
  /** `opened` (when it opens under silence) and `silence-launched`. */
  deadline?: string | null;
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
  /** One sentence saying why, in English (from the server). */
  reason: string;
  /** The event log, oldest first. */
  history: HistoryEvent[];
  abilities: { read?: boolean; close?: boolean; 'launch-silence'?: boolean } & Record<string, boolean>;
}

export type DecisionList = ListResponse<Decision>;

export interface PositionInput {
  position: Position;
  text?: string;
}
