import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { Invalid, NotFound } from '../../errors.ts';
import { audit } from '../../identity/audit.service.ts';
import type { Actor } from '../../identity/policy.rules.ts';
import { presentAgreement, presentContact, presentEndpoint } from './partners.presenter.ts';
import * as repo from './partners.repository.ts';
import {
  AUTH_KINDS,
  type AuthKind,
  agreementDates,
  apiRoot,
  contact,
  DIRECTIONS,
  type Direction,
  endpointAuth,
  oneOf,
  optionalText,
  PULL_TLPS,
  pullEvery,
  text,
  webAddress,
} from './partners.rules.ts';
import type { PartnerEndpointsTable } from './partners.schema.ts';
import { sealSecret, secretKey } from './partners.secrets.ts';
import { editableEntry } from './partners.service.ts';

/**
 * A partner's agreements, functional contacts and TAXII endpoints: added, changed and removed by
 * those the policy lets (`edit-agreements`, `edit-contacts`, `edit-endpoints`), each change
 * audited in its transaction. A record of another partner answers as not found. An endpoint's
 * password or token is sealed before it is stored and never comes back out.
 */

type Audited = { action: string; subjectType: string; subjectId: string; state: unknown };

async function audited(
  db: Kysely<DB>,
  actor: Actor,
  now: Date,
  work: (trx: Transaction<DB>) => Promise<Audited>,
) {
  await db.transaction().execute(async (trx) => audit(trx, actor, await work(trx), now));
}

const today = (now: Date) => now.toISOString().slice(0, 10);

// Agreements

export interface AgreementInput {
  title?: string | undefined;
  signedOn?: string | undefined;
  scope?: string | undefined;
  validUntil?: string | null | undefined;
  documentUrl?: string | null | undefined;
}

function agreementRow(
  input: Required<Pick<AgreementInput, 'title' | 'signedOn' | 'scope'>> & AgreementInput,
  now: Date,
) {
  const validUntil = input.validUntil?.trim() ? input.validUntil.trim() : null;
  agreementDates(input.signedOn, validUntil, today(now));
  return {
    title: text(input.title, 'title', 300),
    signed_on: input.signedOn,
    scope: text(input.scope, 'scope', 4000),
    valid_until: validUntil,
    document_url: input.documentUrl?.trim() ? webAddress(input.documentUrl, 'documentUrl') : null,
  };
}

async function agreementOf(db: Kysely<DB>, partnerId: string, id: string) {
  const row = await repo.agreementById(db, id);
  if (!row || row.organization_id !== partnerId) throw new NotFound('agreement', id);
  return row;
}

export async function addAgreement(
  db: Kysely<DB>,
  actor: Actor,
  partnerId: string,
  input: AgreementInput & { title: string; signedOn: string; scope: string },
  now: Date,
) {
  await editableEntry(db, actor, partnerId, 'edit-agreements');
  const row = { id: randomUUID(), organization_id: partnerId, ...agreementRow(input, now) };
  await audited(db, actor, now, async (trx) => {
    await repo.insertAgreement(trx, row);
    return {
      action: 'partner.agreement.add',
      subjectType: 'partner-agreement',
      subjectId: row.id,
      state: row,
    };
  });
  return presentAgreement(row);
}

export async function updateAgreement(
  db: Kysely<DB>,
  actor: Actor,
  partnerId: string,
  id: string,
  input: AgreementInput,
  now: Date,
) {
  await editableEntry(db, actor, partnerId, 'edit-agreements');
  const old = await agreementOf(db, partnerId, id);
  const set = agreementRow(
    {
      title: input.title ?? old.title,
      signedOn: input.signedOn ?? old.signed_on,
      scope: input.scope ?? old.scope,
      validUntil: input.validUntil === undefined ? old.valid_until : input.validUntil,
      documentUrl: input.documentUrl === undefined ? old.document_url : input.documentUrl,
    },
    now,
  );
  await audited(db, actor, now, async (trx) => {
    await repo.updateAgreement(trx, id, set);
    return {
      action: 'partner.agreement.update',
      subjectType: 'partner-agreement',
      subjectId: id,
      state: set,
    };
  });
  return presentAgreement({ ...old, ...set });
}

