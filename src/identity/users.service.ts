import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { DB, UsersTable } from '../db/schema.ts';
import { Conflict, Invalid, NotFound } from '../errors.ts';
import { audit } from './audit.service.ts';
import { deleteSessionsOf } from './auth.repository.ts';
import * as orgs from './organizations.repository.ts';
import {
  type Actor,
  abilities,
  authorize,
  type OrganizationKind,
  permittedScopes,
  ROLES,
  ROLES_BY_ORGANIZATION,
  type Role,
} from './policy.rules.ts';
import { hashPassword, passwordProblem } from './secrets.ts';
import * as repo from './users.repository.ts';

/** Users of the platform: each belongs to one organization and holds roles it allows. */

type UserRow = Selectable<UsersTable> & { organization_kind?: string; organization_name?: string };

/** A user as the API shows it: never the password hash. */
export function presentUser(row: UserRow, actor: Actor) {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    organizationId: row.organization_id,
    roles: JSON.parse(row.roles) as Role[],
    disabled: row.disabled_at !== null,
    createdAt: row.created_at,
    abilities: abilities(actor, 'user', { id: row.id, organizationId: row.organization_id }),
  };
}

/** The state an audit entry keeps the digest of: what an administrator can see of the user. */
const auditState = (row: Selectable<UsersTable>) => ({
  ...row,
  password_hash: row.password_hash ? 'set' : null,
});

function checkRoles(roles: unknown, kind: OrganizationKind): Role[] {
  if (!Array.isArray(roles) || roles.length === 0) throw new Invalid('roles', 'must list at least one role');
  for (const role of roles) {
    if (!ROLES.includes(role as Role))
      throw new Invalid('roles', `unknown role "${String(role)}"; roles are ${ROLES.join(', ')}`);
    if (!ROLES_BY_ORGANIZATION[kind].includes(role as Role)) {
      throw new Invalid('roles', `a ${kind} cannot hold the role ${String(role)}`);
    }
  }
  return [...new Set(roles as Role[])].sort();
}

export interface NewUser {
  username: string;
  displayName: string;
  organizationId: string;
  roles: string[];
  password?: string | undefined;
}

/** Creates a user; the password (if given) is stored as an argon2id hash only. */
export async function addUser(db: Kysely<DB>, actor: Actor, input: NewUser, now: Date) {
  if (!authorize(actor, 'create', 'user', { organizationId: input.organizationId })) {
    throw new NotFound('organization', input.organizationId);
  }
  const username = input.username?.trim().toLowerCase() ?? '';
  if (!/^[a-z0-9][a-z0-9._@-]{1,63}$/.test(username)) {
    throw new Invalid(
      'username',
      'must be 2 to 64 characters: letters, digits, dot, underscore, hyphen or @',
    );
  }
  if (!input.displayName?.trim()) throw new Invalid('displayName', 'is required');
  const org = await orgs.organizationById(db, input.organizationId);
  if (!org) throw new Invalid('organizationId', `no organization ${input.organizationId}`);
  const roles = checkRoles(input.roles, org.kind as OrganizationKind);
  if (input.password !== undefined) {
    const problem = passwordProblem(input.password);
    if (problem) throw new Invalid('password', problem);
  }
  const passwordHash = input.password === undefined ? null : await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    if (await repo.userByUsername(trx, username))
      throw new Conflict(`username ${username} is taken`, { field: 'username' });
    const row: Selectable<UsersTable> = {
      id: randomUUID(),
      username,
      display_name: input.displayName.trim(),
      organization_id: org.id,
      roles: JSON.stringify(roles),
      password_hash: passwordHash,
      disabled_at: null,
      created_at: now.toISOString(),
    };
    await repo.insertUser(trx, row);
    await audit(
      trx,
      actor,
      { action: 'user.create', subjectType: 'user', subjectId: row.id, state: auditState(row) },
      now,
    );
    return presentUser(row, actor);
  });
}

export async function listUsers(
  db: Kysely<DB>,
  actor: Actor,
  q: { limit?: number | undefined; offset?: number | undefined; organizationId?: string | undefined },
) {
  const limit = q.limit ?? 50;
  const offset = q.offset ?? 0;
  if (!Number.isInteger(limit) || limit < 1 || limit > 500)
    throw new Invalid('limit', 'must be an integer from 1 to 500');
  if (!Number.isInteger(offset) || offset < 0) throw new Invalid('offset', 'must be a non-negative integer');
  const { rows, total } = await repo.listUsers(db, permittedScopes(actor, 'read', 'user'), {
    limit,
    offset,
    ...(q.organizationId ? { organizationId: q.organizationId } : {}),
  });
  return { items: rows.map((r) => presentUser(r, actor)), total };
}

/** One user, or NotFound when it does not exist or the actor may not read it. */
async function readable(db: Kysely<DB>, actor: Actor, id: string, action = 'read') {
  const row = await repo.userById(db, id);
  if (!row || !authorize(actor, 'read', 'user', { id, organizationId: row.organization_id }))
    throw new NotFound('user', id);
  if (!authorize(actor, action, 'user', { id, organizationId: row.organization_id }))
    throw new NotFound('user', id);
  return row;
}

export async function getUser(db: Kysely<DB>, actor: Actor, id: string) {
  return presentUser(await readable(db, actor, id), actor);
}

export async function setRoles(db: Kysely<DB>, actor: Actor, id: string, roles: string[], now: Date) {
  const row = await readable(db, actor, id, 'set-roles');
  const org = await orgs.organizationById(db, row.organization_id);
  const checked = checkRoles(roles, (org?.kind ?? 'partner-center') as OrganizationKind);
  return db.transaction().execute(async (trx) => {
    const changed = { ...row, roles: JSON.stringify(checked) };
    await repo.updateUser(trx, id, { roles: changed.roles });
    await audit(
      trx,
      actor,
      { action: 'user.set-roles', subjectType: 'user', subjectId: id, state: auditState(changed) },
      now,
    );
    return presentUser(changed, actor);
  });
}

/** Disables a user: they can no longer sign in, and their sessions end at once. */
export async function disableUser(db: Kysely<DB>, actor: Actor, id: string, now: Date) {
  const row = await readable(db, actor, id, 'disable');
  return db.transaction().execute(async (trx) => {
    const changed = { ...row, disabled_at: row.disabled_at ?? now.toISOString() };
    await repo.updateUser(trx, id, { disabled_at: changed.disabled_at });
    await deleteSessionsOf(trx, id);
    await audit(
      trx,
      actor,
      { action: 'user.disable', subjectType: 'user', subjectId: id, state: auditState(changed) },
      now,
    );
    return presentUser(changed, actor);
  });
}

/** The id of a user by username, for the CLI; NotFound like any unreadable user. */
export async function userIdByUsername(db: Kysely<DB>, actor: Actor, username: string): Promise<string> {
  const row = await repo.userByUsername(db, username.trim().toLowerCase());
  if (!row || !authorize(actor, 'read', 'user', { id: row.id, organizationId: row.organization_id })) {
    throw new NotFound('user', username);
  }
  return row.id;
}
