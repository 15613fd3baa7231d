import type { Kysely } from 'kysely';

/**
 * Analysts' assessments under the Shanghai Convention (findings per element, the computed
 * result), and the common list of organizations, whose entries come only from adopted Council
 * decisions that cite an assessment (the decision carries what it would list or delist).
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped schema
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('assessments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('subject_id', 'text', (c) => c.notNull().references('stix_objects.id'))
    .addColumn('set_id', 'text', (c) => c.notNull())
    .addColumn('set_version', 'integer', (c) => c.notNull())
    .addColumn('analyst', 'text', (c) => c.notNull())
    .addColumn('organization_id', 'text')
    .addColumn('findings', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('labels', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('assessments_by_subject')
    .on('assessments')
    .columns(['subject_id', 'created_at'])
    .execute();
  await db.schema.alterTable('decisions').addColumn('listing', 'text').execute();
  await db.schema
    .createTable('listings')
    .addColumn('decision_id', 'text', (c) => c.primaryKey().references('decisions.id'))
    .addColumn('object_id', 'text', (c) => c.notNull().references('stix_objects.id'))
    .addColumn('assessment_id', 'text', (c) => c.notNull().references('assessments.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .addColumn('reservations', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('listings_by_object')
    .on('listings')
    .columns(['object_id', 'decided_at'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('listings').execute();
  await db.schema.alterTable('decisions').dropColumn('listing').execute();
  await db.schema.dropTable('assessments').execute();
}