export async function removeAgreement(
  db: Kysely<DB>,
  actor: Actor,
  partnerId: string,
  id: string,
  now: Date,
) {
  await editableEntry(db, actor, partnerId, 'edit-agreements');
  const old = await agreementOf(db, partnerId, id);
  await audited(db, actor, now, async (trx) => {
    await repo.deleteAgreement(trx, id);
    return {
      action: 'partner.agreement.remove',
      subjectType: 'partner-agreement',
      subjectId: id,
      state: old,
    };
  });
}

// Contacts

export interface ContactInput {
  office?: string | undefined;
  email?: string | null | undefined;
  phone?: string | null | undefined;
}

async function contactOf(db: Kysely<DB>, partnerId: string, id: string) {
  const row = await repo.contactById(db, id);
  if (!row || row.organization_id !== partnerId) throw new NotFound('contact', id);
  return row;
}

export async function addContact(
  db: Kysely<DB>,
  actor: Actor,
  partnerId: string,
  input: ContactInput & { office: string },
  now: Date,
) {
  await editableEntry(db, actor, partnerId, 'edit-contacts');
  const row = {
    id: randomUUID(),
    organization_id: partnerId,
    ...contact({ office: input.office, email: input.email ?? null, phone: input.phone ?? null }),
  };
  await audited(db, actor, now, async (trx) => {
    await repo.insertContact(trx, row);
    return { action: 'partner.contact.add', subjectType: 'partner-contact', subjectId: row.id, state: row };
  });
  return presentContact(row);
}

export async function updateContact(
  db: Kysely<DB>,
  actor: Actor,
  partnerId: string,
  id: string,
  input: ContactInput,
  now: Date,
) {
  await editableEntry(db, actor, partnerId, 'edit-contacts');
  const old = await contactOf(db, partnerId, id);
  const set = contact({
    office: input.office ?? old.office,
    email: input.email === undefined ? old.email : input.email,
    phone: input.phone === undefined ? old.phone : input.phone,
  });
  await audited(db, actor, now, async (trx) => {
    await repo.updateContact(trx, id, set);
    return { action: 'partner.contact.update', subjectType: 'partner-contact', subjectId: id, state: set };
  });
  return presentContact({ ...old, ...set });
}

export async function removeContact(db: Kysely<DB>, actor: Actor, partnerId: string, id: string, now: Date) {
  await editableEntry(db, actor, partnerId, 'edit-contacts');
  const old = await contactOf(db, partnerId, id);
  await audited(db, actor, now, async (trx) => {
    await repo.deleteContact(trx, id);
    return { action: 'partner.contact.remove', subjectType: 'partner-contact', subjectId: id, state: old };
  });
}

// Endpoints

export interface EndpointInput {
  apiRoot?: string | undefined;
  collectionId?: string | undefined;
  direction?: string | undefined;
  auth?: string | undefined;
  username?: string | null | undefined;
  /** The password (basic) or token (bearer); absent keeps the one held while `auth` is unchanged. */
  secret?: string | undefined;
  tlp?: string | undefined;
  pullEveryMinutes?: number | null | undefined;
}

/** What an endpoint's audit entry says: everything but the secret. */
const withoutSecret = <R extends { secret_sealed: string | null }>({ secret_sealed, ...rest }: R) => ({
  ...rest,
  hasSecret: secret_sealed !== null,
});

