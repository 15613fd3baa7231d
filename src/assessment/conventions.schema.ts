/**
 * Row types of the Conventions' implementation tables, added to the database's type by module
 * augmentation so that the module owns its tables. Dates are ISO 8601 text, lists JSON text.
 */
declare module '../db/schema.ts' {
  interface DB {
    implementing_laws: ImplementingLawsTable;
    harmonization_notes: HarmonizationNotesTable;
  }
}

/** A national law (or other act) of one state implementing one instrument. */
export interface ImplementingLawsTable {
  id: string;
  /** ISO 3166-1 alpha-2. */
  state_code: string;
  /** The instrument's registry document id. */
  instrument_id: string;
  /** The title in the original language. */
  title: string;
  title_en: string | null;
  /** YYYY-MM-DD: the date the law was adopted. */
  adopted: string;
  url: string | null;
  note: string | null;
  /** JSON array of source URLs (those of data/implementing-laws.json; [] for laws users add). */
  sources: string;
  /** The actor who recorded it, as the audit log names actors; the loader's rows are its own. */
  recorded_by: string;
  created_at: string;
  updated_at: string;
}

/** A note on the harmonization of one state's laws with one instrument. */
export interface HarmonizationNotesTable {
  id: string;
  state_code: string;
  instrument_id: string;
  text: string;
  /** The author's organization (null when written by the local operator). */
  organization_id: string | null;
  /** The author, as the audit log names actors. */
  author: string;
  /** YYYY-MM-DD: the date the note speaks for. */
  date: string;
  created_at: string;
  updated_at: string;
}
