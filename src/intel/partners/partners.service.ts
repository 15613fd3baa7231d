import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { Conflict, Forbidden, Invalid, NotFound } from '../../errors.ts';
import { audit } from '../../identity/audit.service.ts';
import * as organizations from '../../identity/organizations.repository.ts';
import { type Actor, authorize, organizationReader, permittedScopes } from '../../identity/policy.rules.ts';
import { TLP_LEVELS, type Tlp } from '../tlp.rules.ts';
import type { PartnerRecord } from './partners.data.ts';
import { presentAgreement, presentContact, presentEndpoint, presentEntry } from './partners.presenter.ts';
import * as repo from './partners.repository.ts';
import {
  oneOf,
  optionalText,
  PARTNER_KINDS,
  PARTNER_STATUSES,
  pullDue,
  text,
  webAddress,
} from './partners.rules.ts';
import type { PartnerEndpointsTable } from './partners.schema.ts';
import { secretKey, unsealSecret } from './partners.secrets.ts';

/**
 * The registry of partner centers: entries (each a `partner-center` organization), what is shared
 * with each and what came from each, the reference entries of `data/partners.json`, and the
 * contract with the TAXII client (`endpointsDue`, `endpointById`, `recordPull`). Agreements,
 * contacts and endpoints are edited in `partners.records.service.ts`.
 */

type Executor = Kysely<DB> | Transaction<DB>;
type I18n = { en: string; ru?: string; zh?: string };
type Description = { en?: string; ru?: string; zh?: string };

/** The entry if `actor` may read it; not found otherwise (missing and unreadable alike). */
export async function readableEntry(db: Executor, actor: Actor, id: string) {
  const row = await repo.partnerById(db, id);
  if (!row || !authorize(actor, 'read', 'partner', { organizationId: id })) throw new NotFound('partner', id);
  return row;
}

/** A readable entry the actor may also `action`; 404 when unreadable, 403 when only readable. */
export async function editableEntry(db: Executor, actor: Actor, id: string, action: string) {
  const row = await readableEntry(db, actor, id);
  if (!authorize(actor, action, 'partner', { organizationId: id }))
    throw new Forbidden(`your roles do not allow ${action} on partner ${id}`);
  return row;
}

/** The entries the actor may read, each with its agreements count and its endpoints' last pulls. */
export async function listPartners(db: Kysely<DB>, actor: Actor) {
  const rows = await repo.listPartners(db, permittedScopes(actor, 'read', 'partner'));
  const ids = rows.map((r) => r.organization_id);
  const [counts, endpoints] = await Promise.all([repo.agreementCounts(db, ids), repo.endpointsOf(db, ids)]);
  const items = rows.map((row) => ({
    ...presentEntry(row, actor),
    agreementsCount: counts.get(row.organization_id) ?? 0,
    endpoints: endpoints.filter((e) => e.organization_id === row.organization_id).map(presentEndpoint),
  }));
  return { items, total: items.length };
}

/** One entry with its agreements, contacts and endpoints. */
export async function getPartner(db: Kysely<DB>, actor: Actor, id: string) {
  const row = await readableEntry(db, actor, id);
  const [agreements, contacts, endpoints] = await Promise.all([
    repo.agreementsOf(db, [id]),
    repo.contactsOf(db, id),
    repo.endpointsOf(db, [id]),
  ]);
  return {
    ...presentEntry(row, actor),
    agreements: agreements.map(presentAgreement),
    contacts: contacts.map(presentContact),
    endpoints: endpoints.map(presentEndpoint),
  };
}

export interface PartnerInput {
  name?: I18n | undefined;
  kind?: string | undefined;
  seat?: string | null | undefined;
  website?: string | null | undefined;
  description?: Description | undefined;
  status?: string | undefined;
}

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

function checkedName(name: I18n): I18n {
  return {
    en: text(name.en ?? '', 'name.en', 300),
    ...(name.ru?.trim() ? { ru: text(name.ru, 'name.ru', 300) } : {}),
    ...(name.zh?.trim() ? { zh: text(name.zh, 'name.zh', 300) } : {}),
  };
}

function checkedDescription(description: Description): Description {
  const result: Description = {};
  for (const language of ['en', 'ru', 'zh'] as const) {
    const value = optionalText(description[language], `description.${language}`, 4000);
    if (value !== null) result[language] = value;
  }
  return result;
}

