import type { Expression, ExpressionBuilder, Insertable, Kysely, SqlBool, Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { type Actor, permittedScopes } from '../identity/policy.rules.ts';
import { scopeCondition } from '../identity/scope.sql.ts';
import { readable } from '../intel/stix.repository.ts';
import type { BulletinsTable } from './bulletins.schema.ts';
import './bulletins.schema.ts';
import '../intel/intel.schema.ts';

type Executor = Kysely<DB> | Transaction<DB>;

/** Reads and writes of bulletins and their deliveries; the one place with their SQL. */

const CHUNK = 500;
const chunks = <T>(items: readonly T[]) =>
  Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, i) => items.slice(i * CHUNK, (i + 1) * CHUNK));

/** The SQL condition "the actor may read this bulletin" (its own reads and the published ones), from the one policy. */
export function readableBulletin(eb: ExpressionBuilder<DB, 'bulletins'>, actor: Actor): Expression<SqlBool> {
  const delivered = (kind: 'org' | 'user') => (value: string) =>
    eb.exists(
      eb
        .selectFrom('bulletin_deliveries')
        .select('bulletin_deliveries.id')
        .whereRef('bulletin_deliveries.bulletin_id', '=', 'bulletins.id')
        .where('bulletin_deliveries.recipient_kind', '=', kind)
        .where('bulletin_deliveries.recipient_id', '=', value),
    );
  return scopeCondition(
    eb,
    [...permittedScopes(actor, 'read', 'bulletin'), ...permittedScopes(actor, 'read-published', 'bulletin')],
    { authorOrg: 'bulletins.author_org', visibility: 'bulletins.visibility' },
    { deliveredOrgs: delivered('org'), deliveredUsers: delivered('user') },
  );
}

/** Incidents the actor may read that happened in [from, to) in the given states, with their bodies. */
export async function readableIncidents(
  db: Executor,
  actor: Actor,
  f: { from: string; toExclusive: string; places: readonly string[] },
) {
  if (f.places.length === 0) return [];
  return db
    .selectFrom('stix_objects')
    .innerJoin('stix_versions', (j) =>
      j
        .onRef('stix_versions.id', '=', 'stix_objects.id')
        .onRef('stix_versions.modified', '=', 'stix_objects.modified'),
    )
    .select(['stix_objects.id', 'stix_objects.tlp', 'stix_objects.creator_org', 'stix_versions.body'])
    .where((eb) => readable(eb, actor))
    .where('stix_objects.type', '=', 'incident')
    .where('stix_objects.happened', '>=', f.from)
    .where('stix_objects.happened', '<', f.toExclusive)
    .where('stix_objects.place', 'in', [...f.places])
    .orderBy('stix_objects.happened')
    .orderBy('stix_objects.id')
    .execute();
}

/** The named recipients of the given objects, by object id. */
export async function recipientsOfObjects(db: Executor, ids: readonly string[]) {
  const found = new Map<string, { orgs: string[]; users: string[] }>();
  for (const chunk of chunks(ids)) {
    const rows = await db
      .selectFrom('stix_recipients')
      .select(['object_id', 'kind', 'principal'])
      .where('object_id', 'in', [...chunk])
      .execute();
    for (const row of rows) {
      const entry = found.get(row.object_id) ?? { orgs: [], users: [] };
      (row.kind === 'org' ? entry.orgs : entry.users).push(row.principal);
      found.set(row.object_id, entry);
    }
  }
  return found;
}

/** The objects each of the given incidents references (perpetrators, places...), as pairs. */
export async function referencesFrom(db: Executor, sourceIds: readonly string[]) {
  const pairs: { source_id: string; target_id: string }[] = [];
  for (const chunk of chunks(sourceIds))
    pairs.push(
      ...(await db
        .selectFrom('stix_refs')
        .select(['source_id', 'target_id'])
        .where('source_id', 'in', [...chunk])
        .execute()),
    );
  return pairs;
}

/** The organizations (threat actors, intrusion sets) among `ids` that the actor may read. */
export async function readableOrganizations(db: Executor, actor: Actor, ids: readonly string[]) {
  const rows: { id: string; name: string | null; tlp: string; creator_org: string }[] = [];
  for (const chunk of chunks(ids))
    rows.push(
      ...(await db
        .selectFrom('stix_objects')
        .select(['id', 'name', 'tlp', 'creator_org'])
        .where((eb) => readable(eb, actor))
        .where('type', 'in', ['threat-actor', 'intrusion-set'])
        .where('id', 'in', [...chunk])
        .execute()),
    );
  return rows;
}

