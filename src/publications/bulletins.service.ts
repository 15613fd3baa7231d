import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../db/kysely.ts';
import type { DB } from '../db/schema.ts';
import { Conflict, Forbidden, Invalid, NotFound } from '../errors.ts';
import { actorOf } from '../identity/actor.ts';
import { actorName, audit } from '../identity/audit.service.ts';
import {
  type Actor,
  ANONYMOUS,
  abilities,
  authorize,
  type OrganizationKind,
  organizationReader,
} from '../identity/policy.rules.ts';
import type { Tlp } from '../intel/tlp.rules.ts';
import { gatherSnapshot } from './bulletins.content.ts';
import * as repo from './bulletins.repository.ts';
import { checkRequest, firstUnreadable, publishable } from './bulletins.rules.ts';
import type { BulletinsTable } from './bulletins.schema.ts';
import type { BulletinRequest, Part, Snapshot } from './bulletins.types.ts';

/**
 * Bulletins' use cases: build (gather what the author may read and freeze it), read, list,
 * send to recipients allowed to read every part, and publish TLP:CLEAR bulletins to the public
 * portal. Each checks the one policy; each change is one transaction with its audit entries.
 */

type Row = Selectable<BulletinsTable>;

const authorOrgOf = (actor: Actor) =>
  actor.kind === 'user' ? actor.organizationId : 'rats-executive-committee';

/** The policy's view of a bulletin. */
const resourceOf = (row: Pick<Row, 'author_org' | 'visibility'>) => ({
  authorOrg: row.author_org,
  visibility: row.visibility,
});

function present(row: Row, actor: Actor, deliveries: Awaited<ReturnType<typeof repo.deliveriesOf>> | null) {
  const snapshot = JSON.parse(row.snapshot) as Snapshot;
  const may = abilities(actor, 'bulletin', resourceOf(row));
  return {
    id: row.id,
    title: row.title,
    language: row.language,
    from: row.period_from,
    to: row.period_to,
    states: snapshot.states,
    regions: snapshot.regions,
    sections: snapshot.sections,
    note: snapshot.note,
    tlp: row.tlp as Tlp,
    markingOrganizations: row.marking_orgs ? (JSON.parse(row.marking_orgs) as string[]) : null,
    markingUsers: row.marking_users ? (JSON.parse(row.marking_users) as string[]) : null,
    authorOrg: row.author_org,
    createdAt: row.created_at,
    published: row.visibility === 'public',
    publishedAt: row.published_at,
    parts: snapshot.parts.map((p) => ({ id: p.id, kind: p.kind, tlp: p.tlp })),
    // Who received it is the sending organization's business.
    deliveries: may.send
      ? (deliveries ?? []).map((d) => ({
          recipientKind: d.recipient_kind,
          recipientId: d.recipient_id,
          deliveredAt: d.delivered_at,
          deliveredBy: d.delivered_by,
        }))
      : [],
    abilities: { ...may, publish: may.publish === true && publishable({ tlp: snapshot.marking.tlp }) },
  };
}

export type BulletinView = ReturnType<typeof present>;

async function checkedBuild(db: Kysely<DB>, actor: Actor, input: BulletinRequest, now: Date) {
  if (!authorize(actor, 'create', 'bulletin', {}))
    throw new Forbidden('only analysts of the RATS Executive Committee build bulletins');
  return gatherSnapshot(db, actor, checkRequest(input), authorOrgOf(actor), now);
}

/** What a bulletin would contain, not stored: the builder's live preview. */
export async function previewBulletin(db: Kysely<DB>, actor: Actor, input: BulletinRequest, now: Date) {
  return checkedBuild(db, actor, input, now);
}