/** The columns an input sets, checked; absent fields are left alone. */
function entryColumns(input: PartnerInput) {
  return {
    ...(input.kind !== undefined ? { kind: oneOf(PARTNER_KINDS, input.kind, 'kind') } : {}),
    ...(input.seat !== undefined ? { seat: optionalText(input.seat, 'seat', 200) } : {}),
    ...(input.website !== undefined
      ? { website: input.website?.trim() ? webAddress(input.website, 'website') : null }
      : {}),
    ...(input.description !== undefined
      ? { description: JSON.stringify(checkedDescription(input.description)) }
      : {}),
    ...(input.status !== undefined ? { status: oneOf(PARTNER_STATUSES, input.status, 'status') } : {}),
  };
}

/** Writes a new entry (and its organization when there is none yet), audited; in the caller's transaction. */
async function insertEntry(
  trx: Transaction<DB>,
  actor: Actor,
  input: PartnerInput & { id: string; name: I18n; kind: string },
  now: Date,
) {
  const existing = await organizations.organizationById(trx, input.id);
  if (existing && existing.kind !== 'partner-center')
    throw new Invalid('id', `organization ${input.id} is a ${existing.kind}, not a partner center`);
  if (await repo.partnerById(trx, input.id))
    throw new Conflict(`partner ${input.id} is already in the registry`, { field: 'id' });
  const name = checkedName(input.name);
  if (!existing) {
    const organization = {
      id: input.id,
      kind: 'partner-center',
      name: JSON.stringify(name),
      state_code: null,
      created_at: now.toISOString(),
    };
    await organizations.insertOrganization(trx, organization);
    await audit(
      trx,
      actor,
      {
        action: 'organization.create',
        subjectType: 'organization',
        subjectId: input.id,
        state: organization,
      },
      now,
    );
  }
  const row = {
    organization_id: input.id,
    kind: 'regional-center',
    seat: null,
    website: null,
    description: '{}',
    status: 'active',
    created_at: now.toISOString(),
    ...entryColumns(input),
  };
  await repo.insertPartner(trx, row);
  await audit(
    trx,
    actor,
    { action: 'partner.create', subjectType: 'partner', subjectId: input.id, state: row },
    now,
  );
}

/**
 * Adds a partner to the registry: a new partner-center organization, or one already added (with
 * `sco org add-partner`) that has no entry yet. Administrators only.
 */
export async function createPartner(
  db: Kysely<DB>,
  actor: Actor,
  input: PartnerInput & { id: string; name: I18n; kind: string },
  now: Date,
) {
  if (!authorize(actor, 'create', 'partner', { organizationId: input.id }))
    throw new Forbidden('only administrators add partners');
  if (!ID.test(input.id) || input.id.length > 80)
    throw new Invalid('id', 'must be lower-case letters, digits and single hyphens, at most 80 characters');
  await db.transaction().execute((trx) => insertEntry(trx, actor, input, now));
  return getPartner(db, actor, input.id);
}

/** Changes an entry's name, kind, seat, website, description or status. Administrators only. */
export async function updatePartner(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  input: PartnerInput,
  now: Date,
) {
  await editableEntry(db, actor, id, 'update');
  const set = entryColumns(input);
  const name = input.name === undefined ? undefined : checkedName(input.name);
  await db.transaction().execute(async (trx) => {
    if (Object.keys(set).length) await repo.updatePartner(trx, id, set);
    if (name) await organizations.updateOrganizationName(trx, id, JSON.stringify(name));
    await audit(
      trx,
      actor,
      {
        action: 'partner.update',
        subjectType: 'partner',
        subjectId: id,
        state: { ...set, ...(name ? { name } : {}) },
      },
      now,
    );
  });
  return getPartner(db, actor, id);
}

/**
 * Adds the entries of `data/partners.json` that are missing, each in its own audited transaction.
 * Entries already present are left as they are: after the first start they belong to the
 * administrators. Returns how many were added.
 */
export async function syncPartners(db: Kysely<DB>, records: readonly PartnerRecord[], now: Date) {
  const system: Actor = { kind: 'system', name: 'partners-sync' };
  let added = 0;
  for (const record of records) {
    if (await repo.partnerById(db, record.id)) continue;
    await db.transaction().execute((trx) =>
      insertEntry(
        trx,
        system,
        {
          id: record.id,
          name: record.name,
          kind: record.kind,
          seat: record.seat,
          website: record.website,
          description: record.description,
        },
        now,
      ),
    );
    added += 1;
  }
  return added;
}

async function stixView(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  view: repo.StixView,
  page: { limit: number; offset: number },
) {
  const [counts, rows] = await Promise.all([
    repo.viewCounts(db, actor, view),
    repo.viewPage(db, actor, view, page.limit, page.offset),
  ]);
  const byLevel = Object.fromEntries(TLP_LEVELS.map((l) => [l, 0])) as Record<Tlp, number>;
  for (const c of counts) if (c.tlp in byLevel) byLevel[c.tlp as Tlp] += c.n;
  return {
    partner: id,
    counts: byLevel,
    total: counts.reduce((sum, c) => sum + c.n, 0),
    items: rows.map((r) => ({
      id: r.id,
      type: r.type,
      name: r.name,
      happened: r.happened,
      tlp: r.tlp as Tlp,
      creatorOrg: r.creator_org,
      created: r.created,
      modified: r.modified,
    })),
  };
}

