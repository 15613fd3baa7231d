/** The API's shapes of the monitoring of joint measures (see `src/assessment/measures.schemas.ts`). */

export const MEASURE_KINDS = ['exercise', 'operation', 'training'] as const;
export type MeasureKind = (typeof MEASURE_KINDS)[number];
export const MEASURE_CATEGORIES = [
  'terrorism',
  'separatism',
  'extremism',
  'drug-trafficking',
  'organized-crime',
] as const;
export type MeasureCategory = (typeof MEASURE_CATEGORIES)[number];
export type Direction = 'higher-is-better' | 'lower-is-better';
export type Trend = 'rising' | 'falling' | 'flat';

export interface MeasureName {
  en: string;
  ru?: string;
  zh?: string;
}
export interface Place {
  country: string;
  region?: string;
}
export interface Participant {
  kind: 'state' | 'body';
  id: string;
}

export interface MeasureSummary {
  id: string;
  kind: MeasureKind;
  categories: MeasureCategory[];
  name: MeasureName;
  start: string;
  end: string;
  places: Place[];
  participants: Participant[];
  outcomeSummary: string | null;
  confidence: string;
  indicators: number;
}
export interface MeasureList {
  items: MeasureSummary[];
  total: number;
}

export interface Measurement {
  id: string;
  date: string;
  value: number;
  note: string | null;
  source: string | null;
  recordedAt: string;
  recordedBy: string;
}

export interface Indicator {
  id: string;
  name: string;
  unit: string;
  target: number;
  baseline: number | null;
  direction: Direction;
  due: string | null;
  measurements: Measurement[];
  latest: { date: string; value: number } | null;
  progress: number | null;
  trend: Trend | null;
  onTrack: boolean | null;
  met: boolean;
}

export interface MeasureView extends Omit<MeasureSummary, 'indicators'> {
  objectives: string[];
  outcomes: string[];
  sources: { citation: string; url: string | null }[];
  unconfirmed: string[];
  notes: string | null;
  origin: string;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  indicators: Indicator[];
  abilities: Record<string, boolean>;
}

export interface NewMeasureInput {
  kind: MeasureKind;
  categories: MeasureCategory[];
  name: MeasureName;
  start: string;
  end: string;
  places: Place[];
  participants: Participant[];
  objectives?: string[];
  outcomes?: string[];
  sources?: { citation: string; url?: string | null }[];
  notes?: string | null;
}
export interface NewIndicatorInput {
  name: string;
  unit: string;
  target: number;
  direction: Direction;
  baseline?: number | null;
  due?: string | null;
}
export interface NewMeasurementInput {
  date: string;
  value: number;
  note?: string | null;
  source?: string | null;
}