/** The endpoint's columns after `input`, checked; `old` when changing one. */
function endpointColumns(
  input: EndpointInput,
  old: PartnerEndpointsTable | undefined,
  id: string,
  key: () => Buffer,
) {
  const direction = oneOf(DIRECTIONS, input.direction ?? old?.direction ?? 'pull', 'direction') as Direction;
  const auth = oneOf(AUTH_KINDS, input.auth ?? old?.auth ?? 'none', 'auth') as AuthKind;
  const username =
    input.username === undefined
      ? auth === old?.auth
        ? old.username
        : null
      : optionalText(input.username, 'username', 200);
  const secret = input.secret === undefined || input.secret === '' ? undefined : input.secret;
  if (secret !== undefined && secret.length > 4000)
    throw new Invalid('secret', 'must be at most 4000 characters');
  // A secret is kept only while the kind of authentication stays the same.
  const kept = auth === old?.auth ? (old?.secret_sealed ?? null) : null;
  endpointAuth({ auth, username, hasSecret: secret !== undefined || kept !== null });
  const collection = input.collectionId ?? old?.collection_id;
  const every =
    input.pullEveryMinutes === undefined ? (old?.pull_every_minutes ?? null) : input.pullEveryMinutes;
  return {
    api_root_url: apiRoot(input.apiRoot ?? old?.api_root_url ?? ''),
    collection_id: text(collection ?? '', 'collectionId', 200),
    direction,
    auth,
    username,
    secret_sealed: auth === 'none' ? null : secret !== undefined ? sealSecret(secret, key(), id) : kept,
    tlp: oneOf(PULL_TLPS, input.tlp ?? old?.tlp ?? 'green', 'tlp'),
    pull_every_minutes: pullEvery(every === null ? null : Number(every), direction),
  };
}

async function endpointOf(db: Kysely<DB>, partnerId: string, id: string) {
  const row = await repo.endpointRow(db, id);
  if (!row || row.organization_id !== partnerId) throw new NotFound('endpoint', id);
  return row;
}

export async function addEndpoint(
  db: Kysely<DB>,
  actor: Actor,
  partnerId: string,
  input: EndpointInput & { apiRoot: string; collectionId: string; direction: string },
  now: Date,
  key: () => Buffer = () => secretKey(),
) {
  await editableEntry(db, actor, partnerId, 'edit-endpoints');
  const id = randomUUID();
  const row = {
    id,
    organization_id: partnerId,
    ...endpointColumns(input, undefined, id, key),
    cursor: null,
    last_pull_at: null,
    last_pull_status: null,
    last_pull_message: null,
    last_pull_count: null,
    created_at: now.toISOString(),
  };
  await audited(db, actor, now, async (trx) => {
    await repo.insertEndpoint(trx, row);
    return {
      action: 'partner.endpoint.add',
      subjectType: 'partner-endpoint',
      subjectId: id,
      state: withoutSecret(row),
    };
  });
  return presentEndpoint(row);
}

export async function updateEndpoint(
  db: Kysely<DB>,
  actor: Actor,
  partnerId: string,
  id: string,
  input: EndpointInput,
  now: Date,
  key: () => Buffer = () => secretKey(),
) {
  await editableEntry(db, actor, partnerId, 'edit-endpoints');
  const old = await endpointOf(db, partnerId, id);
  const set = endpointColumns(input, old, id, key);
  // Another server or collection: the old cursor means nothing there.
  const moved = set.api_root_url !== old.api_root_url || set.collection_id !== old.collection_id;
  const row = { ...old, ...set, ...(moved ? { cursor: null } : {}) };
  await audited(db, actor, now, async (trx) => {
    await repo.updateEndpoint(trx, id, { ...set, ...(moved ? { cursor: null } : {}) });
    return {
      action: 'partner.endpoint.update',
      subjectType: 'partner-endpoint',
      subjectId: id,
      state: withoutSecret(row),
    };
  });
  return presentEndpoint(row);
}

export async function removeEndpoint(db: Kysely<DB>, actor: Actor, partnerId: string, id: string, now: Date) {
  await editableEntry(db, actor, partnerId, 'edit-endpoints');
  const old = await endpointOf(db, partnerId, id);
  await audited(db, actor, now, async (trx) => {
    await repo.deleteEndpoint(trx, id);
    return {
      action: 'partner.endpoint.remove',
      subjectType: 'partner-endpoint',
      subjectId: id,
      state: withoutSecret(old),
    };
  });
}
