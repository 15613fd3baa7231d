import { type Actor, ALL, hasRole, isUser, NONE, type Rule, type Scope } from '../identity/policy.types.ts';

/**
 * Access rules of the Conventions' implementation.
 * - `convention` read: the matrix of signatures, ratifications and entries into force is made of
 *   public facts (the Council's life of documents), so everyone reads it, the public included;
 * - `implementing-law` and `harmonization-note` read: the community's signed-in users (delegations,
 *   the Secretariat, the RATS Executive Committee); not the public, and not partner centers, which
 *   are outside the organization. Counts in the matrix are computed over what the reader may read;
 * - create, update, delete: Secretariat officers, RATS analysts, administrators on every state;
 *   a delegation's delegates and head of delegation on their own state only (the `state` field).
 */

/** Signed-in users of the organization's community. */
const community = (a: Actor): Scope => (isUser(a) && a.organizationKind !== 'partner-center' ? ALL : NONE);

/** Who records laws and notes: everything for the Secretariat, RATS analysts and admins; a delegation its state. */
export const implementationEditors = (a: Actor): Scope => {
  if (!isUser(a)) return NONE;
  if (hasRole(a, 'admin') || hasRole(a, 'secretariat-officer')) return ALL;
  if (hasRole(a, 'analyst') && a.organizationKind === 'rats-executive-committee') return ALL;
  const delegate = hasRole(a, 'delegate') || hasRole(a, 'head-of-delegation');
  // A delegation whose state is not a member holds no roles in effect, and edits nothing.
  if (delegate && a.organizationKind === 'delegation' && a.stateCode)
    return { field: 'state', equals: a.stateCode };
  return NONE;
};

const edits = (resource: 'implementing-law' | 'harmonization-note'): Rule[] =>
  ['create', 'update', 'delete'].map((action) => ({ resource, action, scope: implementationEditors }));

export const CONVENTIONS_RULES: readonly Rule[] = [
  { resource: 'convention', action: 'read', scope: () => ALL },
  { resource: 'implementing-law', action: 'read', scope: community },
  { resource: 'harmonization-note', action: 'read', scope: community },
  ...edits('implementing-law'),
  ...edits('harmonization-note'),
];
