import type { Kysely } from 'kysely';

/**
 * The registry of partner centers: similar centers and organizations the RATS cooperates with
 * (each is an organization of kind `partner-center`), their agreements, functional contacts and
 * TAXII endpoints. An endpoint's password or token is stored sealed (AES-256-GCM), never plain;
 * the last pull's outcome and cursor are kept on the endpoint for the TAXII client.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped schema
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('partners')
    .addColumn('organization_id', 'text', (c) => c.primaryKey().references('organizations.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('seat', 'text')
    .addColumn('website', 'text')
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('partner_agreements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('partners.organization_id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('signed_on', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('valid_until', 'text')
    .addColumn('document_url', 'text')
    .execute();
  await db.schema
    .createIndex('partner_agreements_by_partner')
    .on('partner_agreements')
    .columns(['organization_id', 'signed_on'])
    .execute();
  await db.schema
    .createTable('partner_contacts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('partners.organization_id'))
    .addColumn('office', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .execute();
  await db.schema
    .createIndex('partner_contacts_by_partner')
    .on('partner_contacts')
    .column('organization_id')
    .execute();
  await db.schema
    .createTable('partner_endpoints')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('partners.organization_id'))
    .addColumn('api_root_url', 'text', (c) => c.notNull())
    .addColumn('collection_id', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('auth', 'text', (c) => c.notNull())
    .addColumn('username', 'text')
    .addColumn('secret_sealed', 'text')
    .addColumn('tlp', 'text', (c) => c.notNull().defaultTo('green'))
    .addColumn('pull_every_minutes', 'integer')
    .addColumn('cursor', 'text')
    .addColumn('last_pull_at', 'text')
    .addColumn('last_pull_status', 'text')
    .addColumn('last_pull_message', 'text')
    .addColumn('last_pull_count', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('partner_endpoints_by_partner')
    .on('partner_endpoints')
    .column('organization_id')
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('partner_endpoints').execute();
  await db.schema.dropTable('partner_contacts').execute();
  await db.schema.dropTable('partner_agreements').execute();
  await db.schema.dropTable('partners').execute();
}
