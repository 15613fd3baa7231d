import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { Invalid, NotFound } from '../errors.ts';
import type { Actor } from '../identity/policy.rules.ts';
import { gtdOf, type StixObject } from './stix.definitions.ts';
import * as repo from './stix.repository.ts';
import { type Tlp, tlpOfObject } from './tlp.rules.ts';

/**
 * Incidents as analysts read them: a page of rows with what the GTD extension carries (date,
 * place, attack, casualties, perpetrators), for tables and maps; and an organization's incidents
 * over time. Both read only what the reader may see.
 */

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

const num = (v: unknown) => (typeof v === 'number' ? v : null);
const str = (v: unknown) => (typeof v === 'string' ? v : null);
const strs = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

export function incidentRow(o: StixObject): IncidentRow {
  const gtd = gtdOf(o) ?? {};
  return {
    id: o.id,
    name: str(o.name) ?? o.id,
    date: str(gtd.date_start),
    precision: str(gtd.date_precision),
    country: str(gtd.country),
    countryCode: str(gtd.country_code),
    region: str(gtd.region),
    city: str(gtd.city),
    latitude: num(gtd.latitude),
    longitude: num(gtd.longitude),
    attackTypes: strs(gtd.attack_types),
    weaponTypes: strs(gtd.weapon_types),
    perpetrators: strs(gtd.perpetrator_names),
    killed: num(gtd.killed),
    wounded: num(gtd.wounded),
    tlp: tlpOfObject(o.object_marking_refs as string[] | undefined),
  };
}

export interface IncidentQuery {
  from?: string | undefined;
  to?: string | undefined;
  q?: string | undefined;
  country?: string | undefined;
  organization?: string | undefined;
  limit: number;
  offset: number;
}

function filterOf(q: IncidentQuery): repo.ObjectFilter {
  const places = q.country
    ?.split(',')
    .map((c) => c.trim().toUpperCase())
    .filter(Boolean);
  if (places?.some((p) => !/^[A-Z]{2}$/.test(p)))
    throw new Invalid('country', 'must be ISO 3166 alpha-2 codes');
  return {
    types: ['incident'],
    ...(q.from ? { from: q.from } : {}),
    ...(q.to ? { to: q.to } : {}),
    ...(q.q ? { q: q.q } : {}),
    ...(places?.length ? { places } : {}),
    ...(q.organization ? { referencing: q.organization } : {}),
  };
}

/** A page of incidents, newest first, with the total the reader may see. */
export async function listIncidents(db: Kysely<DB>, actor: Actor, q: IncidentQuery) {
  const filter = filterOf(q);
  const { rows, total } = await repo.listObjects(db, actor, filter, q.limit, q.offset);
  const bodies = await repo.bodiesOf(
    db,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => incidentRow(JSON.parse(bodies.get(r.id) as string) as StixObject)), total };
}

/** An organization's incidents per year: how many, killed and wounded (unknowns count as none). */
export async function incidentsOverTime(db: Kysely<DB>, actor: Actor, organizationId: string) {
  if (!(await repo.objectById(db, actor, organizationId))) throw new NotFound('object', organizationId);
  const years = new Map<string, { year: string; incidents: number; killed: number; wounded: number }>();
  let first: string | null = null;
  let last: string | null = null;
  for await (const body of repo.latestBodies(db, actor, {
    types: ['incident'],
    referencing: organizationId,
  })) {
    const row = incidentRow(JSON.parse(body) as StixObject);
    if (!row.date) continue;
    if (!first || row.date < first) first = row.date;
    if (!last || row.date > last) last = row.date;
    const year = row.date.slice(0, 4);
    const entry = years.get(year) ?? { year, incidents: 0, killed: 0, wounded: 0 };
    entry.incidents += 1;
    entry.killed += row.killed ?? 0;
    entry.wounded += row.wounded ?? 0;
    years.set(year, entry);
  }
  return {
    firstSeen: first,
    lastSeen: last,
    years: [...years.values()].sort((a, b) => (a.year < b.year ? -1 : 1)),
  };
}
