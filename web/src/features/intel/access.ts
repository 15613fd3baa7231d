import type { Me, Role } from '../../api/types.ts';

/**
 * What the signed-in caller may start in the information center, from their roles in effect, to
 * decide which links and forms to show. It mirrors `src/intel/intel.policy.ts` for actions that
 * have no object yet (create, import, assess); the server checks again, and on objects the pages
 * follow the `abilities` each answer carries.
 */

const CONTRIBUTORS: readonly Role[] = [
  'analyst',
  'delegate',
  'head-of-delegation',
  'secretariat-officer',
  'admin',
];
const ANALYSTS: readonly Role[] = ['analyst', 'admin'];

export interface IntelAccess {
  signedIn: boolean;
  /** Creates objects and versions (analysts, delegations, the Secretariat). */
  contribute: boolean;
  /** Imports files and records assessments (analysts and administrators). */
  analyse: boolean;
  /** Reads assessments: signed-in users outside partner centers. */
  community: boolean;
}

export function intelAccess(me: Me | undefined): IntelAccess {
  const roles = me?.effectiveRoles ?? [];
  const signedIn = Boolean(me?.user && me.organization);
  return {
    signedIn,
    contribute: signedIn && roles.some((r) => CONTRIBUTORS.includes(r)),
    analyse: signedIn && roles.some((r) => ANALYSTS.includes(r)),
    community: signedIn && me?.organization?.kind !== 'partner-center',
  };
}
