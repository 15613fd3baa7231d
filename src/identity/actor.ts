import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { type Actor, effectiveRoles, type OrganizationKind, type Role } from './policy.rules.ts';

/**
 * The actor a user is on a date: their organization and the roles they hold then. A delegation's
 * roles lapse on the dates its state is not a member. Null for a disabled or unknown user.
 * One query: this runs on every signed-in request.
 */
export async function actorOf(db: Kysely<DB>, user: { id: string }, now: Date): Promise<Actor | null> {
  const date = now.toISOString().slice(0, 10);
  const row = await db
    .selectFrom('users')
    .innerJoin('organizations', 'organizations.id', 'users.organization_id')
    .select([
      'users.roles',
      'users.disabled_at',
      'organizations.id',
      'organizations.kind',
      'organizations.state_code',
    ])
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom('state_statuses')
            .select('state_statuses.id')
            .whereRef('state_statuses.state_code', '=', 'organizations.state_code')
            .where('state_statuses.status', '=', 'member')
            .where('state_statuses.from_date', '<=', date)
            .where((w) =>
              w.or([w('state_statuses.to_date', 'is', null), w('state_statuses.to_date', '>', date)]),
            ),
        )
        .as('member'),
    )
    .where('users.id', '=', user.id)
    .executeTakeFirst();
  if (!row || row.disabled_at !== null) return null;
  const kind = row.kind as OrganizationKind;
  // SQLite answers EXISTS with 0 or 1, PostgreSQL with a boolean.
  const member = row.state_code ? Number(row.member) === 1 : true;
  return {
    kind: 'user',
    userId: user.id,
    organizationId: row.id,
    organizationKind: kind,
    roles: effectiveRoles(JSON.parse(row.roles) as Role[], kind, member),
    stateCode: row.state_code,
  };
}