/** Builds a bulletin as the actor reads the knowledge base now, and stores its snapshot. */
export async function buildBulletin(database: Database, actor: Actor, input: BulletinRequest, now: Date) {
  const { db } = database;
  const snapshot = await checkedBuild(db, actor, input, now);
  const id = `bulletin--${randomUUID()}`;
  await db.transaction().execute(async (trx) => {
    await repo.insertBulletin(trx, {
      id,
      title: snapshot.title,
      language: snapshot.language,
      period_from: snapshot.from,
      period_to: snapshot.to,
      sections: JSON.stringify(snapshot.sections),
      tlp: snapshot.marking.tlp,
      marking_orgs: snapshot.marking.organizations ? JSON.stringify(snapshot.marking.organizations) : null,
      marking_users: snapshot.marking.users ? JSON.stringify(snapshot.marking.users) : null,
      snapshot: JSON.stringify(snapshot),
      author_user: actor.kind === 'user' ? actor.userId : null,
      author_org: snapshot.authorOrg,
      created_at: now.toISOString(),
      visibility: 'restricted',
      published_at: null,
    });
    await audit(
      trx,
      actor,
      {
        action: 'bulletin.build',
        subjectType: 'bulletin',
        subjectId: id,
        state: { marking: snapshot.marking, parts: snapshot.parts.map((p) => [p.id, p.tlp]) },
      },
      now,
    );
  });
  return getBulletin(db, actor, id);
}

async function readableRow(db: Kysely<DB>, actor: Actor, id: string): Promise<Row> {
  const row = await repo.bulletinById(db, actor, id);
  if (!row) throw new NotFound('bulletin', id);
  return row;
}

/** One bulletin the actor may read. */
export async function getBulletin(db: Kysely<DB>, actor: Actor, id: string) {
  const row = await readableRow(db, actor, id);
  return present(row, actor, await repo.deliveriesOf(db, id));
}

/** A readable bulletin's frozen content, for its HTML and PDF. */
export async function bulletinSnapshot(db: Kysely<DB>, actor: Actor, id: string): Promise<Snapshot> {
  return JSON.parse((await readableRow(db, actor, id)).snapshot) as Snapshot;
}

/** A page of the bulletins the actor may read: its organization's, those received, those published. */
export async function listBulletins(
  db: Kysely<DB>,
  actor: Actor,
  q: repo.BulletinFilter & { limit?: number | undefined; offset?: number | undefined },
) {
  const { rows, total } = await repo.listBulletins(db, actor, q, q.limit ?? 50, q.offset ?? 0);
  return {
    items: rows.map((r) => ({
      id: r.id,
      title: r.title,
      language: r.language,
      from: r.period_from,
      to: r.period_to,
      sections: JSON.parse(r.sections) as string[],
      tlp: r.tlp as Tlp,
      authorOrg: r.author_org,
      createdAt: r.created_at,
      published: r.visibility === 'public',
      publishedAt: r.published_at,
    })),
    total,
  };
}

/** Published bulletins, for anyone. */
export const listPublished = (db: Kysely<DB>, q: { limit?: number; offset?: number }) =>
  listBulletins(db, ANONYMOUS, { ...q, published: true });

export interface Recipients {
  organizations?: readonly string[] | undefined;
  users?: readonly string[] | undefined;
}

interface Recipient {
  kind: 'org' | 'user';
  id: string;
  /** How the recipient is named in messages. */
  label: string;
  actor: Actor;
}

/** The actors standing for the recipients named; unknown ones are refused by name. */
async function resolveRecipients(db: Kysely<DB>, given: Recipients, now: Date): Promise<Recipient[]> {
  const orgIds = [...new Set(given.organizations ?? [])];
  const userKeys = [...new Set(given.users ?? [])];
  if (orgIds.length + userKeys.length === 0)
    throw new Invalid('organizations', 'name at least one recipient');
  const orgs = await repo.organizationsByIds(db, orgIds);
  const missingOrg = orgIds.find((id) => !orgs.some((o) => o.id === id));
  if (missingOrg) throw new Invalid('organizations', `no organization ${missingOrg}`);
  const users = await repo.usersByIds(db, userKeys);
  const recipients: Recipient[] = orgIds.map((id) => {
    const org = orgs.find((o) => o.id === id) as (typeof orgs)[number];
    return {
      kind: 'org',
      id,
      label: `organization ${id}`,
      actor: organizationReader(id, org.kind as OrganizationKind),
    };
  });
  for (const key of userKeys) {
    const user = users.find((u) => u.id === key || u.username === key);
    const actor = user ? await actorOf(db, user, now) : null;
    if (!user || !actor) throw new Invalid('users', `no user ${key}`);
    recipients.push({ kind: 'user', id: user.id, label: `user ${user.username}`, actor });
  }
  return recipients;
}

/** May this reader read this part, by the information center's access rules? */
const mayReadPart = (reader: Actor) => (part: Part) =>
  authorize(reader, 'read', 'stix', {
    tlp: part.tlp,
    creatorOrg: part.creatorOrg ?? '',
    recipientOrgs: part.recipientOrgs,
    recipientUsers: part.recipientUsers,
  });

