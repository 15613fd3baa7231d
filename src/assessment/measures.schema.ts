/**
 * Row types of the monitoring of joint measures, added to the database's type by module
 * augmentation. Lists and multilingual values are JSON text; dates are ISO 8601 text.
 */
declare module '../db/schema.ts' {
  interface DB {
    measures: MeasuresTable;
    measure_states: MeasureStatesTable;
    measure_indicators: MeasureIndicatorsTable;
    measure_measurements: MeasureMeasurementsTable;
  }
}

export interface MeasuresTable {
  id: string;
  kind: string;
  /** JSON MeasureCategory[]. */
  categories: string;
  /** JSON {en, ru?, zh?}. */
  name: string;
  /** The English name, for ordering and search. */
  name_en: string;
  start_date: string;
  end_date: string;
  /** JSON [{country, region?}]. */
  places: string;
  /** JSON [{kind: 'state' | 'body', id}]. */
  participants: string;
  /** JSON string[]. */
  objectives: string;
  /** JSON string[]. */
  outcomes: string;
  /** JSON [{citation, url}]. */
  sources: string;
  confidence: string;
  /** JSON: the fields the sources leave unconfirmed. */
  unconfirmed: string;
  notes: string | null;
  /** 'reference' (data/measures.json, rewritten by each load) or 'user' (entered, kept). */
  origin: string;
  created_at: string;
  /** `user:<id>` or `system:<name>`, as the audit log names actors. */
  created_by: string;
  updated_at: string;
}

/** The states a measure concerns (its participant states and host countries), for filtering. */
export interface MeasureStatesTable {
  measure_id: string;
  state_code: string;
}

export interface MeasureIndicatorsTable {
  id: string;
  measure_id: string;
  name: string;
  unit: string;
  target: number;
  baseline: number | null;
  direction: string;
  due: string | null;
  created_at: string;
  created_by: string;
}

export interface MeasureMeasurementsTable {
  id: string;
  indicator_id: string;
  date: string;
  value: number;
  note: string | null;
  source_url: string | null;
  recorded_at: string;
  recorded_by: string;
}
