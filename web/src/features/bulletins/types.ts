import type { I18n } from '../../api/types.ts';
import type { Tlp } from '../intel/types.ts';

/** The bulletins' API shapes, as `src/publications/bulletins.schemas.ts` gives them. */

export type { Tlp };

export const SECTIONS = ['overview', 'incidents', 'organizations', 'measures', 'events'] as const;
export const REGIONS = ['central-asia', 'sco-members'] as const;
export const LANGUAGES = ['en', 'ru', 'zh'] as const;

export interface BuildInput {
  title: string;
  language: (typeof LANGUAGES)[number];
  from: string;
  to: string;
  states: string[];
  regions: string[];
  sections: string[];
  note?: string;
  topIncidents: number;
}

export interface BulletinSummary {
  id: string;
  title: string;
  language: string;
  from: string;
  to: string;
  sections: string[];
  tlp: Tlp;
  authorOrg: string;
  createdAt: string;
  published: boolean;
  publishedAt: string | null;
}

export interface BulletinList {
  items: BulletinSummary[];
  total: number;
}

export interface Bulletin extends BulletinSummary {
  states: string[];
  regions: string[];
  note: string | null;
  markingOrganizations: string[] | null;
  markingUsers: string[] | null;
  parts: { id: string; kind: string; tlp: Tlp }[];
  deliveries: { recipientKind: string; recipientId: string; deliveredAt: string; deliveredBy: string }[];
  abilities: Record<string, boolean>;
}

export interface Preview {
  html: string;
  tlp: Tlp;
  markingOrganizations: string[] | null;
  markingUsers: string[] | null;
  parts: number;
}

export interface RecipientChoice {
  id: string;
  kind: string;
  name: I18n;
  allowed: boolean;
  refusedPart: { id: string; kind: string; tlp: Tlp } | null;
}
