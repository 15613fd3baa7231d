import type { Kysely } from 'kysely';

/**
 * Events of the organization and of the Regional Antiterrorist Structure: seminars, conferences,
 * symposiums and expert meetings, with their participants, agenda and materials. `span_start` and
 * `span_end` are the UTC instants the event covers (a whole-day event from the first day's
 * midnight to the midnight after its last day), so one indexed comparison finds a period's events
 * whatever the kind of date.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped schema
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('all_day', 'integer', (c) => c.notNull())
    .addColumn('starts', 'text', (c) => c.notNull())
    .addColumn('ends', 'text', (c) => c.notNull())
    .addColumn('span_start', 'text', (c) => c.notNull())
    .addColumn('span_end', 'text', (c) => c.notNull())
    .addColumn('online', 'integer', (c) => c.notNull())
    .addColumn('city', 'text')
    .addColumn('country', 'text')
    .addColumn('online_url', 'text')
    .addColumn('organizer', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('other_participants', 'text', (c) => c.notNull())
    .addColumn('agenda', 'text', (c) => c.notNull())
    .addColumn('materials', 'text', (c) => c.notNull())
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('cancel_reason', 'text')
    .addColumn('sequence', 'integer', (c) => c.notNull())
    .addColumn('search', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('events_by_span').on('events').columns(['span_start', 'span_end']).execute();
  await db.schema
    .createTable('event_participants')
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id'))
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addPrimaryKeyConstraint('event_participants_pk', ['event_id', 'organization_id'])
    .execute();
  await db.schema
    .createIndex('event_participants_by_organization')
    .on('event_participants')
    .columns(['organization_id', 'event_id'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('event_participants').execute();
  await db.schema.dropTable('events').execute();
}
