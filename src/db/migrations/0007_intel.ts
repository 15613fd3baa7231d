import { type Kysely, SqliteAdapter, sql } from 'kysely';

/**
 * The information center's knowledge base: STIX objects with every version kept, who may read
 * each (its TLP level, creating organization and named recipients), the references between
 * objects, and a clock that gives every stored version a unique, strictly increasing
 * `date_added` (in microseconds) for TAXII paging.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped schema
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  await db.schema
    .createTable('stix_objects')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('tlp', 'text', (c) => c.notNull())
    .addColumn('creator_org', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('creator_user', 'text')
    .addColumn('created', 'text', (c) => c.notNull())
    .addColumn('modified', 'text', (c) => c.notNull())
    .addColumn('name', 'text')
    .addColumn('happened', 'text')
    .addColumn('place', 'text')
    .addColumn('search', 'text', (c) => c.notNull())
    .addColumn('digest', 'text', (c) => c.notNull())
    .addColumn('revoked', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('stix_objects_by_type')
    .on('stix_objects')
    .columns(['type', 'happened'])
    .execute();
  await db.schema
    .createIndex('stix_objects_by_place')
    .on('stix_objects')
    .columns(['place', 'type'])
    .execute();
  await db.schema
    .createIndex('stix_objects_by_creator')
    .on('stix_objects')
    .columns(['creator_org', 'tlp'])
    .execute();
  await db.schema
    .createTable('stix_versions')
    // Keyed by `date_added`, which only grows: new versions append to the end of the table, and
    // a TAXII page is one range of it. On SQLite only the exact type INTEGER makes the key the
    // table's own row id; PostgreSQL needs 64 bits for microseconds.
    .addColumn('added', sqlite ? 'integer' : 'bigint', (c) => c.primaryKey())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('modified', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('stix_versions_by_object')
    .unique()
    .on('stix_versions')
    .columns(['id', 'modified'])
    .execute();
  await db.schema
    .createTable('stix_recipients')
    .addColumn('object_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('principal', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('stix_recipients_pk', ['object_id', 'kind', 'principal'])
    .execute();
  await db.schema
    .createIndex('stix_recipients_by_principal')
    .on('stix_recipients')
    .columns(['kind', 'principal', 'object_id'])
    .execute();
  await db.schema
    .createTable('stix_refs')
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('stix_refs_pk', ['source_id', 'target_id'])
    .execute();
  await db.schema
    .createIndex('stix_refs_by_target')
    .on('stix_refs')
    .columns(['target_id', 'source_id'])
    .execute();
  await db.schema
    .createTable('stix_clock')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('last_added', 'bigint', (c) => c.notNull())
    .execute();
  await sql`insert into stix_clock (id, last_added) values (1, 0)`.execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of ['stix_clock', 'stix_refs', 'stix_recipients', 'stix_versions', 'stix_objects']) {
    await db.schema.dropTable(table).execute();
  }
}
