import type { Insertable, Kysely, Selectable, Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { DocumentForceRulesTable, DocumentInstrumentsTable } from './treaty.schema.ts';

/** Queries of the life of documents. Each takes the executor: the database or a transaction. */

type Executor = Kysely<DB> | Transaction<DB>;
export type ForceRuleRow = Selectable<DocumentForceRulesTable>;
export type InstrumentRow = Selectable<DocumentInstrumentsTable>;

export async function documentById(db: Executor, id: string) {
  return db
    .selectFrom('documents')
    .select(['id', 'title', 'date', 'entry_into_force'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The ids among `ids` that name documents. */
export async function existingDocuments(db: Executor, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('documents')
    .select('id')
    .where('id', 'in', [...ids])
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** The codes among `codes` that name states of the registry. */
export async function existingStates(db: Executor, codes: readonly string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await db
    .selectFrom('states')
    .select('code')
    .where('code', 'in', [...codes])
    .execute();
  return new Set(rows.map((r) => r.code));
}

export async function partiesOf(db: Executor, documentId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('document_parties')
    .select('state_code')
    .where('document_id', '=', documentId)
    .orderBy('state_code')
    .execute();
  return rows.map((r) => r.state_code);
}

export async function forceRuleOf(db: Executor, documentId: string): Promise<ForceRuleRow | undefined> {
  return db
    .selectFrom('document_force_rules')
    .selectAll()
    .where('document_id', '=', documentId)
    .executeTakeFirst();
}

export async function instrumentsOf(db: Executor, documentId: string): Promise<InstrumentRow[]> {
  return db
    .selectFrom('document_instruments')
    .selectAll()
    .where('document_id', '=', documentId)
    .orderBy('date')
    .orderBy('state_code')
    .orderBy('kind')
    .execute();
}

/** Writes a document's rule, replacing the one it had. */
export async function upsertForceRule(db: Executor, row: Insertable<DocumentForceRulesTable>): Promise<void> {
  const { document_id: _key, ...rest } = row;
  await db
    .insertInto('document_force_rules')
    .values(row)
    .onConflict((oc) => oc.column('document_id').doUpdateSet(rest))
    .execute();
}

/** Writes an instrument by id, replacing what the row held. */
export async function upsertInstrument(
  db: Executor,
  row: Insertable<DocumentInstrumentsTable>,
): Promise<void> {
  const { id: _key, ...rest } = row;
  await db
    .insertInto('document_instruments')
    .values(row)
    .onConflict((oc) => oc.column('id').doUpdateSet(rest))
    .execute();
}

/**
 * Inserts a new instrument; false when the document already has one of this state and kind
 * (also when another request recorded it a moment ago), so the caller can refuse it.
 */
export async function insertInstrument(
  db: Executor,
  row: Insertable<DocumentInstrumentsTable>,
): Promise<boolean> {
  const result = await db
    .insertInto('document_instruments')
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Removes the rows one loader wrote that its data no longer has (others' rows are kept). */
export async function deleteLoadedExcept(
  db: Executor,
  recordedBy: string,
  keepIds: readonly string[],
): Promise<number> {
  let query = db.deleteFrom('document_instruments').where('recorded_by', '=', recordedBy);
  if (keepIds.length > 0) query = query.where('id', 'not in', [...keepIds]);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Is the state a member of the organization on `date`, from its status history? */
export async function isMemberOn(db: Executor, code: string, date: string): Promise<boolean> {
  const row = await db
    .selectFrom('state_statuses')
    .select('id')
    .where('state_code', '=', code)
    .where('status', '=', 'member')
    .where('from_date', '<=', date)
    .where((eb) => eb.or([eb('to_date', 'is', null), eb('to_date', '>', date)]))
    .executeTakeFirst();
  return row !== undefined;
}
