import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/kysely.ts';
import type { DB } from '../../db/schema.ts';
import { Forbidden, Invalid, NotFound, Unauthorized } from '../../errors.ts';
import { actorName } from '../../identity/audit.service.ts';
import { RATS_EC_ID } from '../../identity/organizations.service.ts';
import { type Actor, authorize, isUser } from '../../identity/policy.rules.ts';
import type { StixObject } from '../stix.definitions.ts';
import { type Candidate, candidateOf, importCandidates, type RecordOutcome } from '../stix.import.ts';
import { deterministicId } from '../stix.rules.ts';
import { deleteObject } from '../stix.service.ts';
import type { Tlp } from '../tlp.rules.ts';
import * as repo from './taxii.repository.ts';
import {
  encodeCursor,
  type ObjectQuery,
  parseObjectQuery,
  STIX_MEDIA_TYPE,
  TAXII_MEDIA_TYPE,
  taxiiTimestamp,
} from './taxii.rules.ts';

/**
 * The TAXII 2.1 server's use cases. Collections are defined by audience and computed, not
 * stored: the community's (TLP:CLEAR and GREEN), the RATS Executive Committee's (up to
 * AMBER+STRICT) and one per partner center (what that center may read, and what it sends us).
 * Every page is also limited by what its reader may read, so a collection never serves an
 * object its reader may not see, nor reveals that one exists.
 */

export const API_ROOT = 'api';
/** The largest request body the API root accepts, in octets (advertised as `max_content_length`). */
export const MAX_CONTENT_LENGTH = 10 * 1024 * 1024;
/** How long a status resource stays readable (the specification asks for at least 24 hours). */
const STATUS_KEPT_MS = 48 * 3600 * 1000;

export interface Collection {
  id: string;
  alias: string;
  title: string;
  description: string;
  /** Who the collection is for, as the TAXII rules of the policy read it. */
  audience: 'community' | 'rats' | 'partner';
  partnerOrg: string | null;
  membership: repo.Membership;
  /** How what is POSTed lands: its marking and the organizations named as its recipients. */
  landing: { tlp: Tlp; recipientOrgs: string[] };
}

const collectionId = (key: string) => deterministicId('x-taxii-collection', key).split('--')[1] as string;

const UP_TO_AMBER_STRICT: readonly Tlp[] = ['clear', 'green', 'amber', 'amber+strict'];

const FIXED: readonly Collection[] = [
  {
    id: collectionId('community'),
    alias: 'community',
    title: 'SCO community (TLP:CLEAR and TLP:GREEN)',
    description:
      'What the member-state delegations, the Secretariat and the RATS Executive Committee share with the whole community and partner centers. Objects sent here land as TLP:GREEN.',
    audience: 'community',
    partnerOrg: null,
    membership: { tlps: ['clear', 'green'], servesOrg: null },
    landing: { tlp: 'green', recipientOrgs: [] },
  },
  {
    id: collectionId('rats-executive-committee'),
    alias: 'rats-executive-committee',
    title: 'RATS Executive Committee (up to TLP:AMBER+STRICT)',
    description:
      'Everything the RATS Executive Committee may read up to TLP:AMBER+STRICT. Objects sent here land as TLP:AMBER for the Committee.',
    audience: 'rats',
    partnerOrg: null,
    membership: { tlps: UP_TO_AMBER_STRICT, servesOrg: RATS_EC_ID },
    landing: { tlp: 'amber', recipientOrgs: [RATS_EC_ID] },
  },
];

function partnerCollection(org: { id: string; name: string }): Collection {
  const name = (JSON.parse(org.name) as { en: string }).en;
  return {
    id: collectionId(`partner:${org.id}`),
    alias: `partner-${org.id}`,
    title: `Exchange with ${name}`,
    description: `What ${name} may read (TLP:CLEAR, GREEN, and AMBER naming it), and what it sends to the RATS Executive Committee. Objects sent here land as TLP:AMBER for ${name} and the Committee.`,
    audience: 'partner',
    partnerOrg: org.id,
    membership: { tlps: UP_TO_AMBER_STRICT, servesOrg: org.id },
    landing: { tlp: 'amber', recipientOrgs: [org.id, RATS_EC_ID] },
  };
}

const subject = (c: Collection) => ({ audience: c.audience, partnerOrg: c.partnerOrg });

/** Every TAXII route but discovery needs a signed-in user (a 401 tells the client how to sign in). */
function signedIn(actor: Actor) {
  if (!isUser(actor)) throw new Unauthorized('sign in with HTTP Basic or a bearer token');
}

/** The collections whose audience includes the actor. */
export async function collectionsFor(db: Kysely<DB>, actor: Actor): Promise<Collection[]> {
  signedIn(actor);
  const partners = (await repo.partnerCenters(db)).map(partnerCollection);
  return [...FIXED, ...partners].filter((c) => authorize(actor, 'read', 'taxii-collection', subject(c)));
}

