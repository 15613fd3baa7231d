import { type Expression, type ExpressionBuilder, type Kysely, type SqlBool, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { type Actor, organizationReader } from '../../identity/policy.rules.ts';
import { readable } from '../stix.repository.ts';
import type { Tlp } from '../tlp.rules.ts';
import type { ObjectQuery, VersionMatch } from './taxii.rules.ts';
import './taxii.schema.ts';
import '../intel.schema.ts';

/**
 * The TAXII reads of the STIX store. A page is one range of `stix_versions` in `date_added`
 * order (its primary key), joined to each object's index row for the access condition, so a
 * page of a thousand costs a thousand key lookups whatever the size of the collection.
 */

/** What a collection holds: objects at these levels, readable by `servesOrg` when it is set. */
export interface Membership {
  tlps: readonly Tlp[];
  /** Only objects this organization may read (a partner center's collection). */
  servesOrg: string | null;
}

type Eb = ExpressionBuilder<DB, 'stix_versions' | 'stix_objects'>;
const asObjects = (eb: Eb) => eb as unknown as ExpressionBuilder<DB, 'stix_objects'>;

/**
 * Textual forms a `modified` timestamp given in microseconds may be stored in: with 0 to 9
 * fraction digits, as long as they name the same instant.
 */
function storedForms(micros: number): string[] {
  const seconds = Math.floor(micros / 1_000_000);
  const fraction = String(micros % 1_000_000).padStart(6, '0');
  const base = new Date(seconds * 1000).toISOString().slice(0, 19);
  const forms: string[] = [];
  for (let digits = 0; digits <= 9; digits += 1) {
    const shown = digits <= 6 ? fraction.slice(0, digits) : fraction.padEnd(digits, '0');
    if (digits < 6 && fraction.slice(digits).replace(/0/g, '') !== '') continue;
    forms.push(digits === 0 ? `${base}Z` : `${base}.${shown}Z`);
  }
  return forms;
}

function versionCondition(eb: Eb, match: VersionMatch): Expression<SqlBool> {
  if (match.all) return sql<SqlBool>`1 = 1`;
  const options: Expression<SqlBool>[] = [];
  if (match.last) options.push(eb('stix_versions.modified', '=', eb.ref('stix_objects.modified')));
  if (match.first)
    options.push(
      eb(
        'stix_versions.modified',
        '=',
        eb
          .selectFrom('stix_versions as earliest')
          .select((e) => e.fn.min('earliest.modified').as('m'))
          .whereRef('earliest.id', '=', 'stix_versions.id'),
      ),
    );
  const forms = match.at.flatMap(storedForms);
  if (forms.length) options.push(eb('stix_versions.modified', 'in', forms));
  return eb.or(options);
}

/** The versions a request selects, oldest `date_added` first, one more than the page to know `more`. */
function selected(db: Kysely<DB>, actor: Actor, membership: Membership, q: ObjectQuery, objectId?: string) {
  let query = db
    .selectFrom('stix_versions')
    .innerJoin('stix_objects', 'stix_objects.id', 'stix_versions.id')
    .where((eb) => readable(asObjects(eb), actor))
    .where('stix_objects.tlp', 'in', [...membership.tlps]);
  const { servesOrg } = membership;
  if (servesOrg) query = query.where((eb) => readable(asObjects(eb), organizationReader(servesOrg)));
  const from = Math.max(q.addedAfter ?? -1, q.after ?? -1);
  if (from >= 0) query = query.where('stix_versions.added', '>', from);
  if (objectId) query = query.where('stix_versions.id', '=', objectId);
  if (q.ids.length) query = query.where('stix_versions.id', 'in', q.ids);
  if (q.types.length) query = query.where('stix_objects.type', 'in', q.types);
  // The store holds STIX 2.1 only.
  if (q.specVersions.length && !q.specVersions.includes('2.1')) query = query.where(sql<SqlBool>`1 = 0`);
  return query.where((eb) => versionCondition(eb, q.versions)).orderBy('stix_versions.added');
}

export interface VersionRow {
  id: string;
  modified: string;
  added: number | bigint | string;
}

/** A page of versions with their bodies. */
export async function objectsPage(
  db: Kysely<DB>,
  actor: Actor,
  membership: Membership,
  q: ObjectQuery,
  objectId?: string,
): Promise<(VersionRow & { body: string })[]> {
  return selected(db, actor, membership, q, objectId)
    .select(['stix_versions.id', 'stix_versions.modified', 'stix_versions.added', 'stix_versions.body'])
    .limit(q.limit + 1)
    .execute();
}

/** A page of versions without their bodies (manifests, version lists). */
export async function manifestPage(
  db: Kysely<DB>,
  actor: Actor,
  membership: Membership,
  q: ObjectQuery,
  objectId?: string,
): Promise<VersionRow[]> {
  return selected(db, actor, membership, q, objectId)
    .select(['stix_versions.id', 'stix_versions.modified', 'stix_versions.added'])
    .limit(q.limit + 1)
    .execute();
}

/** The partner centers, each of which has its own collection. */
export async function partnerCenters(db: Kysely<DB>) {
  return db
    .selectFrom('organizations')
    .select(['id', 'name'])
    .where('kind', '=', 'partner-center')
    .orderBy('id')
    .execute();
}

export async function insertStatus(
  db: Kysely<DB>,
  row: { id: string; owner: string; created_at: string; expires_at: string; body: string },
) {
  await db.insertInto('taxii_status').values(row).execute();
}

/** A status resource its owner may read, while it is kept. */
export async function statusById(db: Kysely<DB>, id: string, owner: string, now: string) {
  return db
    .selectFrom('taxii_status')
    .select('body')
    .where('id', '=', id)
    .where('owner', '=', owner)
    .where('expires_at', '>', now)
    .executeTakeFirst();
}

export async function removeExpiredStatuses(db: Kysely<DB>, now: string) {
  await db.deleteFrom('taxii_status').where('expires_at', '<=', now).execute();
}

export async function cursorOf(db: Kysely<DB>, source: string): Promise<string | null> {
  const row = await db
    .selectFrom('taxii_cursors')
    .select('added_last')
    .where('source', '=', source)
    .executeTakeFirst();
  return row?.added_last ?? null;
}

export async function saveCursor(db: Kysely<DB>, source: string, addedLast: string, now: string) {
  await db
    .insertInto('taxii_cursors')
    .values({ source, added_last: addedLast, updated_at: now })
    .onConflict((oc) => oc.column('source').doUpdateSet({ added_last: addedLast, updated_at: now }))
    .execute();
}
