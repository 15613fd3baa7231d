import type { Kysely } from 'kysely';

/** The Council: drafts and their revisions, amendments, decisions and their event logs. */
// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped schema
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('drafts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('body_id', 'text', (c) => c.notNull().references('bodies.id'))
    .addColumn('symbol', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('draft_revisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('draft_id', 'text', (c) => c.notNull().references('drafts.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('symbol', 'text', (c) => c.notNull())
    .addColumn('texts', 'text', (c) => c.notNull())
    .addColumn('merged_amendments', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addUniqueConstraint('draft_revisions_number', ['draft_id', 'number'])
    .execute();

  await db.schema
    .createTable('amendments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('draft_id', 'text', (c) => c.notNull().references('drafts.id'))
    .addColumn('revision_id', 'text', (c) => c.notNull().references('draft_revisions.id'))
    .addColumn('state_code', 'text', (c) => c.notNull().references('states.code'))
    .addColumn('provision', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('old_text', 'text', (c) => c.notNull())
    .addColumn('new_text', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('amendments_by_revision')
    .on('amendments')
    .columns(['revision_id', 'status'])
    .execute();

  await db.schema
    .createTable('decisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('body_id', 'text', (c) => c.notNull().references('bodies.id'))
    .addColumn('draft_id', 'text', (c) => c.references('drafts.id'))
    .addColumn('revision_id', 'text', (c) => c.references('draft_revisions.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('concerned_state', 'text', (c) => c.references('states.code'))
    .addColumn('eligible', 'text', (c) => c.notNull())
    .addColumn('chair_state', 'text', (c) => c.references('states.code'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('opened_by', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .execute();
  await db.schema
    .createIndex('decisions_by_status')
    .on('decisions')
    .columns(['status', 'opened_at'])
    .execute();

  await db.schema
    .createTable('decision_events')
    .addColumn('decision_id', 'text', (c) => c.notNull().references('decisions.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('state_code', 'text')
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('decision_events_pk', ['decision_id', 'seq'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of ['decision_events', 'decisions', 'amendments', 'draft_revisions', 'drafts']) {
    await db.schema.dropTable(table).execute();
  }
}
