import type { Kysely, Selectable } from 'kysely';
import type { DB, UsersTable } from '../db/schema.ts';
import * as orgs from './organizations.repository.ts';
import { type Actor, effectiveRoles, type OrganizationKind, type Role } from './policy.rules.ts';

/**
 * The actor a user is on a date: their organization and the roles they hold then. A delegation's
 * roles lapse on the dates its state is not a member. Null for a disabled user.
 */
export async function actorOf(
  db: Kysely<DB>,
  user: Selectable<UsersTable>,
  now: Date,
): Promise<Actor | null> {
  if (user.disabled_at !== null) return null;
  const org = await orgs.organizationById(db, user.organization_id);
  if (!org) return null;
  const kind = org.kind as OrganizationKind;
  const member = org.state_code
    ? await orgs.isMemberOn(db, org.state_code, now.toISOString().slice(0, 10))
    : true;
  return {
    kind: 'user',
    userId: user.id,
    organizationId: org.id,
    organizationKind: kind,
    roles: effectiveRoles(JSON.parse(user.roles) as Role[], kind, member),
    stateCode: org.state_code,
  };
}