/** One collection by its id (or alias); one the actor may not use answers as if it did not exist. */
export async function collectionFor(db: Kysely<DB>, actor: Actor, id: string): Promise<Collection> {
  const found = (await collectionsFor(db, actor)).find((c) => c.id === id || c.alias === id);
  if (!found) throw new NotFound('collection', id);
  return found;
}

/** A collection as TAXII describes it (spec 5.2). */
export function describeCollection(actor: Actor, c: Collection) {
  return {
    id: c.id,
    title: c.title,
    description: c.description,
    alias: c.alias,
    can_read: true,
    can_write: authorize(actor, 'write', 'taxii-collection', subject(c)),
    media_types: [STIX_MEDIA_TYPE],
  };
}

/** The discovery resource (spec 4.1). */
export function discovery(base: string) {
  return {
    title: 'SCO Regional Anti-Terrorist Structure: information exchange',
    description:
      'TAXII 2.1 server of the RATS information center. Collections are defined by audience: the SCO community, the RATS Executive Committee, and one per partner center.',
    default: `${base}/taxii2/${API_ROOT}/`,
    api_roots: [`${base}/taxii2/${API_ROOT}/`],
  };
}

/** The API root resource (spec 4.2). */
export function apiRoot(actor: Actor) {
  signedIn(actor);
  return {
    title: 'RATS information center',
    description: 'STIX 2.1 objects of the SCO Regional Anti-Terrorist Structure, shared by TLP 2.0.',
    versions: [TAXII_MEDIA_TYPE],
    max_content_length: MAX_CONTENT_LENGTH,
  };
}

/** A page as TAXII sends it, with the `date_added` range for the headers. */
export interface Page {
  body: string;
  first: string | null;
  last: string | null;
}

function paged<T extends repo.VersionRow>(rows: T[], q: ObjectQuery) {
  const more = rows.length > q.limit;
  const page = more ? rows.slice(0, q.limit) : rows;
  const lastRow = page[page.length - 1];
  return {
    page,
    more,
    next: more && lastRow ? encodeCursor(lastRow.added) : null,
    first: page[0] ? taxiiTimestamp(page[0].added) : null,
    last: lastRow ? taxiiTimestamp(lastRow.added) : null,
  };
}

const head = (more: boolean, next: string | null) =>
  `{"more":${more}${next ? `,"next":${JSON.stringify(next)}` : ''}`;

/** GET objects, or one object's versions (spec 5.3, 5.5): an envelope of stored bodies, as they are. */
export async function objects(
  db: Kysely<DB>,
  actor: Actor,
  collection: string,
  params: Record<string, string | undefined>,
  objectId?: string,
): Promise<Page> {
  const c = await collectionFor(db, actor, collection);
  const q = parseObjectQuery(params);
  const rows = await repo.objectsPage(db, actor, c.membership, q, objectId);
  if (objectId && rows.length === 0 && !(await objectExists(db, actor, c, objectId)))
    throw new NotFound('object', objectId);
  const { page, more, next, first, last } = paged(rows, q);
  const list = page.length ? `,"objects":[${page.map((r) => r.body).join(',')}]` : '';
  return { body: `${head(more, next)}${list}}`, first, last };
}

async function objectExists(db: Kysely<DB>, actor: Actor, c: Collection, objectId: string) {
  const any = parseObjectQuery({ 'match[version]': 'all', limit: '1' });
  return (await repo.manifestPage(db, actor, c.membership, any, objectId)).length > 0;
}

/** GET manifest (spec 5.4). */
export async function manifest(
  db: Kysely<DB>,
  actor: Actor,
  collection: string,
  params: Record<string, string | undefined>,
): Promise<Page> {
  const c = await collectionFor(db, actor, collection);
  const q = parseObjectQuery(params);
  const { page, more, next, first, last } = paged(await repo.manifestPage(db, actor, c.membership, q), q);
  const entries = page.map((r) => ({
    id: r.id,
    date_added: taxiiTimestamp(r.added),
    version: r.modified,
    media_type: STIX_MEDIA_TYPE,
  }));
  const list = entries.length ? `,"objects":${JSON.stringify(entries)}` : '';
  return { body: `${head(more, next)}${list}}`, first, last };
}

/** GET an object's versions (spec 5.7): every version unless `match[...]` narrows them. */
export async function versions(
  db: Kysely<DB>,
  actor: Actor,
  collection: string,
  objectId: string,
  params: Record<string, string | undefined>,
): Promise<Page> {
  const c = await collectionFor(db, actor, collection);
  const q = parseObjectQuery({ 'match[version]': 'all', ...params });
  const rows = await repo.manifestPage(db, actor, c.membership, q, objectId);
  if (rows.length === 0 && !(await objectExists(db, actor, c, objectId)))
    throw new NotFound('object', objectId);
  const { page, more, next, first, last } = paged(rows, q);
  const list = page.length ? `,"versions":${JSON.stringify(page.map((r) => r.modified))}` : '';
  return { body: `${head(more, next)}${list}}`, first, last };
}

/** One entry of a status resource's lists. */
interface StatusDetail {
  id: string;
  version?: string;
  message?: string;
}

