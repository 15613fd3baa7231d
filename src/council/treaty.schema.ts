/**
 * Row types of the tables of the life of documents, added to the database's type by module
 * augmentation so that the module owns its tables. Lists are JSON text, dates ISO 8601 text.
 */
declare module '../db/schema.ts' {
  interface DB {
    document_force_rules: DocumentForceRulesTable;
    document_instruments: DocumentInstrumentsTable;
  }
}

/** One per document whose entry into force is known: its rule, who may accede, and why we say so. */
export interface DocumentForceRulesTable {
  document_id: string;
  /** JSON of a `ForceRule` (treaty.rules.ts). */
  rule: string;
  /** none | members | any: who may accede without being a party. */
  accession: string;
  /** JSON array of source URLs for the rule. */
  sources: string;
  confidence: string;
  notes: string | null;
}

/** A signature or an instrument (ratification, acceptance, approval, accession) of one state. */
export interface DocumentInstrumentsTable {
  /** `<document>:<state>:<kind>`: deterministic, so a reload finds the same row. */
  id: string;
  document_id: string;
  state_code: string;
  /** signature | ratification | acceptance | approval | accession */
  kind: string;
  /** YYYY-MM-DD: the date of signature, or of deposit with the depositary. */
  date: string;
  notes: string | null;
  /** JSON array of source URLs. */
  sources: string;
  confidence: string;
  recorded_at: string;
  /** The actor who recorded it, as the audit log names actors. */
  recorded_by: string;
}
