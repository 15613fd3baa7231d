import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { Conflict, Invalid, NotFound, TooManyRequests, Unauthorized } from '../errors.ts';
import { actorOf } from './actor.ts';
import { audit } from './audit.service.ts';
import * as repo from './auth.repository.ts';
import { SECRETARIAT_ID } from './organizations.service.ts';
import { type Actor, authorize, permittedScopes, ROLES, type Role } from './policy.rules.ts';
import { digestSecret, randomSecret, sameDigest, verifyPassword } from './secrets.ts';
import { ACCOUNT_POLICY, ADDRESS_POLICY, lockSeconds, secondsLocked } from './throttle.rules.ts';
import * as users from './users.repository.ts';
import { addUser, presentUser } from './users.service.ts';

/** Authentication: password sign-in with throttling, sessions, API tokens, first-admin setup. */

export const SESSION_HOURS = 12;

const SIGN_IN_FAILED = 'unknown user or wrong password';
const keysOf = (username: string, address: string) => [`account:${username}`, `address:${address}`];

/**
 * Checks a username and password. Unknown users and wrong passwords take the same path (a
 * dummy hash is verified) and get the same answer; both count against the account and the
 * address, and a locked key refuses even the right password until its time has passed.
 */
async function checkPassword(db: Kysely<DB>, username: string, password: string, address: string, now: Date) {
  const name = username.trim().toLowerCase();
  const [accountKey, addressKey] = keysOf(name, address) as [string, string];
  const throttle = await repo.throttleRows(db, [accountKey, addressKey]);
  const wait = Math.max(0, ...throttle.map((t) => secondsLocked(t.locked_until, now)));
  if (wait > 0) throw new TooManyRequests(`too many failed sign-ins; try again in ${wait} s`, wait);
  const user = await users.userByUsername(db, name);
  const ok = await verifyPassword(user?.password_hash, password);
  const actor = ok && user ? await actorOf(db, user, now) : null;
  if (!user || !actor) {
    for (const [key, policy] of [
      [accountKey, ACCOUNT_POLICY],
      [addressKey, ADDRESS_POLICY],
    ] as const) {
      const failures = (throttle.find((t) => t.key === key)?.failures ?? 0) + 1;
      const lock = lockSeconds(failures, policy);
      const until = lock > 0 ? new Date(now.getTime() + lock * 1000).toISOString() : null;
      await repo.recordFailure(db, key, failures, until, now.toISOString());
    }
    throw new Unauthorized(SIGN_IN_FAILED);
  }
  if (throttle.length > 0) await repo.clearThrottle(db, [accountKey]);
  return { user, actor };
}

/** Signs in with a password; returns the session secret for the cookie and the CSRF token. */
export async function login(
  db: Kysely<DB>,
  input: { username: string; password: string; address: string },
  now: Date,
) {
  const { user, actor } = await checkPassword(db, input.username, input.password, input.address, now);
  const secret = randomSecret();
  const csrfToken = randomSecret(24);
  const expires = new Date(now.getTime() + SESSION_HOURS * 3600_000);
  await repo.deleteExpiredSessions(db, now.toISOString());
  await repo.insertSession(db, {
    id_hash: digestSecret(secret),
    user_id: user.id,
    csrf_token: csrfToken,
    created_at: now.toISOString(),
    expires_at: expires.toISOString(),
  });
  return { secret, csrfToken, expires, user: presentUser(user, actor), actor };
}

export async function logout(db: Kysely<DB>, secret: string) {
  await repo.deleteSession(db, digestSecret(secret));
}

/** The actor a session cookie stands for, with the session's CSRF token; null when invalid. */
export async function resolveSession(db: Kysely<DB>, secret: string, now: Date) {
  const session = await repo.sessionByHash(db, digestSecret(secret));
  if (!session || session.expires_at <= now.toISOString()) return null;
  const actor = await actorOf(db, { id: session.user_id }, now);
  return actor ? { actor, csrfToken: session.csrf_token } : null;
}

/** Token format: `sco_<id>_<secret>`; only the secret's digest is stored. */
const TOKEN_PATTERN = /^sco_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

export function looksLikeToken(value: string): boolean {
  return TOKEN_PATTERN.test(value);
}

/** The actor an API token stands for: its user, limited to the token's roles. Null when invalid. */
export async function resolveToken(db: Kysely<DB>, token: string, now: Date): Promise<Actor | null> {
  const match = TOKEN_PATTERN.exec(token);
  if (!match) return null;
  const row = await repo.tokenById(db, match[1] as string);
  if (!row || !sameDigest(row.secret_hash, digestSecret(match[2] as string))) return null;
  if (row.revoked_at !== null || row.expires_at <= now.toISOString()) return null;
  const actor = await actorOf(db, { id: row.user_id }, now);
  if (actor?.kind !== 'user') return null;
  const allowed = JSON.parse(row.roles) as Role[];
  // Last use is kept to the minute: no write on every request of a busy client.
  if (!row.last_used_at || Date.parse(row.last_used_at) < now.getTime() - 60_000) {
    await repo.touchToken(db, row.id, now.toISOString());
  }
  return { ...actor, roles: actor.roles.filter((r) => allowed.includes(r)) };
}

