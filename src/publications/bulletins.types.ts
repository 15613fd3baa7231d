import type { Tlp } from '../intel/tlp.rules.ts';

/** The shapes of a bulletin: what a builder asks for and the snapshot a build freezes. */

export const SECTIONS = ['overview', 'incidents', 'organizations', 'measures', 'events'] as const;
export type Section = (typeof SECTIONS)[number];

export const LANGUAGES = ['en', 'ru', 'zh'] as const;
export type Language = (typeof LANGUAGES)[number];

export const REGION_IDS = ['central-asia', 'sco-members'] as const;
export type RegionId = (typeof REGION_IDS)[number];

/** What an analyst asks the builder for. */
export interface BulletinRequest {
  title: string;
  language: Language;
  from: string;
  /** Inclusive. */
  to: string;
  states?: readonly string[] | undefined;
  regions?: readonly string[] | undefined;
  sections: readonly string[];
  note?: string | undefined;
  /** How many incidents of note (default 10). */
  topIncidents?: number | undefined;
}

export type PartKind = 'incident' | 'organization' | 'event' | 'measure';

/** One thing a bulletin contains, with the marking it carried when the bulletin was built. */
export interface Part {
  id: string;
  kind: PartKind;
  tlp: Tlp;
  creatorOrg: string | null;
  recipientOrgs: readonly string[];
  recipientUsers: readonly string[];
}

/**
 * A bulletin's marking: the most restrictive TLP of its parts; under AMBER or AMBER+STRICT the
 * organizations allowed by every AMBER part, under RED the users named by every RED part (null
 * where no part restricts).
 */
export interface Marking {
  tlp: Tlp;
  organizations: string[] | null;
  users: string[] | null;
}

/** What one incident brings to a bulletin's figures. */
export interface IncidentFacts {
  id: string;
  name: string;
  date: string | null;
  countryCode: string | null;
  city: string | null;
  attackTypes: string[];
  killed: number | null;
  wounded: number | null;
  perpetrators: string[];
  tlp: Tlp;
}

export interface Tally {
  incidents: number;
  killed: number;
  wounded: number;
}

export interface Overview {
  totals: Tally;
  byState: (Tally & { state: string })[];
  /** Per month (`2024-03`) for periods up to two years, per year (`2024`) beyond. */
  byTime: { unit: 'month' | 'year'; buckets: (Tally & { key: string })[] };
}

export interface OrganizationEntry {
  id: string;
  name: string;
  incidents: number;
  killed: number;
  /** On the common list at the period's end, with the deciding decision. */
  listed: boolean;
  decisionId: string | null;
  listedOn: string | null;
  tlp: Tlp;
}

export interface EventEntry {
  id: string;
  kind: string;
  title: string;
  start: string;
  end: string;
  place: string | null;
  organizer: string | null;
  audience: 'public' | 'community';
  status: string;
}

export interface MeasureEntry {
  id: string;
  kind: string;
  name: string;
  start: string;
  end: string | null;
  places: string[];
  participants: string[];
  outcome: string | null;
}

/** A section that reads another module: `wired` false when that module is not there yet. */
export interface Wired<T> {
  wired: boolean;
  items: T[];
}

/** The frozen content of a bulletin. */
export interface Snapshot {
  version: 1;
  title: string;
  language: Language;
  from: string;
  to: string;
  states: string[];
  regions: string[];
  sections: Section[];
  note: string | null;
  builtAt: string;
  authorOrg: string;
  overview?: Overview;
  incidents?: IncidentFacts[];
  organizations?: OrganizationEntry[];
  events?: Wired<EventEntry>;
  measures?: Wired<MeasureEntry>;
  parts: Part[];
  marking: Marking;
}
