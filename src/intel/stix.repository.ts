import {
  type Expression,
  type ExpressionBuilder,
  type Kysely,
  type SqlBool,
  sql,
  type Transaction,
} from 'kysely';
import type { DB } from '../db/schema.ts';
import { type Actor, permittedScopes } from '../identity/policy.rules.ts';
import { scopeCondition } from '../identity/scope.sql.ts';
import './intel.schema.ts';

type Executor = Kysely<DB> | Transaction<DB>;

/**
 * Reads of the STIX store, every one through the access policy: the actor's scopes for reading
 * `stix` become one SQL condition on `stix_objects`, so gets, lists, totals, searches, exports
 * and TAXII pages see exactly the objects the policy lets the reader see.
 */

/** The SQL condition "the actor may read this row of stix_objects". */
export function readable(eb: ExpressionBuilder<DB, 'stix_objects'>, actor: Actor): Expression<SqlBool> {
  const recipient = (kind: 'org' | 'user') => (value: string) =>
    eb.exists(
      eb
        .selectFrom('stix_recipients')
        .select('stix_recipients.object_id')
        .whereRef('stix_recipients.object_id', '=', 'stix_objects.id')
        .where('stix_recipients.kind', '=', kind)
        .where('stix_recipients.principal', '=', value),
    );
  return scopeCondition(
    eb,
    permittedScopes(actor, 'read', 'stix'),
    { tlp: 'stix_objects.tlp', creatorOrg: 'stix_objects.creator_org' },
    { recipientOrgs: recipient('org'), recipientUsers: recipient('user') },
  );
}

export interface ObjectFilter {
  types?: readonly string[];
  ids?: readonly string[];
  q?: string;
  from?: string;
  to?: string;
  createdBy?: string;
  /** ISO 3166 alpha-2 codes. */
  places?: readonly string[];
  /** Objects that point to this one (an organization's incidents). */
  referencing?: string;
  /** Only objects at these TLP levels. */
  tlps?: readonly string[];
}

function filtered(db: Executor, actor: Actor, f: ObjectFilter) {
  let base = db.selectFrom('stix_objects').where((eb) => readable(eb, actor));
  if (f.types?.length) base = base.where('stix_objects.type', 'in', [...f.types]);
  if (f.ids?.length) base = base.where('stix_objects.id', 'in', [...f.ids]);
  if (f.q) {
    const pattern = `%${escapeLike(f.q.toLowerCase())}%`;
    base = base.where(sql<SqlBool>`stix_objects.search like ${pattern} escape '\\'`);
  }
  if (f.from) base = base.where('stix_objects.happened', '>=', f.from);
  if (f.to) base = base.where('stix_objects.happened', '<', f.to);
  if (f.createdBy) base = base.where('stix_objects.creator_org', '=', f.createdBy);
  if (f.places?.length) base = base.where('stix_objects.place', 'in', [...f.places]);
  if (f.tlps?.length) base = base.where('stix_objects.tlp', 'in', [...f.tlps]);
  const { referencing } = f;
  if (referencing) {
    base = base.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('stix_refs')
          .select('stix_refs.source_id')
          .whereRef('stix_refs.source_id', '=', 'stix_objects.id')
          .where('stix_refs.target_id', '=', referencing),
      ),
    );
  }
  return base;
}

const escapeLike = (text: string) => text.replace(/[%_\\]/g, (c) => `\\${c}`);

