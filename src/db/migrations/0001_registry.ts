import type { CreateTableBuilder, Kysely } from 'kysely';

/** The registry: states and their status history, bodies, summits, documents, people, search. */
// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped schema
type AnyDb = Kysely<any>;

// biome-ignore lint/suspicious/noExplicitAny: column set added to several tables
function withProvenance<T extends string>(table: CreateTableBuilder<T, any>) {
  return table
    .addColumn('sources', 'text', (c) => c.notNull())
    .addColumn('confidence', 'text', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('conflicts', 'text');
}

export async function up(db: AnyDb): Promise<void> {
  await withProvenance(
    db.schema
      .createTable('states')
      .addColumn('code', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull()),
  ).execute();

  await withProvenance(
    db.schema
      .createTable('state_statuses')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('state_code', 'text', (c) => c.notNull().references('states.code').onDelete('cascade'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('from_date', 'text', (c) => c.notNull())
      .addColumn('to_date', 'text')
      .addColumn('how', 'text', (c) => c.notNull()),
  ).execute();
  await db.schema
    .createIndex('state_statuses_by_status')
    .on('state_statuses')
    .columns(['status', 'from_date'])
    .execute();
  await db.schema.createIndex('state_statuses_by_state').on('state_statuses').column('state_code').execute();

  await withProvenance(
    db.schema
      .createTable('bodies')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('ordinal', 'integer', (c) => c.notNull())
      .addColumn('abbreviation', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('charter_article', 'text')
      .addColumn('seat', 'text')
      .addColumn('since', 'text')
      .addColumn('role', 'text', (c) => c.notNull()),
  ).execute();

  await withProvenance(
    db.schema
      .createTable('summits')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('series', 'text', (c) => c.notNull())
      .addColumn('ordinal', 'integer', (c) => c.notNull())
      .addColumn('ordinal_sourced', 'integer', (c) => c.notNull())
      .addColumn('start_date', 'text', (c) => c.notNull())
      .addColumn('end_date', 'text', (c) => c.notNull())
      .addColumn('city', 'text', (c) => c.notNull())
      .addColumn('host', 'text', (c) => c.notNull().references('states.code'))
      .addColumn('chair', 'text', (c) => c.notNull().references('states.code'))
      .addColumn('format', 'text', (c) => c.notNull()),
  ).execute();
  await db.schema.createIndex('summits_by_start').on('summits').column('start_date').execute();

  await withProvenance(
    db.schema
      .createTable('documents')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('date', 'text', (c) => c.notNull())
      .addColumn('place', 'text')
      .addColumn('body_id', 'text', (c) => c.references('bodies.id'))
      .addColumn('summit_id', 'text', (c) => c.references('summits.id'))
      .addColumn('entry_into_force', 'text')
      .addColumn('description', 'text'),
  ).execute();
  await db.schema.createIndex('documents_by_date').on('documents').column('date').execute();
  await db.schema.createIndex('documents_by_summit').on('documents').column('summit_id').execute();

  await db.schema
    .createTable('document_parties')
    .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('state_code', 'text', (c) => c.notNull().references('states.code'))
    .addPrimaryKeyConstraint('document_parties_pk', ['document_id', 'state_code'])
    .execute();
  await db.schema
    .createIndex('document_parties_by_state')
    .on('document_parties')
    .column('state_code')
    .execute();

  await withProvenance(
    db.schema
      .createTable('people')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('office', 'text', (c) => c.notNull())
      .addColumn('ordinal', 'integer', (c) => c.notNull())
      .addColumn('country', 'text', (c) => c.references('states.code'))
      .addColumn('start_date', 'text', (c) => c.notNull())
      .addColumn('end_date', 'text'),
  ).execute();

  await db.schema
    .createTable('search_entries')
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('haystack', 'text', (c) => c.notNull())
    .addColumn('rank', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('search_entries_pk', ['subject_type', 'subject_id'])
    .execute();

  await db.schema
    .createTable('chronology_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('states', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('chronology_events_by_date')
    .on('chronology_events')
    .columns(['date', 'position', 'id'])
    .execute();
  await db.schema
    .createTable('chronology_event_states')
    .addColumn('event_id', 'text', (c) => c.notNull().references('chronology_events.id').onDelete('cascade'))
    .addColumn('state_code', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('chronology_event_states_pk', ['event_id', 'state_code'])
    .execute();
  await db.schema
    .createIndex('chronology_event_states_by_state')
    .on('chronology_event_states')
    .columns(['state_code', 'event_id'])
    .execute();

  await db.schema
    .createTable('meta')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of [
    'meta',
    'chronology_event_states',
    'chronology_events',
    'search_entries',
    'people',
    'document_parties',
    'documents',
    'summits',
    'bodies',
    'state_statuses',
    'states',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
