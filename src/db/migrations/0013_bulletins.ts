import type { Kysely } from 'kysely';

/**
 * Bulletins of the RATS information center: each one frozen as a snapshot of what its author
 * could read, with its computed marking, and every delivery of it to an organization or a user.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped schema
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('bulletins')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('period_from', 'text', (c) => c.notNull())
    .addColumn('period_to', 'text', (c) => c.notNull())
    .addColumn('sections', 'text', (c) => c.notNull())
    .addColumn('tlp', 'text', (c) => c.notNull())
    .addColumn('marking_orgs', 'text')
    .addColumn('marking_users', 'text')
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('author_user', 'text')
    .addColumn('author_org', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('visibility', 'text', (c) => c.notNull().defaultTo('restricted'))
    .addColumn('published_at', 'text')
    .execute();
  await db.schema
    .createIndex('bulletins_by_author')
    .on('bulletins')
    .columns(['author_org', 'created_at'])
    .execute();
  await db.schema
    .createIndex('bulletins_by_visibility')
    .on('bulletins')
    .columns(['visibility', 'published_at'])
    .execute();
  await db.schema
    .createTable('bulletin_deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('bulletin_id', 'text', (c) => c.notNull().references('bulletins.id'))
    .addColumn('recipient_kind', 'text', (c) => c.notNull())
    .addColumn('recipient_id', 'text', (c) => c.notNull())
    .addColumn('delivered_at', 'text', (c) => c.notNull())
    .addColumn('delivered_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('bulletin_deliveries_by_bulletin')
    .on('bulletin_deliveries')
    .columns(['bulletin_id', 'recipient_kind', 'recipient_id'])
    .execute();
  await db.schema
    .createIndex('bulletin_deliveries_by_recipient')
    .on('bulletin_deliveries')
    .columns(['recipient_kind', 'recipient_id'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('bulletin_deliveries').execute();
  await db.schema.dropTable('bulletins').execute();
}
