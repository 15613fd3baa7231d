import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { forgetIncidents, keepIncidents } from '../assessment/rollups.repository.ts';
import { incidentFactsOf } from '../assessment/rollups.rules.ts';
import type { Database } from '../db/kysely.ts';
import type { DB } from '../db/schema.ts';
import { Conflict, Forbidden, Invalid, NotFound } from '../errors.ts';
import { audit } from '../identity/audit.service.ts';
import { type Actor, abilities, authorize } from '../identity/policy.rules.ts';
import { STIX_TYPES, type StixObject } from './stix.definitions.ts';
import * as repo from './stix.repository.ts';
import { deterministicId, digestOf, indexOf } from './stix.rules.ts';
import { type Access, StixWriter } from './stix.store.ts';
import { referencesOf, validateStix } from './stix.validate.rules.ts';
import { mostRestrictive, rank, TLP_LEVELS, type Tlp, tlpOfName, tlpOfObject } from './tlp.rules.ts';

/**
 * The knowledge base's use cases: create, version, read, list and search STIX objects, and share
 * them. Each checks the policy, writes through the store in one transaction and audits. An
 * object that references others is marked at least as strictly as the strictest of them, unless
 * an analyst of the creating organization records a lower marking, which is audited as such.
 */

const iso = (d: Date) => d.toISOString();

/** The STIX identity that stands for one of our organizations as `created_by_ref`. */
export const identityOf = (organizationId: string) =>
  deterministicId('identity', `organization:${organizationId}`);

/** A TLP level from a name or marking as people write it; Invalid naming `field` otherwise. */
export function tlpInput(value: string, field = 'tlp'): Tlp {
  const level = tlpOfName(value);
  if (!level)
    throw new Invalid(field, `must be one of ${TLP_LEVELS.map((l) => `TLP:${l.toUpperCase()}`).join(', ')}`);
  return level;
}

export interface ShareInput {
  tlp: string;
  recipientOrgs?: readonly string[] | undefined;
  recipientUsers?: readonly string[] | undefined;
}

/** Checks that named recipients exist; the RED creator is always among the users. */
async function recipientsOf(db: Kysely<DB>, input: ShareInput, creatorUser: string | null) {
  const orgs = [...new Set(input.recipientOrgs ?? [])];
  const users = [...new Set([...(input.recipientUsers ?? []), ...(creatorUser ? [creatorUser] : [])])];
  if (orgs.length) {
    const found = await db.selectFrom('organizations').select('id').where('id', 'in', orgs).execute();
    const missing = orgs.filter((o) => !found.some((f) => f.id === o));
    if (missing.length) throw new Invalid('recipientOrgs', `no organization ${missing.join(', ')}`);
  }
  const named = users.filter((u) => u !== creatorUser);
  if (named.length) {
    const found = await db.selectFrom('users').select('id').where('id', 'in', named).execute();
    const missing = named.filter((u) => !found.some((f) => f.id === u));
    if (missing.length) throw new Invalid('recipientUsers', `no user ${missing.join(', ')}`);
  }
  return { orgs, users };
}

export interface CreateInput extends ShareInput {
  /** The STIX object; `id`, `spec_version`, `created` and `modified` are filled in when absent. */
  object: Record<string, unknown>;
  /** Keep a marking lower than the referenced objects would give (analysts of the creating organization). */
  lowerMarking?: boolean | undefined;
}

