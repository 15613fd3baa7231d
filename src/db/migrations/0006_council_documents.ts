import type { Kysely } from 'kysely';

/**
 * Documents the Council adopts join the registry: each document says where it came from (the
 * reference data or a decision), and an adopted text is kept with its reservations.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped schema
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable('documents')
    .addColumn('origin', 'text', (c) => c.notNull().defaultTo('reference'))
    .execute();
  await db.schema.alterTable('documents').addColumn('decision_id', 'text').execute();
  await db.schema
    .createTable('document_texts')
    .addColumn('document_id', 'text', (c) => c.primaryKey().references('documents.id'))
    .addColumn('texts', 'text', (c) => c.notNull())
    .addColumn('reservations', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('document_texts').execute();
  await db.schema.alterTable('documents').dropColumn('decision_id').execute();
  await db.schema.alterTable('documents').dropColumn('origin').execute();
}
