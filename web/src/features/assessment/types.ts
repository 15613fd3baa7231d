/**
 * The shapes of the assessment API's answers (`src/assessment/assessment.schemas.ts`), as the
 * dashboard reads them.
 */

/** One state's (or a region's) figures for one year; `score` is the index, 0 to 10. */
export interface IndexPoint {
  year: number;
  incidents: number;
  killed: number;
  wounded: number;
  property: number;
  raw: number;
  weighted: number;
  score: number;
  change1: number | null;
  change5: number | null;
}

export interface StateSeries {
  code: string;
  name: string;
  series: IndexPoint[];
}

export interface IndexView {
  period: { from: number; to: number };
  highestWeighted: number;
  method: string;
  states: StateSeries[];
  region?: { id: string; name: string; states: string[]; series: IndexPoint[] };
}

export const BREAKDOWNS = ['attack', 'weapon', 'target', 'category'] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];

export interface Counts {
  incidents: number;
  killed: number;
  wounded: number;
}

export interface FormCategory {
  name: string;
  cbrn: boolean;
  total: Counts;
  series: (Counts & { year: number })[];
}

export interface FormsView {
  by: Breakdown;
  period: { from: number; to: number };
  states: string[];
  region?: { id: string; name: string };
  categories: FormCategory[];
  cbrn: { year: number; incidents: number }[];
}

export interface Region {
  id: string;
  name: string;
  states: string[];
  builtIn: boolean;
}

/** What the map and the charts show: the index, or a count of incidents or of deaths. */
export const MEASURES = ['index', 'incidents', 'deaths'] as const;
export type Measure = (typeof MEASURES)[number];

/** The dashboard's choice of states and years, as the API takes it. */
export interface Selection {
  region?: string | undefined;
  states?: readonly string[] | undefined;
  from: number;
  to: number;
}