/** HTTP Basic, for standards that need it: the password may be the user's password or a token. */
export async function resolveBasic(
  db: Kysely<DB>,
  username: string,
  password: string,
  address: string,
  now: Date,
) {
  if (looksLikeToken(password)) {
    const actor = await resolveToken(db, password, now);
    const user = await users.userByUsername(db, username.trim().toLowerCase());
    return actor?.kind === 'user' && user?.id === actor.userId ? actor : null;
  }
  try {
    return (await checkPassword(db, username, password, address, now)).actor;
  } catch (error) {
    if (error instanceof Unauthorized) return null;
    throw error;
  }
}

function presentToken(row: {
  id: string;
  user_id: string;
  name: string;
  roles: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
  last_used_at: string | null;
  username?: string;
}) {
  return {
    id: row.id,
    userId: row.user_id,
    ...(row.username ? { username: row.username } : {}),
    name: row.name,
    roles: JSON.parse(row.roles) as Role[],
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    lastUsedAt: row.last_used_at,
  };
}

/** Issues an API token for the actor; the whole token is returned this once and never again. */
export async function createToken(
  db: Kysely<DB>,
  actor: Actor,
  input: { name: string; roles: string[]; expiresInDays: number },
  now: Date,
) {
  if (actor.kind !== 'user' || !authorize(actor, 'create', 'token', { userId: actor.userId })) {
    throw new Unauthorized('sign in to create a token');
  }
  if (!input.name?.trim() || input.name.length > 100)
    throw new Invalid('name', 'must be 1 to 100 characters');
  if (!Number.isInteger(input.expiresInDays) || input.expiresInDays < 1 || input.expiresInDays > 366) {
    throw new Invalid('expiresInDays', 'must be an integer from 1 to 366');
  }
  if (!Array.isArray(input.roles) || input.roles.length === 0)
    throw new Invalid('roles', 'must list at least one role');
  for (const role of input.roles) {
    if (!ROLES.includes(role as Role)) throw new Invalid('roles', `unknown role "${role}"`);
    if (!actor.roles.includes(role as Role)) throw new Invalid('roles', `you do not hold the role ${role}`);
  }
  const id = randomBytes(8).toString('hex');
  const secret = randomSecret();
  const row = {
    id,
    user_id: actor.userId,
    name: input.name.trim(),
    secret_hash: digestSecret(secret),
    roles: JSON.stringify([...new Set(input.roles)].sort()),
    created_at: now.toISOString(),
    expires_at: new Date(now.getTime() + input.expiresInDays * 86400_000).toISOString(),
    revoked_at: null,
    last_used_at: null,
  };
  await db.transaction().execute(async (trx) => {
    await repo.insertToken(trx, row);
    const { secret_hash: _, ...state } = row;
    await audit(trx, actor, { action: 'token.create', subjectType: 'token', subjectId: id, state }, now);
  });
  return { ...presentToken(row), token: `sco_${id}_${secret}` };
}

export async function listTokens(db: Kysely<DB>, actor: Actor) {
  const rows = await repo.listTokens(db, permittedScopes(actor, 'read', 'token'));
  return { items: rows.map(presentToken), total: rows.length };
}

export async function revokeToken(db: Kysely<DB>, actor: Actor, id: string, now: Date) {
  const row = await repo.tokenById(db, id);
  if (!row || !authorize(actor, 'revoke', 'token', { userId: row.user_id })) throw new NotFound('token', id);
  const revoked = { ...row, revoked_at: row.revoked_at ?? now.toISOString() };
  await db.transaction().execute(async (trx) => {
    await repo.revokeToken(trx, id, revoked.revoked_at);
    const { secret_hash: _, ...state } = revoked;
    await audit(trx, actor, { action: 'token.revoke', subjectType: 'token', subjectId: id, state }, now);
  });
  return presentToken(revoked);
}

/**
 * On a fresh install (no active administrator), issues a one-time setup secret for the first
 * administrator, valid 24 hours; returns null when an administrator exists.
 */
export async function issueSetupToken(db: Kysely<DB>, now: Date): Promise<string | null> {
  if ((await users.countAdmins(db)) > 0) return null;
  const secret = randomSecret();
  const expires = new Date(now.getTime() + 24 * 3600_000).toISOString();
  await repo.insertSetupToken(db, digestSecret(secret), now.toISOString(), expires);
  return secret;
}

/** Creates the first administrator (in the Secretariat) with a setup secret, once. */
export async function completeSetup(
  db: Kysely<DB>,
  input: { token: string; username: string; displayName: string; password: string },
  now: Date,
) {
  const hash = digestSecret(input.token ?? '');
  const row = await repo.setupTokenByHash(db, hash);
  if (!row || row.used_at !== null || row.expires_at <= now.toISOString()) {
    throw new Invalid('token', 'this setup link is unknown, used or expired');
  }
  if ((await users.countAdmins(db)) > 0) throw new Conflict('an administrator already exists');
  const system: Actor = { kind: 'system', name: 'setup' };
  const user = await addUser(
    db,
    system,
    { ...input, organizationId: SECRETARIAT_ID, roles: ['admin', 'secretariat-officer'] },
    now,
  );
  await repo.markSetupTokenUsed(db, hash, now.toISOString());
  return user;
}
