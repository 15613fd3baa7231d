import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { RegistryRows } from './reference-data.rows.ts';

type Executor = Kysely<DB> | Transaction<DB>;

const CHUNK = 200;

// The registry tables are written generically, table by table: rows are typed by RegistryRows,
// so the query builder is used untyped here only.
// biome-ignore lint/suspicious/noExplicitAny: see above
type Untyped = Kysely<any>;

async function insertAll(db: Executor, table: keyof RegistryRows, rows: object[]) {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await (db as Untyped)
      .insertInto(table)
      .values(rows.slice(i, i + CHUNK))
      .execute();
  }
}

/** Inserts or updates rows by primary key `key`, then deletes rows of `table` the set no longer has. */
async function upsertExactly(db: Executor, table: keyof RegistryRows, key: 'code' | 'id', rows: object[]) {
  const untyped = db as Untyped;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    const columns = Object.keys(chunk[0] ?? {}).filter((c) => c !== key);
    await untyped
      .insertInto(table)
      .values(chunk)
      .onConflict((oc) =>
        oc
          .column(key)
          .doUpdateSet((eb) => Object.fromEntries(columns.map((c) => [c, eb.ref(`excluded.${c}`)]))),
      )
      .execute();
  }
  const keep = rows.map((row) => (row as Record<string, string>)[key] as string);
  let remove = untyped.deleteFrom(table);
  if (keep.length > 0) remove = remove.where(key, 'not in', keep);
  // Documents adopted by the Council are not reference data: a load never removes them.
  if (table === 'documents') remove = remove.where('origin', '=', 'reference');
  await remove.execute();
}

/**
 * Makes the registry tables hold exactly `rows`: parents are upserted by key (so rows other
 * tables point at keep their identity), children and derived tables are rewritten.
 */
export async function replaceRegistry(db: Executor, rows: RegistryRows): Promise<void> {
  // Everything derived from the reference data goes; what the Council's documents brought stays.
  const councilDocuments = db.selectFrom('documents').select('id').where('origin', '=', 'council');
  const fromReference = db
    .selectFrom('chronology_events')
    .select('id')
    .where((eb) =>
      eb.not(eb.and([eb('subject_type', '=', 'document'), eb('subject_id', 'in', councilDocuments)])),
    );
  await db.deleteFrom('chronology_event_states').where('event_id', 'in', fromReference).execute();
  await db
    .deleteFrom('chronology_events')
    .where((eb) =>
      eb.not(eb.and([eb('subject_type', '=', 'document'), eb('subject_id', 'in', councilDocuments)])),
    )
    .execute();
  await db
    .deleteFrom('search_entries')
    .where((eb) =>
      eb.not(eb.and([eb('subject_type', '=', 'document'), eb('subject_id', 'in', councilDocuments)])),
    )
    .execute();
  await db.deleteFrom('document_parties').where('document_id', 'not in', councilDocuments).execute();
  await db.deleteFrom('state_statuses').execute();
  await upsertExactly(db, 'states', 'code', rows.states);
  await upsertExactly(db, 'bodies', 'id', rows.bodies);
  await upsertExactly(db, 'summits', 'id', rows.summits);
  await upsertExactly(db, 'documents', 'id', rows.documents);
  await upsertExactly(db, 'people', 'id', rows.people);
  await insertAll(db, 'state_statuses', rows.state_statuses);
  await insertAll(db, 'document_parties', rows.document_parties);
  await insertAll(db, 'search_entries', rows.search_entries);
  await insertAll(db, 'chronology_events', rows.chronology_events);
  await insertAll(db, 'chronology_event_states', rows.chronology_event_states);
}

export async function readMeta(db: Executor, key: string): Promise<string | undefined> {
  const row = await db.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value;
}

export async function writeMeta(db: Executor, key: string, value: string): Promise<void> {
  await db
    .insertInto('meta')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}

/** A reader of one meta value with its query compiled once: it runs on every cached request. */
export function metaReader(db: Kysely<DB>, key: string): () => Promise<string | undefined> {
  const compiled = db.selectFrom('meta').select('value').where('key', '=', key).compile();
  return async () => (await db.executeQuery(compiled)).rows[0]?.value;
}
