import type { Me } from '../../api/types.ts';

/**
 * What the signed-in caller may do with measures, to choose which links and forms to show. It
 * mirrors `src/assessment/measures.policy.ts` for creating (no object yet); on a measure the page
 * follows the `abilities` the answer carries, and the server checks again.
 */
export interface MeasuresAccess {
  signedIn: boolean;
  /** Delegations, the Secretariat, the RATS Executive Committee. */
  read: boolean;
  /** Secretariat officers, RATS analysts, administrators. */
  create: boolean;
}

export function measuresAccess(me: Me | undefined): MeasuresAccess {
  const roles = me?.effectiveRoles ?? [];
  const kind = me?.organization?.kind;
  const signedIn = Boolean(me?.user && me.organization);
  return {
    signedIn,
    read: signedIn && kind !== 'partner-center',
    create:
      signedIn &&
      (roles.includes('admin') ||
        (roles.includes('secretariat-officer') && kind === 'secretariat') ||
        (roles.includes('analyst') && kind === 'rats-executive-committee')),
  };
}