async function sendable(db: Kysely<DB>, actor: Actor, id: string) {
  const row = await readableRow(db, actor, id);
  if (!authorize(actor, 'send', 'bulletin', resourceOf(row)))
    throw new Forbidden('only analysts of the authoring organization send a bulletin');
  return { row, snapshot: JSON.parse(row.snapshot) as Snapshot };
}

/**
 * For each organization, whether it may receive the bulletin, and if not the first part it may
 * not read: what the recipient picker shows.
 */
export async function recipientChoices(db: Kysely<DB>, actor: Actor, id: string, now: Date) {
  const { snapshot } = await sendable(db, actor, id);
  const organizations = await db
    .selectFrom('organizations')
    .select(['id', 'kind', 'name'])
    .orderBy('id')
    .execute();
  const recipients = await resolveRecipients(db, { organizations: organizations.map((o) => o.id) }, now);
  return {
    items: recipients.map((r) => {
      const org = organizations.find((o) => o.id === r.id) as (typeof organizations)[number];
      const refused = firstUnreadable(snapshot.parts, mayReadPart(r.actor));
      return {
        id: r.id,
        kind: org.kind,
        name: JSON.parse(org.name) as { en: string; ru?: string; zh?: string },
        allowed: refused === null,
        refusedPart: refused ? { id: refused.id, kind: refused.kind, tlp: refused.tlp } : null,
      };
    }),
  };
}

/**
 * Sends a bulletin to organizations and users. Every recipient must be allowed to read every
 * part; if one may not, nothing is sent and the refusal names the recipient and the part.
 * Each delivery is recorded and audited.
 */
export async function sendBulletin(
  database: Database,
  actor: Actor,
  id: string,
  given: Recipients,
  now: Date,
) {
  const { db } = database;
  const { snapshot } = await sendable(db, actor, id);
  const recipients = await resolveRecipients(db, given, now);
  for (const recipient of recipients) {
    const refused = firstUnreadable(snapshot.parts, mayReadPart(recipient.actor));
    if (refused) {
      throw new Forbidden(
        `${recipient.label} may not read ${refused.id.startsWith(`${refused.kind}--`) ? refused.id : `${refused.kind} ${refused.id}`} (TLP:${refused.tlp.toUpperCase()}): nothing was sent`,
        {
          field: recipient.kind === 'org' ? 'organizations' : 'users',
          recipient: recipient.id,
          part: refused.id,
          tlp: refused.tlp,
        },
      );
    }
  }
  const by = actorName(actor);
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    const rows = recipients.map((r) => ({
      id: randomUUID(),
      bulletin_id: id,
      recipient_kind: r.kind,
      recipient_id: r.id,
      delivered_at: at,
      delivered_by: by,
    }));
    await repo.insertDeliveries(trx, rows);
    for (const row of rows)
      await audit(
        trx,
        actor,
        {
          action: 'bulletin.deliver',
          subjectType: 'bulletin',
          subjectId: id,
          state: { delivery: row.id, recipientKind: row.recipient_kind, recipientId: row.recipient_id },
        },
        now,
      );
  });
  return getBulletin(db, actor, id);
}

/** Puts a TLP:CLEAR bulletin on the public portal; any other marking is refused. */
export async function publishBulletin(database: Database, actor: Actor, id: string, now: Date) {
  const { db } = database;
  const row = await readableRow(db, actor, id);
  if (!authorize(actor, 'publish', 'bulletin', resourceOf(row)))
    throw new Forbidden('only analysts of the authoring organization publish a bulletin');
  if (!publishable({ tlp: row.tlp as Snapshot['marking']['tlp'] }))
    throw new Conflict(`only TLP:CLEAR bulletins are published; this one is TLP:${row.tlp.toUpperCase()}`, {
      field: 'tlp',
      tlp: row.tlp as Tlp,
    });
  if (row.visibility !== 'public')
    await db.transaction().execute(async (trx) => {
      await repo.markPublished(trx, id, now.toISOString());
      await audit(
        trx,
        actor,
        { action: 'bulletin.publish', subjectType: 'bulletin', subjectId: id, state: { tlp: row.tlp } },
        now,
      );
    });
  return getBulletin(db, actor, id);
}
