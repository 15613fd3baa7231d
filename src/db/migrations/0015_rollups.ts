import type { ColumnDefinitionBuilder, Kysely } from 'kysely';

/**
 * Incident rollups for the regional threat assessment: each incident's facts (what it counts
 * for and under which marking class), and the sums per marking class by country, month and
 * attack, weapon and target type, and by country and year. The store keeps them current on
 * every write, so a reader's figures are summed over the classes the reader may read. And the
 * regions users define for the index.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped schema
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('audiences')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('tlp', 'text', (c) => c.notNull())
    .addColumn('creator_org', 'text', (c) => c.notNull())
    .addColumn('recipient_orgs', 'text', (c) => c.notNull())
    .addColumn('recipient_users', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('incident_facts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('month', 'integer', (c) => c.notNull())
    .addColumn('attack', 'text', (c) => c.notNull())
    .addColumn('weapon', 'text', (c) => c.notNull())
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('killed', 'double precision', (c) => c.notNull())
    .addColumn('wounded', 'double precision', (c) => c.notNull())
    .addColumn('property', 'integer', (c) => c.notNull())
    .addColumn('cbrn', 'integer', (c) => c.notNull())
    .execute();
  // The sums' columns, added to a table builder whose type grows with each column.
  // biome-ignore lint/suspicious/noExplicitAny: see above
  const sums = (table: any): any =>
    table
      .addColumn('incidents', 'integer', (c: ColumnDefinitionBuilder) => c.notNull())
      .addColumn('killed', 'double precision', (c: ColumnDefinitionBuilder) => c.notNull())
      .addColumn('wounded', 'double precision', (c: ColumnDefinitionBuilder) => c.notNull())
      .addColumn('property', 'integer', (c: ColumnDefinitionBuilder) => c.notNull())
      .addColumn('cbrn', 'integer', (c: ColumnDefinitionBuilder) => c.notNull());
  await sums(
    db.schema
      .createTable('rollups')
      .addColumn('audience', 'text', (c) => c.notNull())
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('country', 'text', (c) => c.notNull())
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('month', 'integer', (c) => c.notNull())
      .addColumn('attack', 'text', (c) => c.notNull())
      .addColumn('weapon', 'text', (c) => c.notNull())
      .addColumn('target', 'text', (c) => c.notNull()),
  )
    .addPrimaryKeyConstraint('rollups_pk', [
      'audience',
      'category',
      'country',
      'year',
      'month',
      'attack',
      'weapon',
      'target',
    ])
    .execute();
  await sums(
    db.schema
      .createTable('rollups_year')
      .addColumn('audience', 'text', (c) => c.notNull())
      .addColumn('country', 'text', (c) => c.notNull())
      .addColumn('year', 'integer', (c) => c.notNull()),
  )
    .addPrimaryKeyConstraint('rollups_year_pk', ['audience', 'country', 'year'])
    .execute();
  // Regions users define for the index (beside the built-in Central Asia and SCO members).
  await db.schema
    .createTable('regions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('states', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of ['regions', 'rollups_year', 'rollups', 'incident_facts', 'audiences'])
    await db.schema.dropTable(table).execute();
}
