import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { YearFigures } from './index.rules.ts';
import './rollups.schema.ts';

type Executor = Kysely<DB> | Transaction<DB>;

/** Reads for the threat index: marking classes, yearly figures per state, regions. */

export async function audiences(db: Executor) {
  return db.selectFrom('audiences').selectAll().execute();
}

/** Figures per state and year, summed over the given marking classes. */
export async function yearFigures(
  db: Executor,
  audienceKeys: readonly string[],
): Promise<Map<string, Map<number, YearFigures>>> {
  const out = new Map<string, Map<number, YearFigures>>();
  if (audienceKeys.length === 0) return out;
  const rows = await db
    .selectFrom('rollups_year')
    .select((eb) => [
      'country',
      'year',
      eb.fn.sum<number>('incidents').as('incidents'),
      eb.fn.sum<number>('killed').as('killed'),
      eb.fn.sum<number>('wounded').as('wounded'),
      eb.fn.sum<number>('property').as('property'),
    ])
    .where('audience', 'in', [...audienceKeys])
    .where('country', '!=', '')
    .groupBy(['country', 'year'])
    .execute();
  for (const r of rows) {
    const byYear = out.get(r.country) ?? new Map<number, YearFigures>();
    byYear.set(Number(r.year), {
      incidents: Number(r.incidents),
      killed: Number(r.killed),
      wounded: Number(r.wounded),
      property: Number(r.property),
    });
    out.set(r.country, byYear);
  }
  return out;
}

/** The member states of the SCO on a day. */
export async function membersOn(db: Executor, day: string): Promise<string[]> {
  const rows = await db
    .selectFrom('state_statuses')
    .select('state_code')
    .where('status', '=', 'member')
    .where('from_date', '<=', day)
    .where((eb) => eb.or([eb('to_date', 'is', null), eb('to_date', '>', day)]))
    .orderBy('state_code')
    .execute();
  return [...new Set(rows.map((r) => r.state_code))];
}

export async function regionById(db: Executor, id: string) {
  return db.selectFrom('regions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function allRegions(db: Executor) {
  return db.selectFrom('regions').selectAll().orderBy('name').execute();
}

export async function insertRegion(
  db: Executor,
  row: { id: string; name: string; states: string; created_by: string; created_at: string },
) {
  await db.insertInto('regions').values(row).execute();
}

export type BreakdownBy = 'attack' | 'weapon' | 'target' | 'category';

/** Incidents, deaths, injuries and CBRN incidents per year and category of `by`, in these states. */
export async function breakdown(
  db: Executor,
  audienceKeys: readonly string[],
  countries: readonly string[],
  by: BreakdownBy,
  years: { from: number; to: number },
) {
  if (audienceKeys.length === 0 || countries.length === 0) return [];
  const rows = await db
    .selectFrom('rollups')
    .select((eb) => [
      'year',
      eb.ref(by).as('name'),
      eb.fn.sum<number>('incidents').as('incidents'),
      eb.fn.sum<number>('killed').as('killed'),
      eb.fn.sum<number>('wounded').as('wounded'),
      eb.fn.sum<number>('cbrn').as('cbrn'),
    ])
    .where('audience', 'in', [...audienceKeys])
    .where('country', 'in', [...countries])
    .where('year', '>=', years.from)
    .where('year', '<=', years.to)
    .groupBy(['year', by])
    .execute();
  return rows.map((r) => ({
    year: Number(r.year),
    name: String(r.name),
    incidents: Number(r.incidents),
    killed: Number(r.killed),
    wounded: Number(r.wounded),
    cbrn: Number(r.cbrn),
  }));
}
