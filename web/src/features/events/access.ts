import type { Me } from '../../api/types.ts';

/**
 * Whether the signed-in caller may plan events, to show the "New event" link: Secretariat
 * officers, analysts of the RATS Executive Committee and administrators. It mirrors
 * `src/publications/events.policy.ts` for the one action with no event yet; the server checks
 * again, and on an event the pages follow the `abilities` it carries.
 */
export function mayPlanEvents(me: Me | undefined): boolean {
  const roles = me?.effectiveRoles ?? [];
  if (!me?.user || !me.organization) return false;
  if (roles.includes('admin') || roles.includes('secretariat-officer')) return true;
  return roles.includes('analyst') && me.organization.kind === 'rats-executive-committee';
}
