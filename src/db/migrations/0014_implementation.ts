import type { Kysely } from 'kysely';

/**
 * The Conventions' implementation per state: national implementing laws and notes on the
 * harmonization of laws, each about one state and one of the counter-terrorism instruments (a
 * registry document). No cascade from documents, states or organizations: a registry reload that
 * would drop one of them with recorded laws or notes fails instead of losing them.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped schema
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('implementing_laws')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('state_code', 'text', (c) => c.notNull().references('states.code'))
    .addColumn('instrument_id', 'text', (c) => c.notNull().references('documents.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text')
    .addColumn('adopted', 'text', (c) => c.notNull())
    .addColumn('url', 'text')
    .addColumn('note', 'text')
    .addColumn('sources', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('implementing_laws_by_cell')
    .on('implementing_laws')
    .columns(['instrument_id', 'state_code', 'adopted'])
    .execute();

  await db.schema
    .createTable('harmonization_notes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('state_code', 'text', (c) => c.notNull().references('states.code'))
    .addColumn('instrument_id', 'text', (c) => c.notNull().references('documents.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('organization_id', 'text', (c) => c.references('organizations.id'))
    .addColumn('author', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('harmonization_notes_by_cell')
    .on('harmonization_notes')
    .columns(['instrument_id', 'state_code', 'date'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('harmonization_notes').execute();
  await db.schema.dropTable('implementing_laws').execute();
}
