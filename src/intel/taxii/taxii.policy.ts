import { type Actor, hasAnyRole, isUser, NONE, type Rule, type Scope } from '../../identity/policy.types.ts';

/**
 * Who may use which TAXII collection. A collection is defined by its audience: the community
 * collection (TLP:CLEAR and GREEN) serves every signed-in user, partner centers included, since
 * GREEN reaches them; the RATS Executive Committee's collection serves that committee; a partner
 * center's collection serves that center and the committee, which exchanges with it. What any
 * collection serves is further limited, object by object, by the STIX read rule
 * (`intel.policy.ts`), so no collection ever serves an object its reader may not read.
 * Writing is for analysts (and administrators) of the audience.
 */

const RATS_EC = 'rats-executive-committee';

/** The collections whose audience includes `a`. */
const audienceOf = (a: Actor): Scope => {
  if (!isUser(a)) return NONE;
  const scopes: Scope[] = [
    { field: 'audience', equals: 'community' },
    { field: 'partnerOrg', equals: a.organizationId },
  ];
  if (a.organizationId === RATS_EC) scopes.push({ field: 'audience', in: ['rats', 'partner'] });
  return { anyOf: scopes };
};

const writers = (a: Actor): Scope => (hasAnyRole(a, ['analyst', 'admin']) ? audienceOf(a) : NONE);

export const TAXII_RULES: readonly Rule[] = [
  { resource: 'taxii-collection', action: 'read', scope: audienceOf },
  { resource: 'taxii-collection', action: 'write', scope: writers },
];
