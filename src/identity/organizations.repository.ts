import type { Insertable, Kysely, Transaction } from 'kysely';
import type { DB, OrganizationsTable } from '../db/schema.ts';
import type { Scope } from './policy.rules.ts';
import { scopeCondition } from './scope.sql.ts';

type Executor = Kysely<DB> | Transaction<DB>;

export async function organizationById(db: Executor, id: string) {
  return db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listOrganizations(db: Executor, scopes: Scope[]) {
  return db
    .selectFrom('organizations')
    .selectAll()
    .where((eb) => scopeCondition(eb, scopes, { id: 'id' }))
    .orderBy('kind')
    .orderBy('id')
    .execute();
}

export async function insertOrganization(db: Executor, row: Insertable<OrganizationsTable>) {
  await db.insertInto('organizations').values(row).execute();
}

export async function updateOrganizationName(db: Executor, id: string, name: string) {
  await db.updateTable('organizations').set({ name }).where('id', '=', id).execute();
}

/** States that were ever members, with their names: each has a delegation. */
export async function statesEverMembers(db: Executor) {
  return db
    .selectFrom('states')
    .select(['code', 'name'])
    .where('code', 'in', (eb) =>
      eb.selectFrom('state_statuses').select('state_code').where('status', '=', 'member'),
    )
    .orderBy('code')
    .execute();
}

/** Is the state a member on `date` (YYYY-MM-DD), from its status history? */
export async function isMemberOn(db: Executor, code: string, date: string): Promise<boolean> {
  const row = await db
    .selectFrom('state_statuses')
    .select('id')
    .where('state_code', '=', code)
    .where('status', '=', 'member')
    .where('from_date', '<=', date)
    .where((eb) => eb.or([eb('to_date', 'is', null), eb('to_date', '>', date)]))
    .executeTakeFirst();
  return row !== undefined;
}
