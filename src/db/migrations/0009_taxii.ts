import type { Kysely } from 'kysely';

/**
 * TAXII 2.1 exchange: the status resources of POSTed envelopes (kept for at least 24 hours and
 * readable only by who posted them), and where each pull from another server ended, so that the
 * next pull resumes there.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped schema
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('taxii_status')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('taxii_status_by_expiry').on('taxii_status').column('expires_at').execute();
  await db.schema
    .createTable('taxii_cursors')
    .addColumn('source', 'text', (c) => c.primaryKey())
    .addColumn('added_last', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('taxii_cursors').execute();
  await db.schema.dropTable('taxii_status').execute();
}