/**
 * POST objects (spec 5.4): each object of the envelope is validated and stored on its own, so
 * valid ones land and each failure is listed with its reason; a rejected object leaves nothing.
 * The work is done before the answer, so the status is complete at once; it stays readable by
 * its poster for 48 hours.
 */
export async function addObjects(
  database: Database,
  actor: Actor,
  collection: string,
  envelope: unknown,
  now: Date,
) {
  const { db } = database;
  const c = await collectionFor(db, actor, collection);
  if (!authorize(actor, 'write', 'taxii-collection', subject(c)))
    throw new Forbidden('this collection does not accept objects from you (can_write is false)');
  const objects = envelopeObjects(envelope);
  const successes: StatusDetail[] = [];
  const failures: StatusDetail[] = [];
  const candidates: Candidate[] = [];
  objects.forEach((value, index) => {
    const object = value as StixObject;
    const id = typeof object?.id === 'string' ? object.id : `objects[${index}]`;
    const candidate = candidateOf(value, `objects[${index}]`);
    if (!candidate) successes.push({ id, message: 'a TLP marking definition this server knows already' });
    else if ('object' in candidate) candidates.push(candidate);
    else
      failures.push({
        id,
        ...(typeof object?.modified === 'string' ? { version: object.modified } : {}),
        message: candidate.rejection.map((f) => `${f.field}: ${f.problem}`).join('; '),
      });
  });
  const byPlace = new Map(candidates.map((cand) => [cand.at, cand]));
  if (candidates.length) {
    await importCandidates(
      database,
      actor,
      (async function* () {
        yield candidates;
      })(),
      {
        tlp: c.landing.tlp,
        recipientOrgs: c.landing.recipientOrgs,
        partial: true,
        onRecord: (at: string, outcome: RecordOutcome) => {
          const object = (byPlace.get(at) as { object: StixObject } | undefined)?.object;
          const id = object?.id ?? at;
          if (outcome.status === 'rejected') {
            failures.push({
              id,
              ...(typeof object?.modified === 'string' ? { version: object.modified } : {}),
              message: outcome.problem,
            });
          } else
            successes.push({
              id,
              version: outcome.modified,
              ...(outcome.status === 'unchanged' ? { message: 'this version was stored already' } : {}),
            });
        },
      },
      now,
    );
  }
  const status = {
    id: randomUUID(),
    status: 'complete',
    request_timestamp: taxiiTimestamp(now.getTime() * 1000),
    total_count: objects.length,
    success_count: successes.length,
    successes,
    failure_count: failures.length,
    failures,
    pending_count: 0,
    pendings: [],
  };
  const nowIso = now.toISOString();
  await repo.removeExpiredStatuses(db, nowIso);
  await repo.insertStatus(db, {
    id: status.id,
    owner: actorName(actor),
    created_at: nowIso,
    expires_at: new Date(now.getTime() + STATUS_KEPT_MS).toISOString(),
    body: JSON.stringify(status),
  });
  return status;
}

/** The objects of a TAXII envelope; anything else is refused naming what is wrong. */
function envelopeObjects(envelope: unknown): unknown[] {
  if (envelope === null || typeof envelope !== 'object' || Array.isArray(envelope))
    throw new Invalid('body', 'must be a TAXII envelope: a JSON object with an "objects" list');
  const body = envelope as Record<string, unknown>;
  if (body.type === 'bundle')
    throw new Invalid('body', 'is a STIX bundle: send a TAXII envelope {"objects": [...]} instead');
  if (body.objects === undefined) return [];
  if (!Array.isArray(body.objects)) throw new Invalid('objects', 'must be a list of STIX objects');
  return body.objects;
}

/** GET status (spec 4.3): only its poster reads it, while it is kept. */
export async function statusOf(db: Kysely<DB>, actor: Actor, id: string, now: Date) {
  signedIn(actor);
  const row = await repo.statusById(db, id, actorName(actor), now.toISOString());
  if (!row) throw new NotFound('status', id);
  return JSON.parse(row.body) as Record<string, unknown>;
}

/**
 * DELETE an object (spec 5.6): the versions `match[version]` names (all when it is absent) go
 * from the store, which is only where the actor may write and for objects the actor's
 * organization created.
 */
export async function removeObject(
  database: Database,
  actor: Actor,
  collection: string,
  objectId: string,
  params: Record<string, string | undefined>,
  now: Date,
) {
  const { db } = database;
  const c = await collectionFor(db, actor, collection);
  // Every version the filters name: an object's versions are few, so no page is needed.
  const q = {
    ...parseObjectQuery({ 'match[version]': 'all', ...params }),
    limit: Number.MAX_SAFE_INTEGER - 1,
  };
  const rows = await repo.manifestPage(db, actor, c.membership, q, objectId);
  if (rows.length === 0) throw new NotFound('object', objectId);
  if (!authorize(actor, 'write', 'taxii-collection', subject(c)))
    throw new Forbidden('this collection does not accept changes from you (can_write is false)');
  return deleteObject(
    database,
    actor,
    objectId,
    rows.map((r) => r.modified),
    now,
  );
}
