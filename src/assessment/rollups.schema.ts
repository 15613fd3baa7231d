/** Row types of the incident rollups, added to the database's type by module augmentation. */
declare module '../db/schema.ts' {
  interface DB {
    audiences: AudiencesTable;
    incident_facts: IncidentFactsTable;
    rollups: RollupsTable;
    rollups_year: RollupsYearTable;
    regions: RegionsTable;
  }
}

/** A marking class: who may read the incidents counted under its key. */
export interface AudiencesTable {
  key: string;
  tlp: string;
  creator_org: string;
  /** JSON string[]. */
  recipient_orgs: string;
  /** JSON string[]. */
  recipient_users: string;
}

interface SumColumns {
  incidents: number;
  killed: number;
  wounded: number;
  property: number;
  cbrn: number;
}

export interface IncidentFactsTable {
  id: string;
  audience: string;
  category: string;
  country: string;
  year: number;
  month: number;
  attack: string;
  weapon: string;
  target: string;
  killed: number;
  wounded: number;
  property: number;
  cbrn: number;
}

export interface RollupsTable extends SumColumns {
  audience: string;
  category: string;
  country: string;
  year: number;
  month: number;
  attack: string;
  weapon: string;
  target: string;
}

export interface RollupsYearTable extends SumColumns {
  audience: string;
  country: string;
  year: number;
}

/** A region a user defined: a name and its states (JSON ISO alpha-2 codes). */
export interface RegionsTable {
  id: string;
  name: string;
  states: string;
  created_by: string;
  created_at: string;
}
