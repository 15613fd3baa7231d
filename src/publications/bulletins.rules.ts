import { Invalid } from '../errors.ts';
import { mostRestrictive, rank, type Tlp } from '../intel/tlp.rules.ts';
import {
  type IncidentFacts,
  LANGUAGES,
  type Language,
  type Marking,
  type Overview,
  type Part,
  REGION_IDS,
  type RegionId,
  SECTIONS,
  type Section,
  type Tally,
} from './bulletins.types.ts';

/**
 * The pure rules of bulletins: what a request may ask for, the marking a bulletin carries
 * because of its parts, and the figures of its overview. No clock, no database.
 */

/** UN M49 region 143, Central Asia. */
export const CENTRAL_ASIA: readonly string[] = ['KG', 'KZ', 'TJ', 'TM', 'UZ'];

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isDate = (value: string) => DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
const sameDay = (value: string) => new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;

/** The day after `date` (YYYY-MM-DD): the exclusive end of a period given with its last day. */
export function dayAfter(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export interface CheckedRequest {
  title: string;
  language: Language;
  from: string;
  to: string;
  states: string[];
  regions: RegionId[];
  sections: Section[];
  note: string | null;
  topIncidents: number;
}

/** A builder's request, checked: each fault names its field. */
export function checkRequest(input: {
  title: string;
  language: string;
  from: string;
  to: string;
  states?: readonly string[] | undefined;
  regions?: readonly string[] | undefined;
  sections: readonly string[];
  note?: string | undefined;
  topIncidents?: number | undefined;
}): CheckedRequest {
  const title = input.title.trim();
  if (!title) throw new Invalid('title', 'must not be empty');
  if (!(LANGUAGES as readonly string[]).includes(input.language))
    throw new Invalid('language', `must be one of ${LANGUAGES.join(', ')}`);
  for (const field of ['from', 'to'] as const) {
    const value = input[field];
    if (!isDate(value) || !sameDay(value))
      throw new Invalid(field, `expected a date YYYY-MM-DD, got "${value}"`);
  }
  if (input.to < input.from) throw new Invalid('to', 'must not be before from');
  if (Number(input.to.slice(0, 4)) - Number(input.from.slice(0, 4)) > 10)
    throw new Invalid('to', 'a bulletin covers at most ten years');
  const states = [...new Set((input.states ?? []).map((s) => s.trim().toUpperCase()).filter(Boolean))];
  const bad = states.find((s) => !/^[A-Z]{2}$/.test(s));
  if (bad) throw new Invalid('states', `"${bad}" is not an ISO 3166 alpha-2 code`);
  const regions = [...new Set(input.regions ?? [])];
  const unknown = regions.find((r) => !(REGION_IDS as readonly string[]).includes(r));
  if (unknown) throw new Invalid('regions', `"${unknown}" is not one of ${REGION_IDS.join(', ')}`);
  if (states.length === 0 && regions.length === 0) throw new Invalid('states', 'name states or regions');
  const sections = SECTIONS.filter((s) => input.sections.includes(s));
  const other = input.sections.find((s) => !(SECTIONS as readonly string[]).includes(s));
  if (other) throw new Invalid('sections', `"${other}" is not one of ${SECTIONS.join(', ')}`);
  if (sections.length === 0) throw new Invalid('sections', 'choose at least one section');
  const topIncidents = input.topIncidents ?? 10;
  if (!Number.isInteger(topIncidents) || topIncidents < 1 || topIncidents > 100)
    throw new Invalid('topIncidents', 'must be a whole number from 1 to 100');
  const note = input.note?.trim() ? input.note.trim() : null;
  return {
    title,
    language: input.language as Language,
    from: input.from,
    to: input.to,
    states,
    regions: regions as RegionId[],
    sections,
    note,
    topIncidents,
  };
}

/** The states a bulletin covers: those named and those of its regions, sorted, once each. */
export function coveredStates(
  states: readonly string[],
  regions: readonly RegionId[],
  members: readonly string[],
) {
  const all = new Set(states);
  for (const region of regions)
    for (const s of region === 'central-asia' ? CENTRAL_ASIA : members) all.add(s);
  return [...all].sort();
}

const AMBERS: readonly Tlp[] = ['amber', 'amber+strict'];

const intersect = (a: readonly string[] | null, b: readonly string[]): string[] =>
  a === null ? [...new Set(b)] : a.filter((x) => b.includes(x));

/**
 * A bulletin's marking from its parts: the most restrictive TLP; the organizations every AMBER
 * or AMBER+STRICT part lets read (its creator and its named recipients); the users every RED part
 * names. A bulletin is never marked lower than a part, and never readable by more than a part.
 */
export function markingOf(parts: readonly Part[]): Marking {
  let organizations: string[] | null = null;
  let users: string[] | null = null;
  for (const part of parts) {
    if (AMBERS.includes(part.tlp)) {
      const readers = [...(part.creatorOrg ? [part.creatorOrg] : []), ...part.recipientOrgs];
      organizations = intersect(organizations, readers);
    }
    if (part.tlp === 'red') users = intersect(users, part.recipientUsers);
  }
  return {
    tlp: mostRestrictive(parts.map((p) => p.tlp)),
    organizations: organizations ? [...new Set(organizations)].sort() : null,
    users: users ? [...new Set(users)].sort() : null,
  };
}

/** The part a reader may not read, the first in the bulletin's order, or null when none. */
export function firstUnreadable(parts: readonly Part[], mayRead: (part: Part) => boolean): Part | null {
  return parts.find((part) => !mayRead(part)) ?? null;
}

/** Only TLP:CLEAR goes to the public portal. */
export const publishable = (marking: Pick<Marking, 'tlp'>) => rank(marking.tlp) === rank('clear');

/** The marking of an event by its audience: public events are CLEAR, community events GREEN. */
export const eventTlp = (audience: 'public' | 'community'): Tlp =>
  audience === 'public' ? 'clear' : 'green';
/** Joint measures are shared with the community: GREEN. */
export const MEASURE_TLP: Tlp = 'green';

/** The months (`YYYY-MM`) from the month of `from` to that of `to`, both included. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  const last = to.slice(0, 7);
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    if (key > last) return months;
    months.push(key);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
}

const tally = (): Tally => ({ incidents: 0, killed: 0, wounded: 0 });
const add = (t: Tally, i: IncidentFacts) => {
  t.incidents += 1;
  t.killed += i.killed ?? 0;
  t.wounded += i.wounded ?? 0;
};

/**
 * Incidents, killed and wounded in total, per state (most incidents first) and per month (per
 * year past two years), every month of the period present, so charts show quiet months.
 * Unknown casualties count as none.
 */
export function overviewOf(incidents: readonly IncidentFacts[], from: string, to: string): Overview {
  const months = monthsBetween(from, to);
  const unit = months.length > 24 ? 'year' : 'month';
  const keys = unit === 'month' ? months : [...new Set(months.map((m) => m.slice(0, 4)))];
  const byTime = new Map(keys.map((k) => [k, tally()]));
  const byState = new Map<string, Tally>();
  const totals = tally();
  for (const incident of incidents) {
    add(totals, incident);
    const state = incident.countryCode ?? '??';
    const entry = byState.get(state) ?? tally();
    add(entry, incident);
    byState.set(state, entry);
    const key = incident.date ? incident.date.slice(0, unit === 'month' ? 7 : 4) : null;
    const bucket = key ? byTime.get(key) : undefined;
    if (bucket) add(bucket, incident);
  }
  return {
    totals,
    byState: [...byState.entries()]
      .map(([state, t]) => ({ state, ...t }))
      .sort((a, b) => b.incidents - a.incidents || b.killed - a.killed || (a.state < b.state ? -1 : 1)),
    byTime: { unit, buckets: [...byTime.entries()].map(([key, t]) => ({ key, ...t })) },
  };
}

/** The `n` deadliest incidents: most killed, then most wounded, then earliest. */
export function incidentsOfNote(incidents: readonly IncidentFacts[], n: number): IncidentFacts[] {
  return [...incidents]
    .sort(
      (a, b) =>
        (b.killed ?? 0) - (a.killed ?? 0) ||
        (b.wounded ?? 0) - (a.wounded ?? 0) ||
        (a.date ?? '9999').localeCompare(b.date ?? '9999') ||
        (a.id < b.id ? -1 : 1),
    )
    .slice(0, n);
}
