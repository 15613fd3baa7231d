import type { I18n, ListResponse } from '../../api/types.ts';

/**
 * Shapes of the information center's API (`/api/intel`), as the pages read them. They follow
 * `src/intel/intel.schemas.ts` and `src/intel/classification.types.ts`, which are the source of truth.
 */

export const TLP_LEVELS = ['clear', 'green', 'amber', 'amber+strict', 'red'] as const;
/** Traffic Light Protocol 2.0, least to most restrictive. */
export type Tlp = (typeof TLP_LEVELS)[number];

/** The STIX types the knowledge base holds (`src/intel/stix.definitions.ts`). */
export const STIX_TYPES = [
  'threat-actor',
  'intrusion-set',
  'campaign',
  'incident',
  'location',
  'identity',
  'report',
  'relationship',
  'sighting',
  'note',
  'opinion',
  'grouping',
  'marking-definition',
  'extension-definition',
] as const;
export type StixType = (typeof STIX_TYPES)[number];

/** The types the information center calls organizations. */
export const ORGANIZATION_TYPES = ['threat-actor', 'intrusion-set'] as const;

/** The types a person creates with the form. */
export const EDITABLE_TYPES = ['threat-actor', 'intrusion-set', 'incident', 'report'] as const;
export type EditableType = (typeof EDITABLE_TYPES)[number];

/** One object in lists and search results. */
export interface ObjectSummary {
  id: string;
  type: StixType | (string & {});
  name: string | null;
  /** When what it describes happened or was first seen (ISO date or timestamp). */
  happened: string | null;
  tlp: Tlp;
  creatorOrg: string;
  created: string;
  modified: string;
}
export type ObjectList = ListResponse<ObjectSummary>;

/** A STIX 2.1 object, every property kept. */
export type StixObject = Record<string, unknown> & { type: string; id: string };

export interface Abilities {
  read?: boolean;
  update?: boolean;
  share?: boolean;
  'lower-marking'?: boolean;
}

/** An object as its reader sees it: the latest version, its marking and what the reader may do. */
export interface ObjectView {
  object: StixObject;
  tlp: Tlp;
  creatorOrg: string;
  /** Shown to the creating organization only (empty for others). */
  recipientOrgs: string[];
  recipientUsers: string[];
  abilities: Abilities;
  /** On a save: whether it made a new object, a new version, or changed nothing. */
  written?: 'created' | 'versioned' | 'unchanged';
}

export interface VersionList {
  items: { modified: string; object: StixObject }[];
}

/** The body of `POST /intel/objects`; `tlp` as people write it (`TLP:GREEN`). */
export interface SaveInput {
  object: Record<string, unknown>;
  tlp: string;
  recipientOrgs?: string[];
  recipientUsers?: string[];
  lowerMarking?: boolean;
}

export interface ShareInput {
  tlp: string;
  recipientOrgs?: string[];
  recipientUsers?: string[];
}

/** One incident with what its GTD extension carries, for tables and maps. */
export interface IncidentRow {
  id: string;
  name: string;
  date: string | null;
  precision: string | null;
  country: string | null;
  countryCode: string | null;
  region: string | null;
  city: string | null;
  latitude: number | null;
  longitude: number | null;
  attackTypes: string[];
  weaponTypes: string[];
  perpetrators: string[];
  killed: number | null;
  wounded: number | null;
  tlp: Tlp | null;
}
export type IncidentList = ListResponse<IncidentRow>;

/** An organization's incidents per year, and when it was first and last seen. */
export interface Timeline {
  firstSeen: string | null;
  lastSeen: string | null;
  years: { year: string; incidents: number; killed: number; wounded: number }[];
}

/* Classification under the conventions. */

export const LABELS = ['terrorism', 'separatism', 'extremism'] as const;
export type Label = (typeof LABELS)[number];
export const OUTCOMES = [...LABELS, 'none', 'insufficient-information'] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const FINDING_VALUES = ['holds', 'does-not-hold', 'unknown'] as const;
export type FindingValue = (typeof FINDING_VALUES)[number];
export const EVIDENCE_KINDS = ['object', 'document', 'source'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];
export type Status = 'met' | 'ruled-out' | 'undetermined';

export interface I18nFull {
  en: string;
  ru: string;
  zh: string;
}

export interface DefinitionElement {
  id: string;
  label: I18nFull;
  text: I18n;
  confirmed: boolean;
  wording: 'treaty-text' | 'summary' | 'not-retrieved';
  sources: string[];
  note?: string;
}

export interface Limb {
  id: string;
  label: I18nFull;
  allOf: string[];
}

export interface Definition {
  label: Label;
  article: string | null;
  note?: string;
  elements: DefinitionElement[];
  structure: { anyOf: Limb[] };
}

export interface DefinitionSet {
  id: string;
  version: number;
  title: I18nFull;
  signed: string;
  note?: string;
  definitions: Definition[];
}

export interface Evidence {
  kind: EvidenceKind;
  ref: string;
  note?: string;
}

export interface Finding {
  element: string;
  value: FindingValue;
  evidence: Evidence[];
  derived?: 'gtd' | null;
  note?: string;
}

export interface LimbReasons {
  limb: string;
  status: Status;
  holds: string[];
  fails: string[];
  unknown: string[];
}

export interface Caveat {
  kind: 'unconfirmed-element' | 'derived-finding';
  definition: Label;
  limb: string;
  element: string;
  note: string;
}

/** One analyst's assessment with its computed classification and reasons. */
export interface Assessment {
  id: string;
  subjectId: string;
  analyst: string;
  createdAt: string;
  findings: Finding[];
  set: string;
  version: number;
  result: Outcome;
  labels: Label[];
  definitions: { label: Label; status: Status; limbs: LimbReasons[] }[];
  caveats: Caveat[];
}

export interface Disagreement {
  subject: string;
  set: string;
  version: number;
  elements: {
    element: string;
    definition: Label;
    findings: { value: FindingValue; analysts: string[] }[];
    differ: boolean;
  }[];
  results: { analyst: string; result: Outcome; labels: Label[] }[];
  resultsDiffer: boolean;
}

export interface Assessments {
  items: Assessment[];
  disagreements: Disagreement[];
}

export interface AssessmentInput {
  subjectId: string;
  set: string;
  version?: number;
  findings: Finding[];
}

/** An entry of the common list: an adopted Council decision that added (or removed) an organization. */
export interface ListEntry {
  objectId: string;
  decisionId: string;
  assessmentId: string;
  action: 'add' | 'remove';
  decidedAt: string;
  decision: I18n;
  reservations: { state: string; text: string }[];
}

export interface CommonList {
  items: ListEntry[];
  history: ListEntry[];
}

/** What an import did: counts, and each fault of a rejected record with its place and field. */
export interface ImportReport {
  read: number;
  created: number;
  versioned: number;
  unchanged: number;
  rejected: number;
  rejections: { at: string; field: string; problem: string }[];
  landed: boolean;
}

export const IMPORT_KINDS = ['stix', 'gtd'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
