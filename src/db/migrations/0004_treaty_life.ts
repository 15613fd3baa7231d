import type { Kysely } from 'kysely';

/**
 * The life of documents: each document's rule of entry into force, and the signatures and
 * instruments of its states. No cascade from documents or states: a registry reload that would
 * drop a document or a state with recorded instruments fails instead of losing them.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped schema
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('document_force_rules')
    .addColumn('document_id', 'text', (c) => c.primaryKey().references('documents.id'))
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('accession', 'text', (c) => c.notNull())
    .addColumn('sources', 'text', (c) => c.notNull())
    .addColumn('confidence', 'text', (c) => c.notNull())
    .addColumn('notes', 'text')
    .execute();

  await db.schema
    .createTable('document_instruments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id'))
    .addColumn('state_code', 'text', (c) => c.notNull().references('states.code'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('sources', 'text', (c) => c.notNull())
    .addColumn('confidence', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addUniqueConstraint('document_instruments_one_per_kind', ['document_id', 'state_code', 'kind'])
    .execute();
  await db.schema
    .createIndex('document_instruments_by_state')
    .on('document_instruments')
    .columns(['state_code', 'date'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('document_instruments').execute();
  await db.schema.dropTable('document_force_rules').execute();
}