/** One page of the objects the actor may read, newest happening first, and their total. */
export async function listObjects(
  db: Executor,
  actor: Actor,
  f: ObjectFilter,
  limit: number,
  offset: number,
) {
  const base = filtered(db, actor, f);
  const [rows, count] = await Promise.all([
    base
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
      .orderBy('stix_objects.happened', 'desc')
      .orderBy('stix_objects.id')
      .limit(limit)
      .offset(offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
  ]);
  return { rows, total: Number(count?.n ?? 0) };
}

/** The object's index row and latest body, if the actor may read it. */
export async function objectById(db: Executor, actor: Actor, id: string) {
  return db
    .selectFrom('stix_objects')
    .innerJoin('stix_versions', (j) =>
      j
        .onRef('stix_versions.id', '=', 'stix_objects.id')
        .onRef('stix_versions.modified', '=', 'stix_objects.modified'),
    )
    .selectAll('stix_objects')
    .select(['stix_versions.body', 'stix_versions.added'])
    .where('stix_objects.id', '=', id)
    .where((eb) => readable(eb, actor))
    .executeTakeFirst();
}

/** Every version of an object the actor may read, oldest first. */
export async function versionsOf(db: Executor, actor: Actor, id: string) {
  return db
    .selectFrom('stix_versions')
    .innerJoin('stix_objects', 'stix_objects.id', 'stix_versions.id')
    .select(['stix_versions.modified', 'stix_versions.added', 'stix_versions.body'])
    .where('stix_versions.id', '=', id)
    .where((eb) => readable(eb, actor))
    .orderBy('stix_versions.added')
    .execute();
}

/** The latest bodies of objects already found readable (a page of a list), by id. */
export async function bodiesOf(db: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('stix_objects')
    .innerJoin('stix_versions', (j) =>
      j
        .onRef('stix_versions.id', '=', 'stix_objects.id')
        .onRef('stix_versions.modified', '=', 'stix_objects.modified'),
    )
    .select(['stix_objects.id', 'stix_versions.body'])
    .where('stix_objects.id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, r.body]));
}

export async function recipientsOf(db: Executor, id: string) {
  return db.selectFrom('stix_recipients').select(['kind', 'principal']).where('object_id', '=', id).execute();
}

/** The stored TLP levels of the given objects (whoever may read them): markings are inherited. */
export async function levelsOf(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('stix_objects')
    .select(['id', 'tlp'])
    .where('id', 'in', [...ids])
    .execute();
}

/**
 * The latest bodies of the objects the actor may read, in pages by id, for exports: memory stays
 * flat whatever the size of the store.
 */
export async function* latestBodies(db: Executor, actor: Actor, f: ObjectFilter, page = 2000) {
  let after = '';
  for (;;) {
    const rows = await filtered(db, actor, f)
      .innerJoin('stix_versions', (j) =>
        j
          .onRef('stix_versions.id', '=', 'stix_objects.id')
          .onRef('stix_versions.modified', '=', 'stix_objects.modified'),
      )
      .select(['stix_objects.id', 'stix_versions.body'])
      .where('stix_objects.id', '>', after)
      .orderBy('stix_objects.id')
      .limit(page)
      .execute();
    for (const row of rows) yield row.body;
    if (rows.length < page) return;
    after = rows[rows.length - 1]?.id ?? after;
  }
}

/** Replaces the object's marking and adds recipients; the new version is written by the store. */
export async function setAccess(
  trx: Transaction<DB>,
  id: string,
  tlp: string,
  add: { orgs: readonly string[]; users: readonly string[] },
) {
  await trx.updateTable('stix_objects').set({ tlp }).where('id', '=', id).execute();
  const rows = [
    ...add.orgs.map((principal) => ({ object_id: id, kind: 'org' as const, principal })),
    ...add.users.map((principal) => ({ object_id: id, kind: 'user' as const, principal })),
  ];
  if (rows.length)
    await trx
      .insertInto('stix_recipients')
      .values(rows)
      .onConflict((oc) => oc.doNothing())
      .execute();
}

/** Removes the named versions of an object; what is left of it, latest first. */
export async function removeVersions(trx: Transaction<DB>, id: string, modifieds: readonly string[]) {
  if (modifieds.length)
    await trx
      .deleteFrom('stix_versions')
      .where('id', '=', id)
      .where('modified', 'in', [...modifieds])
      .execute();
  return trx
    .selectFrom('stix_versions')
    .select(['modified', 'body'])
    .where('id', '=', id)
    .orderBy('added', 'desc')
    .execute();
}

/** Points an object's index at the version now latest. */
export async function reindexObject(
  trx: Transaction<DB>,
  id: string,
  index: {
    modified: string;
    name: string | null;
    happened: string | null;
    place: string | null;
    search: string;
    digest: string;
    revoked: number;
  },
) {
  await trx.updateTable('stix_objects').set(index).where('id', '=', id).execute();
}

/** Removes an object with its readers and references (its versions are gone already). */
export async function removeObject(trx: Transaction<DB>, id: string) {
  await trx.deleteFrom('stix_refs').where('source_id', '=', id).execute();
  await trx.deleteFrom('stix_recipients').where('object_id', '=', id).execute();
  await trx.deleteFrom('stix_objects').where('id', '=', id).execute();
}

/** Whether assessments or the common list cite the object (it cannot then be removed). */
export async function isCited(db: Executor, id: string): Promise<boolean> {
  const [assessed, listed] = await Promise.all([
    db.selectFrom('assessments').select('id').where('subject_id', '=', id).limit(1).executeTakeFirst(),
    db.selectFrom('listings').select('object_id').where('object_id', '=', id).limit(1).executeTakeFirst(),
  ]);
  return assessed !== undefined || listed !== undefined;
}
