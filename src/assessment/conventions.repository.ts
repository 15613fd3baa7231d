import type { Insertable, Kysely, Selectable, Transaction, Updateable } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { HarmonizationNotesTable, ImplementingLawsTable } from './conventions.schema.ts';

/** Queries of the Conventions' implementation. Each takes the executor: the database or a transaction. */

type Executor = Kysely<DB> | Transaction<DB>;
export type LawRow = Selectable<ImplementingLawsTable>;
export type NoteRow = Selectable<HarmonizationNotesTable> & { organization_name: string | null };

/** The states that are members on `date`, by code, from the registry's status histories. */
export async function membersOn(db: Executor, date: string): Promise<string[]> {
  const rows = await db
    .selectFrom('state_statuses')
    .select('state_code')
    .distinct()
    .where('status', '=', 'member')
    .where('from_date', '<=', date)
    .where((eb) => eb.or([eb('to_date', 'is', null), eb('to_date', '>', date)]))
    .orderBy('state_code')
    .execute();
  return rows.map((r) => r.state_code);
}

/** Every state of the registry with its status on `date` (null when it held none). */
export async function statesWithStatusOn(db: Executor, date: string) {
  return db
    .selectFrom('states')
    .leftJoin('state_statuses', (join) =>
      join
        .onRef('state_statuses.state_code', '=', 'states.code')
        .on('state_statuses.from_date', '<=', date)
        .on((eb) =>
          eb.or([eb('state_statuses.to_date', 'is', null), eb('state_statuses.to_date', '>', date)]),
        ),
    )
    .select(['states.code', 'states.name', 'state_statuses.status'])
    .orderBy('states.code')
    .execute();
}

/** How many laws each cell has, adopted on or before `date`, over the given instruments and states. */
export async function lawCounts(
  db: Executor,
  instruments: readonly string[],
  states: readonly string[],
  date: string,
): Promise<Map<string, number>> {
  if (instruments.length === 0 || states.length === 0) return new Map();
  const rows = await db
    .selectFrom('implementing_laws')
    .select(['instrument_id', 'state_code', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('instrument_id', 'in', [...instruments])
    .where('state_code', 'in', [...states])
    .where('adopted', '<=', date)
    .groupBy(['instrument_id', 'state_code'])
    .execute();
  return new Map(rows.map((r) => [`${r.instrument_id}:${r.state_code}`, Number(r.n)]));
}

function notesWithOrganization(db: Executor) {
  return db
    .selectFrom('harmonization_notes')
    .leftJoin('organizations', 'organizations.id', 'harmonization_notes.organization_id')
    .selectAll('harmonization_notes')
    .select('organizations.name as organization_name');
}

/** The notes dated on or before `date`, over the given instruments and states. */
export async function notesOf(
  db: Executor,
  instruments: readonly string[],
  states: readonly string[],
  date: string,
): Promise<NoteRow[]> {
  if (instruments.length === 0 || states.length === 0) return [];
  return notesWithOrganization(db)
    .where('harmonization_notes.instrument_id', 'in', [...instruments])
    .where('harmonization_notes.state_code', 'in', [...states])
    .where('harmonization_notes.date', '<=', date)
    .orderBy('harmonization_notes.date', 'desc')
    .orderBy('harmonization_notes.created_at', 'desc')
    .execute();
}

/** One cell's laws adopted on or before `date`, oldest first. */
export async function lawsOfCell(db: Executor, instrument: string, state: string, date: string) {
  return db
    .selectFrom('implementing_laws')
    .selectAll()
    .where('instrument_id', '=', instrument)
    .where('state_code', '=', state)
    .where('adopted', '<=', date)
    .orderBy('adopted')
    .orderBy('id')
    .execute();
}

export async function lawById(db: Executor, id: string): Promise<LawRow | undefined> {
  return db.selectFrom('implementing_laws').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertLaw(db: Executor, row: Insertable<ImplementingLawsTable>): Promise<void> {
  await db.insertInto('implementing_laws').values(row).execute();
}

export async function updateLaw(
  db: Executor,
  id: string,
  changes: Updateable<ImplementingLawsTable>,
): Promise<void> {
  await db.updateTable('implementing_laws').set(changes).where('id', '=', id).execute();
}

export async function deleteLaw(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('implementing_laws').where('id', '=', id).execute();
}

/** Writes a law by id, replacing what the row held (the loader's path). */
export async function upsertLaw(db: Executor, row: Insertable<ImplementingLawsTable>): Promise<void> {
  const { id: _key, created_at: _created, ...rest } = row;
  await db
    .insertInto('implementing_laws')
    .values(row)
    .onConflict((oc) => oc.column('id').doUpdateSet(rest))
    .execute();
}

/** Removes the laws one loader wrote that its data no longer has (laws users added are kept). */
export async function deleteLoadedLawsExcept(
  db: Executor,
  recordedBy: string,
  keepIds: readonly string[],
): Promise<number> {
  let query = db.deleteFrom('implementing_laws').where('recorded_by', '=', recordedBy);
  if (keepIds.length > 0) query = query.where('id', 'not in', [...keepIds]);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function noteById(db: Executor, id: string): Promise<NoteRow | undefined> {
  return notesWithOrganization(db).where('harmonization_notes.id', '=', id).executeTakeFirst();
}

export async function insertNote(db: Executor, row: Insertable<HarmonizationNotesTable>): Promise<void> {
  await db.insertInto('harmonization_notes').values(row).execute();
}

export async function updateNote(
  db: Executor,
  id: string,
  changes: Updateable<HarmonizationNotesTable>,
): Promise<void> {
  await db.updateTable('harmonization_notes').set(changes).where('id', '=', id).execute();
}

export async function deleteNote(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('harmonization_notes').where('id', '=', id).execute();
}
