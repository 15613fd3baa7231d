import type { Insertable, Kysely, Transaction, Updateable } from 'kysely';
import type { DB, UsersTable } from '../db/schema.ts';
import type { Scope } from './policy.rules.ts';
import { scopeCondition } from './scope.sql.ts';

type Executor = Kysely<DB> | Transaction<DB>;

const USER_SCOPE_COLUMNS = { organizationId: 'users.organization_id', userId: 'users.id' };

export async function userById(db: Executor, id: string) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function userByUsername(db: Executor, username: string) {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

/** Users the scopes allow, with their organization, one page and the count of all of them. */
export async function listUsers(
  db: Executor,
  scopes: Scope[] | null,
  page: { limit: number; offset: number; organizationId?: string },
) {
  let base = db.selectFrom('users').innerJoin('organizations', 'organizations.id', 'users.organization_id');
  if (scopes) base = base.where((eb) => scopeCondition(eb, scopes, USER_SCOPE_COLUMNS));
  if (page.organizationId) base = base.where('users.organization_id', '=', page.organizationId);
  const [rows, count] = await Promise.all([
    base
      .selectAll('users')
      .select(['organizations.kind as organization_kind', 'organizations.name as organization_name'])
      .orderBy('users.username')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
  ]);
  return { rows, total: Number(count?.n ?? 0) };
}

export async function insertUser(db: Executor, row: Insertable<UsersTable>) {
  await db.insertInto('users').values(row).execute();
}

export async function updateUser(db: Executor, id: string, changes: Updateable<UsersTable>) {
  await db.updateTable('users').set(changes).where('id', '=', id).execute();
}

export async function countAdmins(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('roles', 'like', '%"admin"%')
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
