import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { Forbidden, Invalid } from '../errors.ts';
import { actorName, audit } from '../identity/audit.service.ts';
import { type Actor, authorize } from '../identity/policy.rules.ts';
import { countryName, isCountryCode } from '../registry/countries.ts';
import * as repo from './index.repository.ts';
import { computeIndex, type IndexPoint, regionSeries } from './index.rules.ts';
import { CBRN_WEAPONS } from './rollups.rules.ts';

/**
 * The regional threat index over what the reader may see: the marking classes the reader may
 * read are chosen by the one access policy (the same STIX read rule as every other path), and
 * only their rollups are summed.
 */

/** UN M49 Central Asia. */
export const CENTRAL_ASIA = ['KZ', 'KG', 'TJ', 'TM', 'UZ'] as const;
const BUILT_IN_REGIONS = ['central-asia', 'sco-members'] as const;

export interface IndexQuery {
  states?: string | undefined;
  region?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

function year(value: string | undefined, field: 'from' | 'to', fallback: number): number {
  if (value === undefined || value === '') return fallback;
  if (!/^\d{4}$/.test(value)) throw new Invalid(field, 'must be a year, four digits (e.g. 2010)');
  const y = Number(value);
  if (y < 1970 || y > 2100) throw new Invalid(field, 'must be a year from 1970 to 2100');
  return y;
}

/** Checks a list of ISO 3166 alpha-2 codes, naming the parameter. */
export function stateCodes(value: string | readonly string[], field: string): string[] {
  const codes = (typeof value === 'string' ? value.split(',') : [...value])
    .map((c) => c.trim().toUpperCase())
    .filter(Boolean);
  if (codes.length === 0) throw new Invalid(field, 'names no state');
  const unknown = codes.filter((c) => !/^[A-Z]{2}$/.test(c) || !isCountryCode(c));
  if (unknown.length)
    throw new Invalid(field, `unknown state ${unknown.join(', ')} (ISO 3166 alpha-2 codes)`);
  return [...new Set(codes)];
}

/** The marking classes whose incidents `actor` may read. */
async function readableAudiences(db: Kysely<DB>, actor: Actor): Promise<string[]> {
  const rows = await repo.audiences(db);
  return rows
    .filter((a) =>
      authorize(actor, 'read', 'stix', {
        tlp: a.tlp,
        creatorOrg: a.creator_org,
        recipientOrgs: JSON.parse(a.recipient_orgs) as string[],
        recipientUsers: JSON.parse(a.recipient_users) as string[],
      }),
    )
    .map((a) => a.key);
}

async function regionStates(db: Kysely<DB>, region: string, periodEnd: string) {
  if (region === 'central-asia')
    return { id: region, name: 'Central Asia (UN M49)', states: [...CENTRAL_ASIA] };
  if (region === 'sco-members')
    return {
      id: region,
      name: `SCO member states on ${periodEnd}`,
      states: await repo.membersOn(db, periodEnd),
    };
  const row = await repo.regionById(db, region);
  if (!row)
    throw new Invalid(
      'region',
      `unknown region ${region}: use ${BUILT_IN_REGIONS.join(', ')} or a defined region's id`,
    );
  return { id: row.id, name: row.name, states: JSON.parse(row.states) as string[] };
}

export interface StateIndex {
  code: string;
  name: string;
  series: IndexPoint[];
}

/** The period, states and region a request names, each checked and named when wrong. */
async function selection(db: Kysely<DB>, query: IndexQuery, now: Date) {
  const thisYear = now.getUTCFullYear();
  const to = year(query.to, 'to', thisYear);
  const from = year(query.from, 'from', to - 9);
  if (from > to) throw new Invalid('from', `must not be after to (${from} > ${to})`);
  const periodEnd = `${to}-12-31`;
  const region = query.region ? await regionStates(db, query.region, periodEnd) : null;
  if (region && region.states.length === 0) throw new Invalid('region', `region ${region.id} has no states`);
  const states =
    query.states !== undefined
      ? stateCodes(query.states, 'states')
      : region
        ? region.states
        : await repo.membersOn(db, periodEnd);
  return { from, to, region, states };
}

export async function threatIndex(db: Kysely<DB>, actor: Actor, query: IndexQuery, now: Date) {
  const { from, to, region, states } = await selection(db, query, now);
  const figures = await repo.yearFigures(db, await readableAudiences(db, actor));
  const wanted = [...new Set([...states, ...(region?.states ?? [])])];
  const { highest, states: series } = computeIndex(figures, wanted, { from, to });
  const present = (code: string): StateIndex => ({
    code,
    name: countryName(code).en,
    series: series.get(code) ?? [],
  });
  return {
    period: { from, to },
    highestWeighted: highest,
    method: 'docs/threat-index.md',
    states: states.map(present),
    ...(region
      ? {
          region: {
            id: region.id,
            name: region.name,
            states: region.states,
            series: regionSeries(region.states.map((s) => series.get(s) ?? [])),
          },
        }
      : {}),
  };
}

/** The regions a user may choose: the built-in ones and those defined. */
export async function regions(db: Kysely<DB>) {
  const defined = await repo.allRegions(db);
  return [
    { id: 'central-asia', name: 'Central Asia (UN M49)', states: [...CENTRAL_ASIA], builtIn: true },
    { id: 'sco-members', name: 'SCO member states on the last day of the period', states: [], builtIn: true },
    ...defined.map((r) => ({
      id: r.id,
      name: r.name,
      states: JSON.parse(r.states) as string[],
      builtIn: false,
    })),
  ];
}

/** Defines a region for the index (analysts and the Secretariat); audited. */
export async function defineRegion(
  db: Kysely<DB>,
  actor: Actor,
  input: { name: string; states: readonly string[] },
  now: Date,
) {
  if (!authorize(actor, 'create', 'region', {})) throw new Forbidden('you may not define regions');
  const name = input.name.trim();
  if (!name) throw new Invalid('name', 'is required');
  if (name.length > 120) throw new Invalid('name', 'must be at most 120 characters');
  const states = stateCodes(input.states, 'states');
  const row = {
    id: randomUUID(),
    name,
    states: JSON.stringify(states),
    created_by: actorName(actor),
    created_at: now.toISOString(),
  };
  await db.transaction().execute(async (trx) => {
    await repo.insertRegion(trx, row);
    await audit(
      trx,
      actor,
      { action: 'region.define', subjectType: 'region', subjectId: row.id, state: row },
      now,
    );
  });
  return { id: row.id, name, states, builtIn: false };
}

const BREAKDOWNS = ['attack', 'weapon', 'target', 'category'] as const;

/**
 * Forms of terrorism: incidents, deaths and injuries per year by attack, weapon or target type
 * (each incident counted under its first, as GTD's summaries do), or by category (terrorism,
 * separatism, extremism, drug trafficking, organized crime), in the states chosen, over what the
 * reader may read; CBRN weapons are flagged and CBRN incidents counted apart.
 */
export async function formsOfTerrorism(
  db: Kysely<DB>,
  actor: Actor,
  query: IndexQuery & { by?: string | undefined },
  now: Date,
) {
  const by = (query.by ?? 'attack') as (typeof BREAKDOWNS)[number];
  if (!BREAKDOWNS.includes(by)) throw new Invalid('by', `must be one of ${BREAKDOWNS.join(', ')}`);
  const { from, to, region, states } = await selection(db, query, now);
  const rows = await repo.breakdown(db, await readableAudiences(db, actor), states, by, { from, to });
  const years = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  const names = [...new Set(rows.map((r) => r.name))];
  const categories = names.map((name) => {
    const mine = rows.filter((r) => r.name === name);
    const series = years.map((y) => {
      const r = mine.find((m) => m.year === y);
      return { year: y, incidents: r?.incidents ?? 0, killed: r?.killed ?? 0, wounded: r?.wounded ?? 0 };
    });
    const total = series.reduce(
      (a, p) => ({
        incidents: a.incidents + p.incidents,
        killed: a.killed + p.killed,
        wounded: a.wounded + p.wounded,
      }),
      { incidents: 0, killed: 0, wounded: 0 },
    );
    return { name, cbrn: by === 'weapon' && CBRN_WEAPONS.has(name), total, series };
  });
  categories.sort((a, b) => b.total.incidents - a.total.incidents || a.name.localeCompare(b.name));
  return {
    by,
    period: { from, to },
    states,
    ...(region ? { region: { id: region.id, name: region.name } } : {}),
    categories,
    cbrn: years.map((y) => ({
      year: y,
      incidents: rows.filter((r) => r.year === y).reduce((a, r) => a + r.cbrn, 0),
    })),
  };
}
