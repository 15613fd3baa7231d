import type { Insertable, Kysely, Transaction, Updateable } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Actor, Scope } from '../../identity/policy.rules.ts';
import { scopeCondition } from '../../identity/scope.sql.ts';
import { readable } from '../stix.repository.ts';
import type {
  PartnerAgreementsTable,
  PartnerContactsTable,
  PartnerEndpointsTable,
  PartnersTable,
} from './partners.schema.ts';
import './partners.schema.ts';

type Executor = Kysely<DB> | Transaction<DB>;

/**
 * The partner registry's SQL: entries with their organization's name, their agreements,
 * contacts and endpoints, the endpoints the TAXII client pulls, and the STIX objects shared with
 * or received from a partner (always through the store's one access condition).
 */

const ENTRY_COLUMNS = [
  'partners.organization_id',
  'partners.kind',
  'partners.seat',
  'partners.website',
  'partners.description',
  'partners.status',
  'partners.created_at',
  'organizations.name',
] as const;

/** The entries within `scopes` (the reader's), by organization id. */
export async function listPartners(db: Executor, scopes: Scope[]) {
  return db
    .selectFrom('partners')
    .innerJoin('organizations', 'organizations.id', 'partners.organization_id')
    .select(ENTRY_COLUMNS)
    .where((eb) => scopeCondition(eb, scopes, { organizationId: 'partners.organization_id' }))
    .orderBy('partners.organization_id')
    .execute();
}

export async function partnerById(db: Executor, id: string) {
  return db
    .selectFrom('partners')
    .innerJoin('organizations', 'organizations.id', 'partners.organization_id')
    .select(ENTRY_COLUMNS)
    .where('partners.organization_id', '=', id)
    .executeTakeFirst();
}

export async function insertPartner(db: Executor, row: Insertable<PartnersTable>) {
  await db.insertInto('partners').values(row).execute();
}

export async function updatePartner(db: Executor, id: string, set: Updateable<PartnersTable>) {
  await db.updateTable('partners').set(set).where('organization_id', '=', id).execute();
}

/** Agreements per partner, for the list (one query for every entry shown). */
export async function agreementCounts(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, number>();
  const rows = await db
    .selectFrom('partner_agreements')
    .select(['organization_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('organization_id', 'in', [...ids])
    .groupBy('organization_id')
    .execute();
  return new Map(rows.map((r) => [r.organization_id, Number(r.n)]));
}

export async function agreementsOf(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('partner_agreements')
    .selectAll()
    .where('organization_id', 'in', [...ids])
    .orderBy('signed_on', 'desc')
    .orderBy('id')
    .execute();
}

export async function agreementById(db: Executor, id: string) {
  return db.selectFrom('partner_agreements').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertAgreement(db: Executor, row: Insertable<PartnerAgreementsTable>) {
  await db.insertInto('partner_agreements').values(row).execute();
}

export async function updateAgreement(db: Executor, id: string, set: Updateable<PartnerAgreementsTable>) {
  await db.updateTable('partner_agreements').set(set).where('id', '=', id).execute();
}

export async function deleteAgreement(db: Executor, id: string) {
  await db.deleteFrom('partner_agreements').where('id', '=', id).execute();
}

export async function contactsOf(db: Executor, id: string) {
  return db
    .selectFrom('partner_contacts')
    .selectAll()
    .where('organization_id', '=', id)
    .orderBy('office')
    .orderBy('id')
    .execute();
}

export async function contactById(db: Executor, id: string) {
  return db.selectFrom('partner_contacts').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertContact(db: Executor, row: Insertable<PartnerContactsTable>) {
  await db.insertInto('partner_contacts').values(row).execute();
}

export async function updateContact(db: Executor, id: string, set: Updateable<PartnerContactsTable>) {
  await db.updateTable('partner_contacts').set(set).where('id', '=', id).execute();
}

export async function deleteContact(db: Executor, id: string) {
  await db.deleteFrom('partner_contacts').where('id', '=', id).execute();
}

export async function endpointsOf(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('partner_endpoints')
    .selectAll()
    .where('organization_id', 'in', [...ids])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function endpointRow(db: Executor, id: string) {
  return db.selectFrom('partner_endpoints').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertEndpoint(db: Executor, row: Insertable<PartnerEndpointsTable>) {
  await db.insertInto('partner_endpoints').values(row).execute();
}

export async function updateEndpoint(db: Executor, id: string, set: Updateable<PartnerEndpointsTable>) {
  await db.updateTable('partner_endpoints').set(set).where('id', '=', id).execute();
}

export async function deleteEndpoint(db: Executor, id: string) {
  await db.deleteFrom('partner_endpoints').where('id', '=', id).execute();
}

/** Endpoints of active partners that are pulled from on a schedule (due or not: the rules decide). */
export async function scheduledPulls(db: Executor) {
  return db
    .selectFrom('partner_endpoints')
    .innerJoin('partners', 'partners.organization_id', 'partner_endpoints.organization_id')
    .selectAll('partner_endpoints')
    .where('partners.status', '=', 'active')
    .where('partner_endpoints.direction', 'in', ['pull', 'both'])
    .where('partner_endpoints.pull_every_minutes', 'is not', null)
    .orderBy('partner_endpoints.id')
    .execute();
}

/**
 * Which STIX objects a view covers: those `subject` may read (what is shared with a partner), or
 * those a partner created (what came from it); always only what `reader` may read too.
 */
export type StixView = { readableBy: Actor } | { createdBy: string };

function viewOf(db: Executor, reader: Actor, view: StixView) {
  let base = db.selectFrom('stix_objects').where((eb) => readable(eb, reader));
  if ('readableBy' in view) base = base.where((eb) => readable(eb, view.readableBy));
  else base = base.where('stix_objects.creator_org', '=', view.createdBy);
  return base;
}

/** How many objects of the view there are at each TLP level. */
export async function viewCounts(db: Executor, reader: Actor, view: StixView) {
  const rows = await viewOf(db, reader, view)
    .select(['stix_objects.tlp', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('stix_objects.tlp')
    .execute();
  return rows.map((r) => ({ tlp: r.tlp, n: Number(r.n) }));
}

/** A page of the view's objects, most recently modified first. */
export async function viewPage(db: Executor, reader: Actor, view: StixView, limit: number, offset: number) {
  return viewOf(db, reader, view)
    .select([
      'stix_objects.id',
      'stix_objects.type',
      'stix_objects.name',
      'stix_objects.happened',
      'stix_objects.tlp',
      'stix_objects.creator_org',
      'stix_objects.created',
      'stix_objects.modified',
    ])
    .orderBy('stix_objects.modified', 'desc')
    .orderBy('stix_objects.id')
    .limit(limit)
    .offset(offset)
    .execute();
}
