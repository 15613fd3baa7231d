import type { Generated } from 'kysely';

/**
 * Row types of every table, as both dialects store them: dates are ISO 8601 text (so they
 * compare the same way everywhere), flags are 0/1 integers, and multilingual or list values
 * are JSON text decoded by the presenters.
 */
export interface ProvenanceColumns {
  /** JSON array of source URLs. */
  sources: string;
  confidence: string;
  notes: string | null;
  /** JSON array of short sentences, or null. */
  conflicts: string | null;
}

export interface StatesTable extends ProvenanceColumns {
  code: string;
  /** JSON {en, ru, zh}. */
  name: string;
}

export interface StateStatusesTable extends ProvenanceColumns {
  id: string;
  state_code: string;
  status: string;
  from_date: string;
  to_date: string | null;
  how: string;
}

export interface BodiesTable extends ProvenanceColumns {
  id: string;
  /** Position in the data file: the Charter's order of bodies. */
  ordinal: number;
  abbreviation: string;
  name: string;
  kind: string;
  charter_article: string | null;
  seat: string | null;
  since: string | null;
  role: string;
}

export interface SummitsTable extends ProvenanceColumns {
  id: string;
  series: string;
  ordinal: number;
  ordinal_sourced: number;
  start_date: string;
  end_date: string;
  city: string;
  host: string;
  chair: string;
  format: string;
}

export interface DocumentsTable extends ProvenanceColumns {
  id: string;
  title: string;
  kind: string;
  date: string;
  place: string | null;
  body_id: string | null;
  summit_id: string | null;
  entry_into_force: string | null;
  description: string | null;
  /** 'reference' (data/, rewritten by each load) or 'council' (adopted by a decision, kept). */
  origin: Generated<string>;
  decision_id: string | null;
}

/** The exact text of a document the Council adopted, with the reservations attached. */
export interface DocumentTextsTable {
  document_id: string;
  /** JSON {ru, zh, en}. */
  texts: string;
  /** JSON [{state, text}]. */
  reservations: string;
}

export interface DocumentPartiesTable {
  document_id: string;
  state_code: string;
}

export interface PeopleTable extends ProvenanceColumns {
  id: string;
  name: string;
  office: string;
  ordinal: number;
  country: string | null;
  start_date: string;
  end_date: string | null;
}

/** One row per searchable record: its text in every language, normalized for matching. */
export interface SearchEntriesTable {
  subject_type: string;
  subject_id: string;
  /** JSON {en, ru, zh} shown as the hit's title. */
  title: string;
  /** Lower-cased NFKC text of names, titles and descriptions in all languages. */
  haystack: string;
  /** Smaller is better: titles rank before descriptions. */
  rank: Generated<number>;
}

/**
 * The chronology, kept as rows so that one indexed query answers it: summits, documents,
 * status changes and appointments, rebuilt in the transaction that changes what they come from.
 */
export interface ChronologyEventsTable {
  id: string;
  date: string;
  kind: string;
  /** Order within a day: the summit, then its documents, then status changes, then appointments. */
  position: number;
  subject_type: string;
  subject_id: string;
  /** JSON {en, ru, zh}. */
  title: string;
  /** JSON array of the ISO codes of the states concerned. */
  states: string;
}

export interface ChronologyEventStatesTable {
  event_id: string;
  state_code: string;
}

export interface MetaTable {
  key: string;
  value: string;
}

export interface OrganizationsTable {
  id: string;
  /** delegation | secretariat | rats-executive-committee | partner-center */
  kind: string;
  /** JSON {en, ru, zh}. */
  name: string;
  /** The member state a delegation represents. */
  state_code: string | null;
  created_at: string;
}

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  organization_id: string;
  /** JSON array of role names. */
  roles: string;
  /** argon2id; null for a user who has not set a password. */
  password_hash: string | null;
  disabled_at: string | null;
  created_at: string;
}

export interface SessionsTable {
  /** SHA-256 of the session secret the cookie holds: the secret itself is never stored. */
  id_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  /** SHA-256 of the token's secret part. */
  secret_hash: string;
  /** JSON array: the roles the token may use (never more than its user holds). */
  roles: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
  last_used_at: string | null;
}

export interface LoginThrottleTable {
  /** `account:<username>` or `address:<ip>`. */
  key: string;
  failures: number;
  locked_until: string | null;
  updated_at: string;
}

export interface SetupTokensTable {
  secret_hash: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface AuditLogTable {
  seq: number;
  at: string;
  /** `user:<id>`, `cli:<name>` or `system`. */
  actor: string;
  organization_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string;
  /** SHA-256 of the canonical JSON of the subject's new state. */
  state_digest: string;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export interface DB {
  states: StatesTable;
  state_statuses: StateStatusesTable;
  bodies: BodiesTable;
  summits: SummitsTable;
  documents: DocumentsTable;
  document_parties: DocumentPartiesTable;
  document_texts: DocumentTextsTable;
  people: PeopleTable;
  search_entries: SearchEntriesTable;
  chronology_events: ChronologyEventsTable;
  chronology_event_states: ChronologyEventStatesTable;
  meta: MetaTable;
  organizations: OrganizationsTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  login_throttle: LoginThrottleTable;
  setup_tokens: SetupTokensTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
}
