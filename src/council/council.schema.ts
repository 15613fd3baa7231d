/**
 * Row types of the Council's tables, added to the database's type by module augmentation so
 * that the module owns its tables. Texts and lists are JSON text, dates ISO 8601 text.
 */
declare module '../db/schema.ts' {
  interface DB {
    drafts: DraftsTable;
    draft_revisions: DraftRevisionsTable;
    amendments: AmendmentsTable;
    decisions: DecisionsTable;
    decision_events: DecisionEventsTable;
  }
}

export interface DraftsTable {
  id: string;
  body_id: string;
  /** Document symbol, e.g. SCO/CHS/2026/L.3. */
  symbol: string;
  /** JSON {en, ru, zh}. */
  title: string;
  created_at: string;
  created_by: string;
}

export interface DraftRevisionsTable {
  id: string;
  draft_id: string;
  /** 0 for the original text, then 1 for Rev.1 and so on. */
  number: number;
  symbol: string;
  /** JSON {ru, zh, en}: Russian and Chinese authentic, English the working language. */
  texts: string;
  /** JSON array of the amendment ids merged into this revision. */
  merged_amendments: string;
  created_at: string;
  created_by: string;
}

export interface AmendmentsTable {
  id: string;
  draft_id: string;
  revision_id: string;
  state_code: string;
  provision: string;
  language: string;
  old_text: string;
  new_text: string;
  reason: string;
  /** proposed | accepted | rejected | merged */
  status: string;
  created_at: string;
  created_by: string;
}

export interface DecisionsTable {
  id: string;
  body_id: string;
  draft_id: string | null;
  revision_id: string | null;
  title: string;
  rule: string;
  concerned_state: string | null;
  /** JSON array of the ISO codes with a say, fixed when the decision opened. */
  eligible: string;
  chair_state: string | null;
  /** The outcome computed from the log at the last event: pending | adopted | not-adopted. */
  status: string;
  /** Number of events in the log; each append takes the row's lock by raising it. */
  version: number;
  opened_at: string;
  opened_by: string;
  closed_at: string | null;
  /**
   * JSON {objectId, assessmentId, action: add|remove} when the decision would put an organization
   * on the common list or take it off; the list changes only if the decision is adopted.
   */
  listing: string | null;
}

export interface DecisionEventsTable {
  decision_id: string;
  seq: number;
  at: string;
  type: string;
  state_code: string | null;
  /** JSON of the event's own fields (position, text, deadline, ruling...). */
  data: string;
  actor: string;
}

declare module '../db/schema.ts' {
  interface DB {
    meetings: MeetingsTable;
    meeting_agenda: MeetingAgendaTable;
    meeting_attendance: MeetingAttendanceTable;
  }
}

/** A meeting (session) of a body. */
export interface MeetingsTable {
  id: string;
  body_id: string;
  /** JSON {en, ru, zh}. */
  title: string;
  start_date: string;
  end_date: string;
  place: string;
  /** in-person | virtual | hybrid */
  format: string;
  chair_state: string | null;
  created_at: string;
  created_by: string;
}

export interface MeetingAgendaTable {
  meeting_id: string;
  position: number;
  /** JSON {en, ru, zh}. */
  title: string;
  decision_id: string | null;
}

export interface MeetingAttendanceTable {
  meeting_id: string;
  state_code: string;
  /** present | by-video | absent */
  attendance: string;
  /** The state's class in the body on the meeting's day (member, observer, partner...). */
  seat_class: string;
  recorded_at: string;
}
