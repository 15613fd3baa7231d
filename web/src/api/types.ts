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

/* Identity: sign-in, organizations, users, API tokens and the audit log (signed-in part). */

export const ROLES = ['delegate', 'head-of-delegation', 'secretariat-officer', 'analyst', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ORGANIZATION_KINDS = [
  'delegation',
  'secretariat',
  'rats-executive-committee',
  'partner-center',
] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

/** The roles each kind of organization may hold (the server's `ROLES_BY_ORGANIZATION`). */
export const ROLES_BY_ORGANIZATION: Record<OrganizationKind, readonly Role[]> = {
  delegation: ['delegate', 'head-of-delegation', 'admin'],
  secretariat: ['secretariat-officer', 'admin'],
  'rats-executive-committee': ['analyst', 'admin'],
  'partner-center': ['analyst'],
};

/** What the caller may do with an object, computed by the server's access policy. */
export type Abilities = Record<string, boolean>;

export interface Organization {
  id: string;
  kind: OrganizationKind;
  name: I18n;
  stateCode: string | null;
  abilities: Abilities;
}

export interface User {
  id: string;
  username: string;
  displayName: string;
  organizationId: string;
  /** The roles held; see `Me.effectiveRoles` for those in effect today. */
  roles: Role[];
  disabled: boolean;
  createdAt: string;
  abilities: Abilities;
}

export interface Me {
  user: User | null;
  organization: Organization | null;
  effectiveRoles: Role[];
  csrfToken: string | null;
  setupRequired: boolean;
}

export interface Token {
  id: string;
  userId: string;
  username?: string;
  name: string;
  roles: Role[];
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

export interface NewToken extends Token {
  /** The whole token: shown this once only. */
  token: string;
}

export interface AuditEntry {
  seq: number;
  at: string;
  /** `user:<id>`, `system:<name>` or `anonymous`. */
  actor: string;
  organizationId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  stateDigest: string;
  prevHash: string;
  hash: string;
}

export interface AuditVerification {
  ok: boolean;
  entries: number;
  seq?: number;
  problem?: string;
}
