import type { Insertable, Kysely, Transaction } from 'kysely';
import type { ApiTokensTable, DB, SessionsTable } from '../db/schema.ts';
import type { Scope } from './policy.rules.ts';
import { scopeCondition } from './scope.sql.ts';

type Executor = Kysely<DB> | Transaction<DB>;

export async function insertSession(db: Executor, row: Insertable<SessionsTable>) {
  await db.insertInto('sessions').values(row).execute();
}

export async function sessionByHash(db: Executor, idHash: string) {
  return db.selectFrom('sessions').selectAll().where('id_hash', '=', idHash).executeTakeFirst();
}

export async function deleteSession(db: Executor, idHash: string) {
  await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
}

export async function deleteSessionsOf(db: Executor, userId: string) {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

export async function deleteExpiredSessions(db: Executor, now: string) {
  await db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
}

export async function insertToken(db: Executor, row: Insertable<ApiTokensTable>) {
  await db.insertInto('api_tokens').values(row).execute();
}

export async function tokenById(db: Executor, id: string) {
  return db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listTokens(db: Executor, scopes: Scope[]) {
  return db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select([
      'api_tokens.id',
      'api_tokens.user_id',
      'api_tokens.name',
      'api_tokens.roles',
      'api_tokens.created_at',
      'api_tokens.expires_at',
      'api_tokens.revoked_at',
      'api_tokens.last_used_at',
      'users.username',
    ])
    .where((eb) => scopeCondition(eb, scopes, { userId: 'api_tokens.user_id' }))
    .orderBy('api_tokens.created_at', 'desc')
    .execute();
}

export async function revokeToken(db: Executor, id: string, at: string) {
  await db.updateTable('api_tokens').set({ revoked_at: at }).where('id', '=', id).execute();
}

export async function touchToken(db: Executor, id: string, at: string) {
  await db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
}

export async function throttleRows(db: Executor, keys: string[]) {
  return db.selectFrom('login_throttle').selectAll().where('key', 'in', keys).execute();
}

export async function recordFailure(
  db: Executor,
  key: string,
  failures: number,
  lockedUntil: string | null,
  now: string,
) {
  await db
    .insertInto('login_throttle')
    .values({ key, failures, locked_until: lockedUntil, updated_at: now })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({ failures, locked_until: lockedUntil, updated_at: now }),
    )
    .execute();
}

export async function clearThrottle(db: Executor, keys: string[]) {
  await db.deleteFrom('login_throttle').where('key', 'in', keys).execute();
}

export async function insertSetupToken(
  db: Executor,
  secretHash: string,
  createdAt: string,
  expiresAt: string,
) {
  await db
    .insertInto('setup_tokens')
    .values({ secret_hash: secretHash, created_at: createdAt, expires_at: expiresAt })
    .execute();
}

export async function setupTokenByHash(db: Executor, secretHash: string) {
  return db.selectFrom('setup_tokens').selectAll().where('secret_hash', '=', secretHash).executeTakeFirst();
}

export async function markSetupTokenUsed(db: Executor, secretHash: string, at: string) {
  await db.updateTable('setup_tokens').set({ used_at: at }).where('secret_hash', '=', secretHash).execute();
}
