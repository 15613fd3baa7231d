import type { Kysely } from 'kysely';

/**
 * Monitoring of joint measures: the measures (exercises, operations, trainings), the states each
 * concerns (participants and host countries, for filtering), their indicators and the indicators'
 * measurements over time. Values are `double precision` (REAL affinity on SQLite).
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped schema
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('measures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('categories', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addColumn('places', 'text', (c) => c.notNull())
    .addColumn('participants', 'text', (c) => c.notNull())
    .addColumn('objectives', 'text', (c) => c.notNull())
    .addColumn('outcomes', 'text', (c) => c.notNull())
    .addColumn('sources', 'text', (c) => c.notNull())
    .addColumn('confidence', 'text', (c) => c.notNull())
    .addColumn('unconfirmed', 'text', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('measures_by_start').on('measures').columns(['start_date', 'id']).execute();
  await db.schema
    .createTable('measure_states')
    .addColumn('measure_id', 'text', (c) => c.notNull().references('measures.id').onDelete('cascade'))
    .addColumn('state_code', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('measure_states_pk', ['measure_id', 'state_code'])
    .execute();
  await db.schema
    .createIndex('measure_states_by_state')
    .on('measure_states')
    .columns(['state_code', 'measure_id'])
    .execute();
  await db.schema
    .createTable('measure_indicators')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('measure_id', 'text', (c) => c.notNull().references('measures.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('target', 'double precision', (c) => c.notNull())
    .addColumn('baseline', 'double precision')
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('due', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('measure_indicators_by_measure')
    .on('measure_indicators')
    .columns(['measure_id', 'created_at'])
    .execute();
  await db.schema
    .createTable('measure_measurements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('indicator_id', 'text', (c) =>
      c.notNull().references('measure_indicators.id').onDelete('cascade'),
    )
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('source_url', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addUniqueConstraint('measure_measurements_one_per_date', ['indicator_id', 'date'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('measure_measurements').execute();
  await db.schema.dropTable('measure_indicators').execute();
  await db.schema.dropTable('measure_states').execute();
  await db.schema.dropTable('measures').execute();
}
