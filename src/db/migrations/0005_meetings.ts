import type { Kysely } from 'kysely';

/** Meetings of the bodies: date, place, format, chair, agenda items and attendance. */
// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped schema
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('meetings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('body_id', 'text', (c) => c.notNull().references('bodies.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('chair_state', 'text', (c) => c.references('states.code'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('meetings_by_date').on('meetings').columns(['start_date', 'id']).execute();
  await db.schema
    .createTable('meeting_agenda')
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('decision_id', 'text', (c) => c.references('decisions.id'))
    .addPrimaryKeyConstraint('meeting_agenda_pk', ['meeting_id', 'position'])
    .execute();
  await db.schema
    .createTable('meeting_attendance')
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id'))
    .addColumn('state_code', 'text', (c) => c.notNull().references('states.code'))
    .addColumn('attendance', 'text', (c) => c.notNull())
    .addColumn('seat_class', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('meeting_attendance_pk', ['meeting_id', 'state_code'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of ['meeting_attendance', 'meeting_agenda', 'meetings'])
    await db.schema.dropTable(table).execute();
}
