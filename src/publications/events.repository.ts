import {
  type Expression,
  type ExpressionBuilder,
  type Insertable,
  type Kysely,
  type Selectable,
  type SqlBool,
  sql,
  type Transaction,
  type Updateable,
} from 'kysely';
import type { DB } from '../db/schema.ts';
import { type Actor, permittedScopes } from '../identity/policy.rules.ts';
import { scopeCondition } from '../identity/scope.sql.ts';
import type { EventsTable } from './events.schema.ts';
import './events.schema.ts';

type Executor = Kysely<DB> | Transaction<DB>;
export type EventRow = Selectable<EventsTable>;

/**
 * The only SQL of events. Every read goes through the access policy: the actor's scopes for
 * reading `event` become one SQL condition, so a get, a page, its total, a calendar export and
 * the bulletin's events all see exactly the events the reader may read.
 */

/** The SQL condition "the actor may read this row of events". */
export function readable(eb: ExpressionBuilder<DB, 'events'>, actor: Actor): Expression<SqlBool> {
  return scopeCondition(
    eb,
    permittedScopes(actor, 'read', 'event'),
    { audience: 'events.audience', organizer: 'events.organizer' },
    {
      participantOrgs: (organizationId) =>
        eb.exists(
          eb
            .selectFrom('event_participants')
            .select('event_participants.event_id')
            .whereRef('event_participants.event_id', '=', 'events.id')
            .where('event_participants.organization_id', '=', organizationId),
        ),
    },
  );
}

export interface EventFilter {
  /** Inclusive UTC instant. */
  from?: string | null;
  /** Exclusive UTC instant. */
  to?: string | null;
  kinds?: readonly string[];
  /** Folded text to find in titles and descriptions. */
  q?: string;
  /** ISO codes: events held in one of these states, or organized by or involving its delegation. */
  states?: readonly string[];
}

const escapeLike = (text: string) => text.replace(/[%_\\]/g, (c) => `\\${c}`);

function filtered(db: Executor, actor: Actor, f: EventFilter) {
  let query = db.selectFrom('events').where((eb) => readable(eb, actor));
  const { from, to, states } = f;
  // Overlap with the period, as `overlaps` in events.rules.ts decides it for one event.
  if (to) query = query.where('events.span_start', '<', to);
  if (from)
    query = query.where((eb) =>
      eb.or([eb('events.span_end', '>', from), eb('events.span_start', '>=', from)]),
    );
  if (f.kinds?.length) query = query.where('events.kind', 'in', [...f.kinds]);
  if (f.q) {
    const pattern = `%${escapeLike(f.q)}%`;
    query = query.where(sql<SqlBool>`events.search like ${pattern} escape '\\'`);
  }
  if (states?.length) {
    query = query.where((eb) =>
      eb.or([
        eb('events.country', 'in', [...states]),
        eb.exists(
          eb
            .selectFrom('organizations')
            .select('organizations.id')
            .whereRef('organizations.id', '=', 'events.organizer')
            .where('organizations.state_code', 'in', [...states]),
        ),
        eb.exists(
          eb
            .selectFrom('event_participants')
            .innerJoin('organizations', 'organizations.id', 'event_participants.organization_id')
            .select('event_participants.event_id')
            .whereRef('event_participants.event_id', '=', 'events.id')
            .where('organizations.state_code', 'in', [...states]),
        ),
      ]),
    );
  }
  return query;
}

/** A page of readable events in time order, and how many there are in all. */
export async function listEvents(
  db: Executor,
  actor: Actor,
  f: EventFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: EventRow[]; total: number }> {
  const rows = await filtered(db, actor, f)
    .selectAll('events')
    .orderBy('events.span_start')
    .orderBy('events.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const count = await filtered(db, actor, f)
    .select((eb) => eb.fn.countAll<number | string | bigint>().as('n'))
    .executeTakeFirstOrThrow();
  return { rows, total: Number(count.n) };
}

/** One event if the actor may read it. */
export async function readableEvent(db: Executor, actor: Actor, id: string): Promise<EventRow | undefined> {
  return db
    .selectFrom('events')
    .selectAll('events')
    .where('events.id', '=', id)
    .where((eb) => readable(eb, actor))
    .executeTakeFirst();
}

/**
 * Raises an event's sequence and reads it back, in the transaction of a change: the update takes
 * the row's lock (PostgreSQL) or the write lock (SQLite), so two edits at once queue and each
 * sees the other's result, and every change gets its own SEQUENCE.
 */
export async function lockForChange(trx: Transaction<DB>, id: string): Promise<EventRow | undefined> {
  return trx
    .updateTable('events')
    .set((eb) => ({ sequence: eb('sequence', '+', 1) }))
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

/** Participating organizations of events, per event id, in id order. */
export async function participantsOf(db: Executor, ids: readonly string[]): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return result;
  const rows = await db
    .selectFrom('event_participants')
    .select(['event_id', 'organization_id'])
    .where('event_id', 'in', [...ids])
    .orderBy('organization_id')
    .execute();
  for (const row of rows) result.get(row.event_id)?.push(row.organization_id);
  return result;
}

/** Names of organizations by id (JSON {en, ru, zh}). */
export async function organizationNames(db: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('organizations')
    .select(['id', 'name'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The ids among `ids` that are organizations. */
export async function existingOrganizations(db: Executor, ids: readonly string[]): Promise<Set<string>> {
  return new Set((await organizationNames(db, ids)).keys());
}

/** The ids among `ids` that are registry documents. */
export async function existingDocuments(db: Executor, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('documents')
    .select('id')
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Set(rows.map((r) => r.id));
}

export async function insertEvent(trx: Transaction<DB>, row: Insertable<EventsTable>): Promise<void> {
  await trx.insertInto('events').values(row).execute();
}

export async function updateEvent(trx: Transaction<DB>, id: string, changes: Updateable<EventsTable>) {
  await trx.updateTable('events').set(changes).where('id', '=', id).execute();
}

/** Replaces an event's participating organizations. */
export async function setParticipants(trx: Transaction<DB>, id: string, organizationIds: readonly string[]) {
  await trx.deleteFrom('event_participants').where('event_id', '=', id).execute();
  if (organizationIds.length === 0) return;
  await trx
    .insertInto('event_participants')
    .values(organizationIds.map((organization_id) => ({ event_id: id, organization_id })))
    .execute();
}
