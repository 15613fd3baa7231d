import type { Insertable, Kysely, Selectable, Transaction, Updateable } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Scope } from '../identity/policy.rules.ts';
import { scopeCondition } from '../identity/scope.sql.ts';
import './measures.schema.ts';
import type { MeasureIndicatorsTable, MeasureMeasurementsTable, MeasuresTable } from './measures.schema.ts';

/** The queries of the monitoring of joint measures: the only SQL of the module. */

type Executor = Kysely<DB> | Transaction<DB>;
export type MeasureRow = Selectable<MeasuresTable>;
export type IndicatorRow = Selectable<MeasureIndicatorsTable>;
export type MeasurementRow = Selectable<MeasureMeasurementsTable>;

export interface MeasureFilter {
  from?: string | undefined;
  to?: string | undefined;
  kind?: string | undefined;
  category?: string | undefined;
  /** Measures concerning any of these states (as participants or hosts). */
  states?: readonly string[] | undefined;
}

/** Measures the scopes allow, under a filter; scope fields have no columns (measure rules are all or nothing). */
function filtered(db: Executor, scopes: readonly Scope[], filter: MeasureFilter) {
  let query = db.selectFrom('measures').where((eb) => scopeCondition(eb, scopes, {}));
  if (filter.from) query = query.where('end_date', '>=', filter.from);
  if (filter.to) query = query.where('start_date', '<=', filter.to);
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  // Categories are a JSON array of known words, each quoted: a quoted match cannot hit another word.
  if (filter.category) query = query.where('categories', 'like', `%"${filter.category}"%`);
  if (filter.states?.length) {
    const states = [...filter.states];
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('measure_states')
          .select('measure_states.measure_id')
          .whereRef('measure_states.measure_id', '=', 'measures.id')
          .where('measure_states.state_code', 'in', states),
      ),
    );
  }
  return query;
}

/** A page of measures, earliest first, and how many match in all. */
export async function listMeasures(
  db: Executor,
  scopes: readonly Scope[],
  filter: MeasureFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: MeasureRow[]; total: number }> {
  const [rows, count] = await Promise.all([
    filtered(db, scopes, filter)
      .selectAll()
      .orderBy('start_date')
      .orderBy('id')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    filtered(db, scopes, filter)
      .select((eb) => eb.fn.countAll<number | string | bigint>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function measureById(
  db: Executor,
  scopes: readonly Scope[],
  id: string,
): Promise<MeasureRow | undefined> {
  return db
    .selectFrom('measures')
    .selectAll()
    .where('id', '=', id)
    .where((eb) => scopeCondition(eb, scopes, {}))
    .executeTakeFirst();
}

/** How many indicators each measure has. */
export async function indicatorCounts(
  db: Executor,
  measureIds: readonly string[],
): Promise<Map<string, number>> {
  if (measureIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('measure_indicators')
    .select(['measure_id', (eb) => eb.fn.countAll<number | string | bigint>().as('n')])
    .where('measure_id', 'in', [...measureIds])
    .groupBy('measure_id')
    .execute();
  return new Map(rows.map((r) => [r.measure_id, Number(r.n)]));
}

export async function indicatorsOf(db: Executor, measureId: string): Promise<IndicatorRow[]> {
  return db
    .selectFrom('measure_indicators')
    .selectAll()
    .where('measure_id', '=', measureId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function indicatorById(
  db: Executor,
  measureId: string,
  indicatorId: string,
): Promise<IndicatorRow | undefined> {
  return db
    .selectFrom('measure_indicators')
    .selectAll()
    .where('id', '=', indicatorId)
    .where('measure_id', '=', measureId)
    .executeTakeFirst();
}

/** The measurements of some indicators, in date order. */
export async function measurementsOf(
  db: Executor,
  indicatorIds: readonly string[],
): Promise<MeasurementRow[]> {
  if (indicatorIds.length === 0) return [];
  return db
    .selectFrom('measure_measurements')
    .selectAll()
    .where('indicator_id', 'in', [...indicatorIds])
    .orderBy('date')
    .orderBy('id')
    .execute();
}

export async function insertMeasure(db: Executor, row: Insertable<MeasuresTable>): Promise<void> {
  await db.insertInto('measures').values(row).execute();
}

export async function updateMeasure(db: Executor, id: string, row: Updateable<MeasuresTable>): Promise<void> {
  await db.updateTable('measures').set(row).where('id', '=', id).execute();
}

/** Replaces the states a measure concerns. */
export async function replaceStates(
  db: Executor,
  measureId: string,
  states: readonly string[],
): Promise<void> {
  await db.deleteFrom('measure_states').where('measure_id', '=', measureId).execute();
  if (states.length) {
    await db
      .insertInto('measure_states')
      .values([...new Set(states)].map((state_code) => ({ measure_id: measureId, state_code })))
      .execute();
  }
}

export async function insertIndicator(db: Executor, row: Insertable<MeasureIndicatorsTable>): Promise<void> {
  await db.insertInto('measure_indicators').values(row).execute();
}

/** Inserts a measurement; false when the indicator already has one on that date. */
export async function insertMeasurement(
  db: Executor,
  row: Insertable<MeasureMeasurementsTable>,
): Promise<boolean> {
  const result = await db
    .insertInto('measure_measurements')
    .values(row)
    .onConflict((oc) => oc.columns(['indicator_id', 'date']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Of these codes, the states that held a member (or Shanghai Five) status at some time in [start, end]. */
export async function membersDuring(
  db: Executor,
  codes: readonly string[],
  start: string,
  end: string,
): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await db
    .selectFrom('state_statuses')
    .select('state_code')
    .distinct()
    .where('state_code', 'in', [...codes])
    .where('status', 'in', ['member', 'shanghai-five'])
    .where('from_date', '<=', end)
    .where((eb) => eb.or([eb('to_date', 'is', null), eb('to_date', '>', start)]))
    .execute();
  return new Set(rows.map((r) => r.state_code));
}

/** Of these codes, those of states in the registry. */
export async function knownStates(db: Executor, codes: readonly string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await db
    .selectFrom('states')
    .select('code')
    .where('code', 'in', [...codes])
    .execute();
  return new Set(rows.map((r) => r.code));
}

/** Of these ids, those of bodies in the registry. */
export async function knownBodies(db: Executor, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('bodies')
    .select('id')
    .where('id', 'in', [...ids])
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** Origins of existing measures, by id. */
export async function originsOf(db: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('measures')
    .select(['id', 'origin'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, r.origin]));
}

/**
 * Removes the reference measures the data no longer has, unless users have given them indicators
 * (those are kept, as users' measures). Returns how many were removed.
 */
export async function retireReferenceExcept(db: Executor, keep: readonly string[]): Promise<number> {
  const stale = await db
    .selectFrom('measures')
    .select('id')
    .where('origin', '=', 'reference')
    .$if(keep.length > 0, (q) => q.where('id', 'not in', [...keep]))
    .execute();
  let removed = 0;
  for (const { id } of stale) {
    const used = await db
      .selectFrom('measure_indicators')
      .select('id')
      .where('measure_id', '=', id)
      .executeTakeFirst();
    if (used) {
      await db.updateTable('measures').set({ origin: 'user' }).where('id', '=', id).execute();
      continue;
    }
    await db.deleteFrom('measure_states').where('measure_id', '=', id).execute();
    await db.deleteFrom('measures').where('id', '=', id).execute();
    removed++;
  }
  return removed;
}
