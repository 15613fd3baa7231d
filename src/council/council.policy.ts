import {
  type Actor,
  ALL,
  hasAnyRole,
  hasRole,
  holders,
  isUser,
  NONE,
  type Rule,
  type Scope,
} from '../identity/policy.types.ts';

/**
 * The Council's access rules. Delegations act for their own state only; the Secretariat prepares
 * drafts, opens decisions and acts for the chair; the head of the chairing state's delegation
 * may act as chair; the depositary (the Secretariat) records signatures and instruments.
 */

/** Delegates and heads of delegation: the objects whose `field` is their own state. */
const ownState =
  (field: string) =>
  (a: Actor): Scope =>
    isUser(a) && hasAnyRole(a, ['delegate', 'head-of-delegation']) && a.stateCode
      ? { field, equals: a.stateCode }
      : NONE;

/** The Secretariat (or an administrator) for any decision; the chair's head of delegation for its own. */
const chair = (a: Actor): Scope => {
  if (hasAnyRole(a, ['secretariat-officer', 'admin'])) return ALL;
  if (isUser(a) && hasRole(a, 'head-of-delegation') && a.stateCode)
    return { field: 'chairState', equals: a.stateCode };
  return NONE;
};

const community = (a: Actor): Scope => (isUser(a) && a.organizationKind !== 'partner-center' ? ALL : NONE);

export const COUNCIL_RULES: readonly Rule[] = [
  { resource: 'draft', action: 'read', scope: community },
  { resource: 'draft', action: 'create', scope: holders('secretariat-officer', 'admin') },
  { resource: 'draft', action: 'revise', scope: chair },
  { resource: 'amendment', action: 'read', scope: community },
  { resource: 'amendment', action: 'propose', scope: ownState('state') },
  { resource: 'amendment', action: 'decide', scope: chair },
  { resource: 'decision', action: 'read', scope: community },
  { resource: 'decision', action: 'open', scope: holders('secretariat-officer', 'admin') },
  { resource: 'decision', action: 'close', scope: chair },
  { resource: 'decision', action: 'launch-silence', scope: chair },
  { resource: 'decision', action: 'launch-written', scope: chair },
  { resource: 'position', action: 'state', scope: ownState('state') },
  { resource: 'position', action: 'acknowledge', scope: ownState('state') },
  { resource: 'meeting', action: 'read', scope: community },
  { resource: 'meeting', action: 'create', scope: holders('secretariat-officer', 'admin') },
  { resource: 'meeting', action: 'update', scope: chair },
];
