import type { I18n } from '../../api/types.ts';
import type { ObjectSummary, Tlp } from '../intel/types.ts';

/** The partner registry's API shapes (`src/intel/partners/partners.schemas.ts`). */

export const PARTNER_KINDS = [
  'regional-center',
  'un-body',
  'regional-organization',
  'national-center',
  'international-organization',
] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];
export const DIRECTIONS = ['pull', 'push', 'both'] as const;
export type Direction = (typeof DIRECTIONS)[number];
export const AUTH_KINDS = ['none', 'basic', 'bearer'] as const;
export type AuthKind = (typeof AUTH_KINDS)[number];
export const PULL_TLPS = ['clear', 'green', 'amber', 'amber+strict'] as const;
export type PartnerStatus = 'active' | 'suspended';

export interface Agreement {
  id: string;
  title: string;
  signedOn: string;
  scope: string;
  validUntil: string | null;
  documentUrl: string | null;
}

export interface Contact {
  id: string;
  office: string;
  email: string | null;
  phone: string | null;
}

export interface Endpoint {
  id: string;
  apiRoot: string;
  collectionId: string;
  direction: Direction;
  auth: AuthKind;
  username: string | null;
  hasSecret: boolean;
  tlp: Tlp;
  pullEveryMinutes: number | null;
  cursor: string | null;
  lastPullAt: string | null;
  lastPullStatus: 'ok' | 'failed' | null;
  lastPullMessage: string | null;
  lastPullCount: number | null;
  createdAt: string;
}

interface Entry {
  id: string;
  name: I18n;
  kind: PartnerKind;
  seat: string | null;
  website: string | null;
  description: Partial<I18n>;
  status: PartnerStatus;
  createdAt: string;
  abilities: Record<string, boolean>;
}

export interface PartnerSummary extends Entry {
  agreementsCount: number;
  endpoints: Endpoint[];
}

export interface PartnerView extends Entry {
  agreements: Agreement[];
  contacts: Contact[];
  endpoints: Endpoint[];
}

export interface StixView {
  partner: string;
  counts: Record<Tlp, number>;
  total: number;
  items: ObjectSummary[];
}

export interface AgreementInput {
  title: string;
  signedOn: string;
  scope: string;
  validUntil?: string | null;
  documentUrl?: string | null;
}

export interface ContactInput {
  office: string;
  email?: string | null;
  phone?: string | null;
}

export interface EndpointInput {
  apiRoot: string;
  collectionId: string;
  direction: string;
  auth: string;
  username?: string | null;
  secret?: string;
  tlp: string;
  pullEveryMinutes: number | null;
}

export interface PartnerInput {
  name?: I18n;
  kind?: string;
  seat?: string | null;
  website?: string | null;
  description?: Partial<I18n>;
  status?: string;
}