/** The states that were members of the organization on `date`. */
export async function membersOn(db: Executor, date: string): Promise<string[]> {
  const rows = await db
    .selectFrom('state_statuses')
    .select('state_code')
    .distinct()
    .where('status', '=', 'member')
    .where('from_date', '<=', date)
    .where((w) => w.or([w('to_date', 'is', null), w('to_date', '>', date)]))
    .orderBy('state_code')
    .execute();
  return rows.map((r) => r.state_code);
}

export async function insertBulletin(trx: Transaction<DB>, row: Insertable<BulletinsTable>) {
  await trx.insertInto('bulletins').values(row).execute();
}

/** One bulletin, if the actor may read it. */
export async function bulletinById(db: Executor, actor: Actor, id: string) {
  return db
    .selectFrom('bulletins')
    .selectAll()
    .where('id', '=', id)
    .where((eb) => readableBulletin(eb, actor))
    .executeTakeFirst();
}

export interface BulletinFilter {
  /** Built by the actor's organization. */
  mine?: boolean;
  /** Delivered to the actor or the actor's organization. */
  received?: boolean;
  published?: boolean;
}

const SUMMARY = [
  'bulletins.id',
  'bulletins.title',
  'bulletins.language',
  'bulletins.period_from',
  'bulletins.period_to',
  'bulletins.sections',
  'bulletins.tlp',
  'bulletins.author_org',
  'bulletins.created_at',
  'bulletins.visibility',
  'bulletins.published_at',
] as const;

/** A page of the bulletins the actor may read, newest first, and their total. */
export async function listBulletins(
  db: Executor,
  actor: Actor,
  f: BulletinFilter,
  limit: number,
  offset: number,
) {
  let base = db.selectFrom('bulletins').where((eb) => readableBulletin(eb, actor));
  if (f.published) base = base.where('bulletins.visibility', '=', 'public');
  if (f.mine)
    base = base.where('bulletins.author_org', '=', actor.kind === 'user' ? actor.organizationId : '');
  if (f.received) {
    const org = actor.kind === 'user' ? actor.organizationId : '';
    const user = actor.kind === 'user' ? actor.userId : '';
    base = base.where((eb) =>
      eb.exists(
        eb
          .selectFrom('bulletin_deliveries')
          .select('bulletin_deliveries.id')
          .whereRef('bulletin_deliveries.bulletin_id', '=', 'bulletins.id')
          .where((w) =>
            w.or([
              w.and([w('recipient_kind', '=', 'org'), w('recipient_id', '=', org)]),
              w.and([w('recipient_kind', '=', 'user'), w('recipient_id', '=', user)]),
            ]),
          ),
      ),
    );
  }
  const [rows, count] = await Promise.all([
    base
      .select([...SUMMARY])
      .orderBy('bulletins.created_at', 'desc')
      .orderBy('bulletins.id')
      .limit(limit)
      .offset(offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
  ]);
  return { rows, total: Number(count?.n ?? 0) };
}

/** Every delivery of a bulletin, oldest first. */
export async function deliveriesOf(db: Executor, bulletinId: string) {
  return db
    .selectFrom('bulletin_deliveries')
    .select(['recipient_kind', 'recipient_id', 'delivered_at', 'delivered_by'])
    .where('bulletin_id', '=', bulletinId)
    .orderBy('delivered_at')
    .orderBy('id')
    .execute();
}

export async function insertDeliveries(trx: Transaction<DB>, rows: Insertable<DB['bulletin_deliveries']>[]) {
  if (rows.length) await trx.insertInto('bulletin_deliveries').values(rows).execute();
}

export async function markPublished(trx: Transaction<DB>, id: string, at: string) {
  await trx
    .updateTable('bulletins')
    .set({ visibility: 'public', published_at: at })
    .where('id', '=', id)
    .execute();
}

/** Organizations by id, with their kind (to stand for them when checking what they may read). */
export async function organizationsByIds(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('organizations')
    .select(['id', 'kind', 'name'])
    .where('id', 'in', [...ids])
    .execute();
}

/** Users by id, or by username: the ones found. */
export async function usersByIds(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('users')
    .select(['id', 'username'])
    .where((w) => w.or([w('id', 'in', [...ids]), w('username', 'in', [...ids])]))
    .execute();
}
