import {
  type Actor,
  hasAnyRole,
  holders,
  isUser,
  NONE,
  type Role,
  type Rule,
  type Scope,
} from '../identity/policy.types.ts';

/**
 * The information center's access rules: Traffic Light Protocol 2.0 as the policy reads it.
 * The community is the member-state delegations, the Secretariat and the RATS Executive
 * Committee; partner centers are outside it unless named.
 * - CLEAR: anyone, the public included;
 * - GREEN: the community and partner centers (every signed-in user);
 * - AMBER and AMBER+STRICT: the creating organization and the named recipient organizations;
 * - RED: the named users only (the creator is always named).
 * The scope is computed from the actor alone and applied to every read path as SQL, so gets,
 * lists, searches, totals and exports see the same objects.
 */

const AMBERS = ['amber', 'amber+strict'] as const;

/** The STIX objects `a` may read. */
export const readableStix = (a: Actor): Scope => {
  const clear: Scope = { field: 'tlp', equals: 'clear' };
  if (!isUser(a)) return clear;
  return {
    anyOf: [
      { field: 'tlp', in: ['clear', 'green'] },
      {
        allOf: [
          { field: 'tlp', in: AMBERS },
          { field: 'creatorOrg', equals: a.organizationId },
        ],
      },
      {
        allOf: [
          { field: 'tlp', in: AMBERS },
          { listed: 'recipientOrgs', contains: a.organizationId },
        ],
      },
      {
        allOf: [
          { field: 'tlp', equals: 'red' },
          { listed: 'recipientUsers', contains: a.userId },
        ],
      },
    ],
  };
};

/** The roles that contribute to the knowledge base: analysts, delegations, the Secretariat. */
export const CONTRIBUTORS: readonly Role[] = [
  'analyst',
  'delegate',
  'head-of-delegation',
  'secretariat-officer',
  'admin',
];

/** Contributors, on the objects their own organization created. */
const ownOrganizations = (a: Actor): Scope =>
  isUser(a) && hasAnyRole(a, CONTRIBUTORS) ? { field: 'creatorOrg', equals: a.organizationId } : NONE;

/** Analysts and administrators of the creating organization. */
const ownAnalysts = (a: Actor): Scope =>
  isUser(a) && hasAnyRole(a, ['analyst', 'admin']) ? { field: 'creatorOrg', equals: a.organizationId } : NONE;

/** Signed-in users of the community (partner centers excluded). */
const community = (a: Actor): Scope =>
  isUser(a) && a.organizationKind !== 'partner-center' ? { all: true } : NONE;

export const INTEL_RULES: readonly Rule[] = [
  { resource: 'stix', action: 'read', scope: readableStix },
  { resource: 'stix', action: 'create', scope: holders(...CONTRIBUTORS) },
  { resource: 'stix', action: 'import', scope: holders('analyst', 'admin') },
  { resource: 'stix', action: 'update', scope: ownOrganizations },
  // Widening a marking or naming more recipients: only the creator's organization.
  { resource: 'stix', action: 'share', scope: ownOrganizations },
  // Recording a marking lower than the objects referenced would give: an analyst's judgement.
  { resource: 'stix', action: 'lower-marking', scope: ownAnalysts },
  // Removing an object or some of its versions (TAXII DELETE): analysts of the creating organization.
  { resource: 'stix', action: 'delete', scope: ownAnalysts },
  { resource: 'assessment', action: 'read', scope: community },
  { resource: 'assessment', action: 'create', scope: holders('analyst', 'admin') },
  { resource: 'listing', action: 'read', scope: (a) => (isUser(a) ? { all: true } : NONE) },
];