/** Validates and marks a new object or version; the faults name the property path. */
async function prepared(db: Kysely<DB>, actor: Actor, input: CreateInput, now: Date) {
  if (actor.kind !== 'user' && actor.kind !== 'system') throw new Forbidden('sign in to contribute');
  const given = tlpInput(input.tlp);
  const object = { spec_version: '2.1', ...input.object } as unknown as StixObject;
  if (typeof object.type !== 'string' || !STIX_TYPES.has(object.type)) {
    throw new Invalid('object.type', `must be one of ${[...STIX_TYPES.keys()].join(', ')}`);
  }
  object.id ??= `${object.type}--${randomUUID()}`;
  object.created ??= iso(now);
  object.modified ??= object.created;
  const organization = actor.kind === 'user' ? actor.organizationId : 'rats-executive-committee';
  object.created_by_ref ??= identityOf(organization);
  const faults = validateStix(object, 'object');
  if (faults.length) {
    const first = faults[0] as { path: string; problem: string };
    throw new Invalid(first.path, first.problem, { faults });
  }
  const refs = referencesOf(object);
  const levels = (await repo.levelsOf(db, refs)).map((r) => r.tlp as Tlp);
  const inherited = mostRestrictive(levels);
  const own = tlpOfObject(object.object_marking_refs as string[] | undefined);
  let tlp = mostRestrictive([given, ...(own ? [own] : [])]);
  let lowered = false;
  if (rank(tlp) < rank(inherited)) {
    if (input.lowerMarking) {
      if (!authorize(actor, 'lower-marking', 'stix', { creatorOrg: organization })) {
        throw new Forbidden(
          'only an analyst of the creating organization records a marking lower than its sources',
        );
      }
      lowered = true;
    } else tlp = inherited;
  }
  const creatorUser = actor.kind === 'user' ? actor.userId : null;
  const recipients = await recipientsOf(db, input, tlp === 'red' ? creatorUser : null);
  const access: Access = {
    tlp,
    creatorOrg: organization,
    creatorUser,
    recipientOrgs: recipients.orgs,
    recipientUsers: recipients.users,
  };
  return { object, access, lowered, inherited };
}

/** Stores a new object (or a new version of one of the actor's organization's objects). */
export async function saveObject(database: Database, actor: Actor, input: CreateInput, now: Date) {
  const { db } = database;
  if (!authorize(actor, 'create', 'stix', {}))
    throw new Forbidden('you may not contribute to the knowledge base');
  const { object, access, lowered, inherited } = await prepared(db, actor, input, now);
  const existing = await db
    .selectFrom('stix_objects')
    .select(['creator_org'])
    .where('id', '=', object.id)
    .executeTakeFirst();
  if (existing && !authorize(actor, 'update', 'stix', { creatorOrg: existing.creator_org })) {
    throw new Forbidden('only the creating organization adds versions of an object');
  }
  const stamped = input.object.modified !== undefined;
  const written = await db.transaction().execute(async (trx) => {
    const writer = await StixWriter.open(database, trx, now);
    const [result] = await writer.write([{ object, access, stamped }]);
    await writer.finish();
    if (!result || result.status === 'rejected') {
      throw new Invalid('object.modified', result?.status === 'rejected' ? result.problem : 'not written');
    }
    await audit(
      trx,
      actor,
      {
        action: lowered ? 'stix.save-lower-marking' : 'stix.save',
        subjectType: 'stix',
        subjectId: object.id,
        state: { status: result.status, modified: result.modified, tlp: access.tlp, inherited },
      },
      now,
    );
    return result;
  });
  return { ...(await getObject(db, actor, object.id)), written: written.status };
}

/** An object as a reader sees it: the latest STIX version, its marking, and what the reader may do. */
export async function getObject(db: Kysely<DB>, actor: Actor, id: string) {
  const row = await repo.objectById(db, actor, id);
  if (!row) throw new NotFound('object', id);
  const subject = { creatorOrg: row.creator_org };
  const mayShare = authorize(actor, 'share', 'stix', subject);
  const recipients = mayShare ? await repo.recipientsOf(db, id) : [];
  return {
    object: JSON.parse(row.body) as StixObject,
    tlp: row.tlp as Tlp,
    creatorOrg: row.creator_org,
    // Who else may read it is the creator's business: others see no recipients.
    recipientOrgs: recipients.filter((r) => r.kind === 'org').map((r) => r.principal),
    recipientUsers: recipients.filter((r) => r.kind === 'user').map((r) => r.principal),
    abilities: abilities(actor, 'stix', subject),
  };
}

/** The versions of an object, oldest first, each with its `date_added`. */
export async function objectVersions(db: Kysely<DB>, actor: Actor, id: string) {
  const rows = await repo.versionsOf(db, actor, id);
  if (rows.length === 0) throw new NotFound('object', id);
  return rows.map((r) => ({ modified: r.modified, object: JSON.parse(r.body) as StixObject }));
}

