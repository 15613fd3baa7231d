/**
 * Shapes of the public registry API (`/api/...`), as the portal reads them. They follow the
 * contract of the server's response schemas; the server's schemas are the source of truth.
 */

/** Text in the platform's three languages; English is always present. */
export interface I18n {
  en: string;
  ru?: string;
  zh?: string;
}

export type Confidence = 'confirmed' | 'partial' | 'inferred' | 'unconfirmed';

export interface Provenance {
  confidence: Confidence;
  sources: string[];
  notes?: string;
  conflicts?: string[];
}

export interface ListResponse<T> {
  items: T[];
  total: number;
}

export const STATUSES = [
  'shanghai-five',
  'member',
  'observer',
  'dialogue-partner',
  'partner',
  'suspended',
] as const;
export type StatusName = (typeof STATUSES)[number];

export interface StatusPeriod {
  status: StatusName;
  from: string;
  /** Exclusive; null while the status holds. */
  to: string | null;
  how: string;
  confidence: Confidence;
  sources: string[];
}

export interface StateSummary extends Provenance {
  code: string;
  name: I18n;
  statuses: StatusPeriod[];
  statusAt: StatusPeriod | null;
}

export interface StateDetail extends StateSummary {
  summitsHosted: SummitSummary[];
  documents: DocumentSummary[];
}

export const BODY_KINDS = ['council', 'meeting', 'permanent-body', 'center'] as const;
export type BodyKind = (typeof BODY_KINDS)[number];

export interface Body extends Provenance {
  id: string;
  abbreviation: string;
  name: I18n;
  kind: BodyKind;
  charterArticle: string | null;
  seat: I18n | null;
  since: string | null;
  role: I18n;
}

export type SummitFormat = 'in-person' | 'virtual' | 'hybrid';
export type SummitSeries = 'shanghai-five' | 'sco';

export interface SummitSummary {
  id: string;
  series: SummitSeries;
  ordinal: number;
  ordinalSourced: boolean;
  start: string;
  end: string;
  city: I18n;
  host: string;
  hostName: I18n;
  chair: string;
  chairName: I18n;
  format: SummitFormat;
  documentCount: number;
}

export interface SummitDetail extends SummitSummary, Provenance {
  documents: DocumentSummary[];
}

export const DOCUMENT_KINDS = [
  'treaty',
  'agreement',
  'charter',
  'convention',
  'declaration',
  'protocol',
  'statement',
  'decision',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export interface DocumentSummary {
  id: string;
  title: I18n;
  kind: DocumentKind;
  /** YYYY, YYYY-MM or YYYY-MM-DD. */
  date: string;
  summitId: string | null;
}

export interface DocumentDetail extends DocumentSummary, Provenance {
  place: I18n | null;
  body: { id: string; name: I18n } | null;
  parties: { code: string; name: I18n }[];
  description: I18n | null;
  entryIntoForce: string | null;
}

export type Office = 'secretary-general' | 'rats-director';

export interface Person extends Provenance {
  id: string;
  name: I18n;
  office: Office;
  order: number;
  country: string | null;
  countryName: I18n | null;
  start: string;
  end: string | null;
}

export const CHRONOLOGY_KINDS = ['summit', 'document', 'status', 'appointment'] as const;
export type ChronologyKind = (typeof CHRONOLOGY_KINDS)[number];

export type SubjectType = 'summit' | 'document' | 'state' | 'person';

export interface ChronologyEvent {
  date: string;
  kind: ChronologyKind;
  title: I18n;
  subject: { type: SubjectType; id: string };
  states: string[];
}

export type SearchHitType = 'state' | 'body' | 'summit' | 'document' | 'person';

export interface SearchHit {
  type: SearchHitType;
  id: string;
  title: I18n;
}
