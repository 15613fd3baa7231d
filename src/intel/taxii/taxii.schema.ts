/** Row types of the TAXII tables, added to the database's type by module augmentation. */
declare module '../../db/schema.ts' {
  interface DB {
    taxii_status: TaxiiStatusTable;
    taxii_cursors: TaxiiCursorsTable;
  }
}

/** A status resource (TAXII 2.1 section 4.3) as JSON, and who may read it. */
export interface TaxiiStatusTable {
  id: string;
  /** `user:<id>` of who posted the envelope. */
  owner: string;
  created_at: string;
  expires_at: string;
  body: string;
}

/** Where the last pull from a collection of another server ended (its `X-TAXII-Date-Added-Last`). */
export interface TaxiiCursorsTable {
  /** `<api root URL> <collection id>`. */
  source: string;
  added_last: string;
  updated_at: string;
}