export async function listObjects(
  db: Kysely<DB>,
  actor: Actor,
  filter: repo.ObjectFilter,
  page: { limit: number; offset: number },
) {
  if (filter.types) {
    const unknown = filter.types.filter((t) => !STIX_TYPES.has(t));
    if (unknown.length) throw new Invalid('type', `unknown type ${unknown.join(', ')}`);
  }
  const { rows, total } = await repo.listObjects(db, actor, filter, page.limit, page.offset);
  return {
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
    total,
  };
}

/**
 * Changes who may read an object: its TLP level and more named recipients. Only the creating
 * organization does it; it is audited, and the object gets a new version with the new marking.
 */
export async function shareObject(
  database: Database,
  actor: Actor,
  id: string,
  input: ShareInput,
  now: Date,
) {
  const { db } = database;
  const row = await repo.objectById(db, actor, id);
  if (!row) throw new NotFound('object', id);
  if (!authorize(actor, 'share', 'stix', { creatorOrg: row.creator_org })) {
    throw new Forbidden("only the creating organization changes an object's marking");
  }
  const tlp = tlpInput(input.tlp);
  const recipients = await recipientsOf(db, input, tlp === 'red' ? row.creator_user : null);
  const object = JSON.parse(row.body) as StixObject;
  await db.transaction().execute(async (trx) => {
    await repo.setAccess(trx, id, tlp, recipients);
    const writer = await StixWriter.open(database, trx, now);
    await writer.write([
      {
        object,
        access: {
          tlp,
          creatorOrg: row.creator_org,
          creatorUser: row.creator_user,
          recipientOrgs: [],
          recipientUsers: [],
        },
        stamped: false,
      },
    ]);
    await writer.finish();
    // Named recipients change who may count an incident even when its marking stays.
    if (row.type === 'incident')
      await keepIncidents(trx, [{ id, facts: incidentFactsOf(object), tlp, creatorOrg: row.creator_org }]);
    await audit(
      trx,
      actor,
      {
        action: rank(tlp) < rank(row.tlp as Tlp) ? 'stix.widen' : 'stix.share',
        subjectType: 'stix',
        subjectId: id,
        state: { from: row.tlp, to: tlp, addOrgs: recipients.orgs, addUsers: recipients.users },
      },
      now,
    );
  });
  return getObject(db, actor, id);
}

/**
 * Removes versions of an object (all of them when `modifieds` is null): analysts of the creating
 * organization only, audited. When the latest version goes, the one before becomes the latest;
 * when none is left, the object goes. An object that assessments or the common list cite stays.
 */
export async function deleteObject(
  database: Database,
  actor: Actor,
  id: string,
  modifieds: readonly string[] | null,
  now: Date,
): Promise<{ removed: number }> {
  const { db } = database;
  const row = await repo.objectById(db, actor, id);
  if (!row) throw new NotFound('object', id);
  if (!authorize(actor, 'delete', 'stix', { creatorOrg: row.creator_org })) {
    throw new Forbidden('only analysts of the creating organization remove an object');
  }
  return db.transaction().execute(async (trx) => {
    const all = (await repo.versionsOf(trx, actor, id)).map((v) => v.modified);
    const doomed = modifieds === null ? all : all.filter((m) => modifieds.includes(m));
    const left = await repo.removeVersions(trx, id, doomed);
    const latest = left[0];
    if (!latest) {
      if (await repo.isCited(trx, id))
        throw new Conflict(`object ${id} is cited by an assessment or the common list`, { field: 'id' });
      await repo.removeObject(trx, id);
      await forgetIncidents(trx, [id]);
    } else if (latest.modified !== row.modified) {
      const object = JSON.parse(latest.body) as StixObject;
      if (row.type === 'incident')
        await keepIncidents(trx, [
          { id, facts: incidentFactsOf(object), tlp: row.tlp, creatorOrg: row.creator_org },
        ]);
      const { created: _c, modified: _m, ...content } = object;
      await repo.reindexObject(trx, id, {
        modified: latest.modified,
        ...indexOf(object),
        digest: digestOf(JSON.stringify(content), row.tlp as Tlp),
        revoked: object.revoked === true ? 1 : 0,
      });
    }
    await audit(
      trx,
      actor,
      {
        action: latest ? 'stix.delete-versions' : 'stix.delete',
        subjectType: 'stix',
        subjectId: id,
        state: { removed: doomed, left: left.length },
      },
      now,
    );
    return { removed: doomed.length };
  });
}
