/**
 * Row types of the information center's tables, added to the database's type by module
 * augmentation. Bodies are the STIX JSON as stored; times are ISO 8601 text; `added` is the
 * version's `date_added` in microseconds since 1970.
 */
declare module '../db/schema.ts' {
  interface DB {
    stix_objects: StixObjectsTable;
    stix_versions: StixVersionsTable;
    stix_recipients: StixRecipientsTable;
    stix_refs: StixRefsTable;
    stix_clock: StixClockTable;
    assessments: AssessmentsTable;
    listings: ListingsTable;
  }
}

/** One row per object: its latest version's index fields and who may read it. */
export interface StixObjectsTable {
  id: string;
  type: string;
  tlp: string;
  creator_org: string;
  creator_user: string | null;
  created: string;
  /** The latest version's `modified`. */
  modified: string;
  name: string | null;
  /** When what it describes happened (an incident's date, a report's publication). */
  happened: string | null;
  /** Where, as an ISO 3166 alpha-2 code: an incident's country, a location's. */
  place: string | null;
  /** Lower-case text searched by `q`. */
  search: string;
  /** SHA-256 of the latest version without its timestamps: a re-import with the same content is no change. */
  digest: string;
  revoked: number;
}

export interface StixVersionsTable {
  id: string;
  modified: string;
  added: number | bigint | string;
  body: string;
}

/** Named recipients: organizations (AMBER) or users (RED). */
export interface StixRecipientsTable {
  object_id: string;
  kind: 'org' | 'user';
  principal: string;
}

export interface StixRefsTable {
  source_id: string;
  target_id: string;
}

export interface StixClockTable {
  id: number;
  last_added: number | bigint | string;
}

/** One analyst's assessment of one subject under one definition set; the result is computed. */
export interface AssessmentsTable {
  id: string;
  subject_id: string;
  set_id: string;
  set_version: number;
  /** `user:<id>` or `system:<name>`, as the audit log names actors. */
  analyst: string;
  organization_id: string | null;
  /** JSON Finding[]. */
  findings: string;
  result: string;
  /** JSON Label[]. */
  labels: string;
  created_at: string;
}

/** An entry into (or out of) the common list, made by an adopted Council decision. */
export interface ListingsTable {
  decision_id: string;
  object_id: string;
  assessment_id: string;
  action: 'add' | 'remove';
  decided_at: string;
  /** JSON [{state, text}]: the reservations published with the decision. */
  reservations: string;
}
