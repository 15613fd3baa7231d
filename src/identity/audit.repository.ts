import type { Kysely, Selectable, Transaction } from 'kysely';
import type { AuditLogTable, DB } from '../db/schema.ts';
import type { AuditEntry, AuditFields } from './audit.rules.ts';

type Executor = Kysely<DB> | Transaction<DB>;

/**
 * Advances the chain's head by one and returns the new entry's number and the previous hash.
 * The update takes the head's row lock (PostgreSQL) or the write lock (SQLite), so concurrent
 * appends wait for each other and the chain never forks.
 */
export async function advanceHead(trx: Transaction<DB>): Promise<{ seq: number; prevHash: string }> {
  const head = await trx
    .updateTable('audit_head')
    .set((eb) => ({ seq: eb('seq', '+', 1) }))
    .where('id', '=', 1)
    .returning(['seq', 'hash'])
    .executeTakeFirstOrThrow();
  return { seq: Number(head.seq), prevHash: head.hash };
}

export async function insertEntry(trx: Transaction<DB>, entry: AuditEntry): Promise<void> {
  await trx
    .insertInto('audit_log')
    .values({
      seq: entry.seq,
      at: entry.at,
      actor: entry.actor,
      organization_id: entry.organizationId,
      action: entry.action,
      subject_type: entry.subjectType,
      subject_id: entry.subjectId,
      state_digest: entry.stateDigest,
      prev_hash: entry.prevHash,
      hash: entry.hash,
    })
    .execute();
  await trx.updateTable('audit_head').set({ hash: entry.hash }).where('id', '=', 1).execute();
}

export async function readHead(db: Executor): Promise<{ seq: number; hash: string }> {
  const head = await db
    .selectFrom('audit_head')
    .select(['seq', 'hash'])
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
  return { seq: Number(head.seq), hash: head.hash };
}

/**
 * One page of the chain in order, after entry `afterSeq` and up to `lastSeq` (keyset pagination),
 * already shaped as entries: the verifier reads a million of them and builds no other object.
 */
export async function entriesAfter(
  db: Executor,
  afterSeq: number,
  limit: number,
  lastSeq?: number,
): Promise<AuditEntry[]> {
  let query = db
    .selectFrom('audit_log')
    .select([
      'seq',
      'at',
      'actor',
      'organization_id as organizationId',
      'action',
      'subject_type as subjectType',
      'subject_id as subjectId',
      'state_digest as stateDigest',
      'prev_hash as prevHash',
      'hash',
    ])
    .where('seq', '>', afterSeq);
  if (lastSeq !== undefined) query = query.where('seq', '<=', lastSeq);
  return query.orderBy('seq').limit(limit).execute();
}

/** The stored hash of one entry, if it is there. */
export async function hashOf(db: Executor, seq: number): Promise<string | undefined> {
  const row = await db.selectFrom('audit_log').select('hash').where('seq', '=', seq).executeTakeFirst();
  return row?.hash;
}

/** How many entries lie beyond `seq` (none should: the head names the last). */
export async function countAfter(db: Executor, seq: number): Promise<number> {
  const row = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('seq', '>', seq)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

type Row = Selectable<AuditLogTable>;

export function toEntry(row: Row): AuditEntry {
  const fields: AuditFields = {
    seq: Number(row.seq),
    at: row.at,
    actor: row.actor,
    organizationId: row.organization_id,
    action: row.action,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    stateDigest: row.state_digest,
    prevHash: row.prev_hash,
  };
  return { ...fields, hash: row.hash };
}

export interface AuditFilter {
  subject?: string;
  subjectType?: string;
  actor?: string;
  since?: string;
  limit: number;
  offset: number;
}

/** Entries matching the filter, newest first. */
export async function listEntries(db: Executor, filter: AuditFilter) {
  let base = db.selectFrom('audit_log');
  if (filter.subject) base = base.where('subject_id', '=', filter.subject);
  if (filter.subjectType) base = base.where('subject_type', '=', filter.subjectType);
  if (filter.actor) base = base.where('actor', '=', filter.actor);
  if (filter.since) base = base.where('at', '>=', filter.since);
  const [rows, count] = await Promise.all([
    base.selectAll().orderBy('seq', 'desc').limit(filter.limit).offset(filter.offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
  ]);
  return { rows, total: Number(count?.n ?? 0) };
}
