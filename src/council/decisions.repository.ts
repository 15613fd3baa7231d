import type { Insertable, Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { AmendmentsTable, DecisionsTable } from './council.schema.ts';
import type { DecisionEvent } from './decision.types.ts';

type Executor = Kysely<DB> | Transaction<DB>;

export async function insertDecision(db: Executor, row: Insertable<DecisionsTable>) {
  await db.insertInto('decisions').values(row).execute();
}

/**
 * Reads a decision and takes its lock for the rest of the transaction (a no-op update: the row
 * lock on PostgreSQL, the write lock on SQLite), so that checking the log and appending to it
 * happen as one step even when delegations act at the same moment.
 */
export async function lockDecision(trx: Transaction<DB>, id: string) {
  return trx
    .updateTable('decisions')
    .set((eb) => ({ version: eb.ref('version') }))
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

export async function decisionById(db: Executor, id: string) {
  return db.selectFrom('decisions').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The decision's log in order, as the rules read it. */
export async function eventsOf(db: Executor, decisionId: string): Promise<DecisionEvent[]> {
  const rows = await db
    .selectFrom('decision_events')
    .select(['seq', 'at', 'type', 'data'])
    .where('decision_id', '=', decisionId)
    .orderBy('seq')
    .execute();
  return rows.map(
    (r) => ({ ...JSON.parse(r.data), seq: Number(r.seq), at: r.at, type: r.type }) as DecisionEvent,
  );
}

/**
 * Takes the decision's lock and the number of the event about to be appended, in one statement:
 * raising the version locks the row (PostgreSQL) or takes the write lock (SQLite), so concurrent
 * acts on one decision queue up and never share a number. Returns the row with its new version.
 */
export async function lockForAppend(trx: Transaction<DB>, id: string) {
  return trx
    .updateTable('decisions')
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

/** Appends an event under the number `lockForAppend` gave (the decision's new version). */
export async function appendEvent(
  trx: Transaction<DB>,
  decisionId: string,
  seq: number,
  event: Omit<DecisionEvent, 'seq'> & { state?: string },
  actor: string,
): Promise<void> {
  const { at, type, ...data } = event;
  await trx
    .insertInto('decision_events')
    .values({
      decision_id: decisionId,
      seq,
      at,
      type,
      state_code: event.state ?? null,
      data: JSON.stringify(data),
      actor,
    })
    .execute();
}

export async function setOutcome(
  trx: Transaction<DB>,
  decisionId: string,
  status: string,
  closedAt: string | null,
) {
  await trx
    .updateTable('decisions')
    .set({ status, closed_at: closedAt })
    .where('id', '=', decisionId)
    .execute();
}

/**
 * Decisions newest first, optionally only those a state has a seat in, or of one status. With
 * `awaiting` (and a state), only the pending ones in which that state counts and has stated no
 * position yet: filtered here, so that pages and the total agree.
 */
export async function listDecisions(
  db: Executor,
  filter: { state?: string; status?: string; awaiting?: boolean; limit: number; offset: number },
) {
  let base = db.selectFrom('decisions');
  if (filter.state) base = base.where('eligible', 'like', `%"${filter.state}"%`);
  if (filter.status) base = base.where('status', '=', filter.status);
  const { state } = filter;
  if (filter.awaiting && state) {
    base = base
      .where('status', '=', 'pending')
      .where((eb) => eb.or([eb('concerned_state', 'is', null), eb('concerned_state', '!=', state)]))
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('decision_events')
              .select('decision_events.seq')
              .whereRef('decision_events.decision_id', '=', 'decisions.id')
              .where('decision_events.type', '=', 'position')
              .where('decision_events.state_code', '=', state),
          ),
        ),
      );
  }
  const [rows, count] = await Promise.all([
    base
      .selectAll()
      .orderBy('opened_at', 'desc')
      .orderBy('id')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
  ]);
  return { rows, total: Number(count?.n ?? 0) };
}

/** Versions of the given decisions: the live board polls these to learn of new events. */
export async function versionsOf(db: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('decisions').select(['id', 'version']).where('id', 'in', ids).execute();
}

export async function insertAmendment(db: Executor, row: Insertable<AmendmentsTable>) {
  await db.insertInto('amendments').values(row).execute();
}

/** The member states on a date, from the registry's status history: the seats of a decision. */
export async function membersOn(db: Executor, date: string): Promise<string[]> {
  const rows = await db
    .selectFrom('state_statuses')
    .select('state_code')
    .where('status', '=', 'member')
    .where('from_date', '<=', date)
    .where((eb) => eb.or([eb('to_date', 'is', null), eb('to_date', '>', date)]))
    .orderBy('state_code')
    .execute();
  return rows.map((r) => r.state_code);
}

export async function bodyExists(db: Executor, id: string): Promise<boolean> {
  return (await db.selectFrom('bodies').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

export async function latestRevision(db: Executor, draftId: string) {
  return db
    .selectFrom('draft_revisions')
    .selectAll()
    .where('draft_id', '=', draftId)
    .orderBy('number', 'desc')
    .limit(1)
    .executeTakeFirst();
}