/**
 * What is shared with a partner: the STIX objects its users may read (CLEAR, GREEN, and AMBER
 * naming it; RED names users, so none), counted per TLP level, over what the reader may read too.
 */
export async function sharedWith(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  page: { limit: number; offset: number },
) {
  await readableEntry(db, actor, id);
  return stixView(db, actor, id, { readableBy: organizationReader(id) }, page);
}

/** What came from a partner: the objects it created, over what the reader may read. */
export async function receivedFrom(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  page: { limit: number; offset: number },
) {
  await readableEntry(db, actor, id);
  return stixView(db, actor, id, { createdBy: id }, page);
}

// The contract with the TAXII client (src/intel/taxii/).

export type PullAuth =
  | { kind: 'none' }
  | { kind: 'basic'; username: string; password: string }
  | { kind: 'bearer'; token: string };

/** What the TAXII client needs to pull from or push to one endpoint. */
export interface PullTarget {
  id: string;
  organizationId: string;
  apiRoot: string;
  collectionId: string;
  auth: PullAuth;
  /** The marking given to what is pulled. */
  tlp: Tlp;
  /** The last `X-TAXII-Date-Added-Last` pulled, or null before the first pull. */
  cursor: string | null;
}

function targetOf(row: PartnerEndpointsTable, key: Buffer): PullTarget {
  const secret = () => {
    if (row.secret_sealed === null)
      throw new Error(`partner endpoint ${row.id}: ${row.auth} without a secret`);
    return unsealSecret(row.secret_sealed, key, row.id);
  };
  const auth: PullAuth =
    row.auth === 'basic'
      ? { kind: 'basic', username: row.username ?? '', password: secret() }
      : row.auth === 'bearer'
        ? { kind: 'bearer', token: secret() }
        : { kind: 'none' };
  return {
    id: row.id,
    organizationId: row.organization_id,
    apiRoot: row.api_root_url,
    collectionId: row.collection_id,
    auth,
    tlp: row.tlp as Tlp,
    cursor: row.cursor,
  };
}

/**
 * The endpoints to pull now: of active partners, pulled from (`pull` or `both`) on a schedule,
 * never pulled or last pulled at least their interval before `now`. Secrets are unsealed here,
 * for the client only; a secret that does not open throws `SealError`.
 */
export async function endpointsDue(
  db: Kysely<DB>,
  now: Date,
  key: Buffer = secretKey(),
): Promise<PullTarget[]> {
  const rows = await repo.scheduledPulls(db);
  return rows.filter((r) => pullDue(r.last_pull_at, r.pull_every_minutes, now)).map((r) => targetOf(r, key));
}

/** One endpoint as the client uses it, whatever its direction and its partner's status. */
export async function endpointById(
  db: Kysely<DB>,
  id: string,
  key: Buffer = secretKey(),
): Promise<PullTarget | undefined> {
  const row = await repo.endpointRow(db, id);
  return row ? targetOf(row, key) : undefined;
}

export interface PullResult {
  at: Date;
  ok: boolean;
  message: string;
  count: number;
  /** The new cursor, when the pull moved it; absent leaves it as it was. */
  cursor?: string | null;
}

/**
 * Records how a pull went (and moves the cursor when given), audited as the system action
 * `partner.pull`; in the caller's transaction when given one, so the cursor moves with the
 * objects it covers.
 */
export async function recordPull(db: Executor, endpointId: string, result: PullResult): Promise<void> {
  const write = async (trx: Transaction<DB>) => {
    const row = await repo.endpointRow(trx, endpointId);
    if (!row) throw new NotFound('partner endpoint', endpointId);
    const set = {
      last_pull_at: result.at.toISOString(),
      last_pull_status: result.ok ? 'ok' : 'failed',
      last_pull_message: result.message.slice(0, 2000),
      last_pull_count: result.count,
      ...(result.cursor !== undefined ? { cursor: result.cursor } : {}),
    };
    await repo.updateEndpoint(trx, endpointId, set);
    await audit(
      trx,
      { kind: 'system', name: 'taxii-client' },
      { action: 'partner.pull', subjectType: 'partner-endpoint', subjectId: endpointId, state: set },
      result.at,
    );
  };
  if (db.isTransaction) await write(db as Transaction<DB>);
  else await (db as Kysely<DB>).transaction().execute(write);
}
