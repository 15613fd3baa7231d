import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { Invalid, NotFound } from '../errors.ts';
import * as repo from './audit.repository.ts';
import { type AuditEntry, entryHash, stateDigest } from './audit.rules.ts';
import { type Actor, authorize } from './policy.rules.ts';

/** How an actor is named in the log. */
export function actorName(actor: Actor): string {
  if (actor.kind === 'user') return `user:${actor.userId}`;
  if (actor.kind === 'system') return `system:${actor.name}`;
  return 'anonymous';
}

export interface Change {
  action: string;
  subjectType: string;
  subjectId: string;
  /** The subject's new state (never a secret); only its digest is kept. */
  state: unknown;
}

/**
 * Appends one entry for a change, inside the transaction that makes the change: both land or
 * neither does. Every service that changes state calls this.
 */
export async function audit(
  trx: Transaction<DB>,
  actor: Actor,
  change: Change,
  now: Date,
): Promise<AuditEntry> {
  const { seq, prevHash } = await repo.advanceHead(trx);
  const fields = {
    seq,
    at: now.toISOString(),
    actor: actorName(actor),
    organizationId: actor.kind === 'user' ? actor.organizationId : null,
    action: change.action,
    subjectType: change.subjectType,
    subjectId: change.subjectId,
    stateDigest: stateDigest(change.state),
    prevHash,
  };
  const entry = { ...fields, hash: entryHash(fields) };
  await repo.insertEntry(trx, entry);
  return entry;
}

export interface AuditQuery {
  subject?: string | undefined;
  subjectType?: string | undefined;
  actor?: string | undefined;
  since?: string | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

/** Entries newest first, filtered; only administrators read the log. */
export async function listAudit(db: Kysely<DB>, actor: Actor, q: AuditQuery) {
  if (!authorize(actor, 'read', 'audit', {})) throw new NotFound('audit log', 'entries');
  const limit = q.limit ?? 50;
  const offset = q.offset ?? 0;
  if (!Number.isInteger(limit) || limit < 1 || limit > 500)
    throw new Invalid('limit', 'must be an integer from 1 to 500');
  if (!Number.isInteger(offset) || offset < 0) throw new Invalid('offset', 'must be a non-negative integer');
  if (q.since !== undefined && Number.isNaN(Date.parse(q.since))) {
    throw new Invalid('since', `expected an ISO 8601 date or time, got "${q.since}"`);
  }
  const since = q.since === undefined ? undefined : new Date(q.since).toISOString();
  const { rows, total } = await repo.listEntries(db, {
    ...(q.subject ? { subject: q.subject } : {}),
    ...(q.subjectType ? { subjectType: q.subjectType } : {}),
    ...(q.actor ? { actor: q.actor } : {}),
    ...(since ? { since } : {}),
    limit,
    offset,
  });
  return { items: rows.map(repo.toEntry), total };
}
