/**
 * The one access policy. Every read and write of every module asks it; nothing else decides.
 * A rule grants one action on one kind of resource to a scope of resources, computed from the
 * actor alone; the same scope is tested against one object (`authorize`) or turned into a SQL
 * condition for a list (`permittedScopes`, applied by repositories), so the two never disagree.
 * No rule, no access. Each module writes its rules in its own file; this list gathers them.
 */

import { ASSESSMENT_RULES } from '../assessment/assessment.policy.ts';
import { CONVENTIONS_RULES } from '../assessment/conventions.policy.ts';
import { MEASURE_RULES } from '../assessment/measures.policy.ts';
import { COUNCIL_RULES } from '../council/council.policy.ts';
import { TREATY_RULES } from '../council/treaty.policy.ts';
import { INTEL_RULES } from '../intel/intel.policy.ts';
import { PARTNER_RULES } from '../intel/partners/partners.policy.ts';
import { TAXII_RULES } from '../intel/taxii/taxii.policy.ts';
import { BULLETIN_RULES } from '../publications/bulletins.policy.ts';
import { EVENTS_RULES } from '../publications/events.policy.ts';
import {
  type Actor,
  ALL,
  admins,
  DELEGATION_ROLES,
  isUser,
  NONE,
  type OrganizationKind,
  ownOrAdmin,
  type ResourceType,
  type Role,
  type Rule,
  type Scope,
  signedIn,
} from './policy.types.ts';

export * from './policy.types.ts';

/** The identity module's rules. */
const IDENTITY_RULES: readonly Rule[] = [
  { resource: 'organization', action: 'read', scope: signedIn },
  { resource: 'organization', action: 'create', scope: admins },
  { resource: 'organization', action: 'update', scope: admins },
  { resource: 'user', action: 'read', scope: ownOrAdmin('organizationId', (a) => a.organizationId) },
  { resource: 'user', action: 'create', scope: admins },
  { resource: 'user', action: 'update', scope: admins },
  { resource: 'user', action: 'set-roles', scope: admins },
  { resource: 'user', action: 'disable', scope: admins },
  { resource: 'token', action: 'read', scope: ownOrAdmin('userId', (a) => a.userId) },
  {
    resource: 'token',
    action: 'create',
    scope: (a) => (isUser(a) ? { field: 'userId', equals: a.userId } : NONE),
  },
  { resource: 'token', action: 'revoke', scope: ownOrAdmin('userId', (a) => a.userId) },
  { resource: 'audit', action: 'read', scope: admins },
  { resource: 'audit', action: 'verify', scope: admins },
  { resource: 'session', action: 'read', scope: signedIn },
];

/** Every rule of every module. */
export const RULES: readonly Rule[] = [
  ...IDENTITY_RULES,
  ...COUNCIL_RULES,
  ...TREATY_RULES,
  ...INTEL_RULES,
  ...TAXII_RULES,
  ...ASSESSMENT_RULES,
  ...EVENTS_RULES,
  ...PARTNER_RULES,
  ...BULLETIN_RULES,
  ...CONVENTIONS_RULES,
  ...MEASURE_RULES,
];

/** The actions a response reports as abilities, per kind of resource. */
export const ACTIONS: Record<ResourceType, readonly string[]> = {
  organization: ['read', 'update'],
  user: ['read', 'update', 'set-roles', 'disable'],
  token: ['read', 'revoke'],
  audit: ['read', 'verify'],
  session: ['read'],
  document: ['read', 'record-instrument'],
  draft: ['read', 'revise'],
  amendment: ['read', 'propose', 'decide'],
  decision: ['read', 'close', 'launch-silence', 'launch-written'],
  position: ['state'],
  meeting: ['read', 'update'],
  stix: ['read', 'update', 'share', 'lower-marking'],
  assessment: ['read'],
  listing: ['read'],
  event: ['read', 'update', 'cancel'],
  'taxii-collection': ['read', 'write'],
  region: ['read', 'create'],
  partner: ['read', 'update', 'edit-contacts', 'edit-agreements', 'edit-endpoints'],
  bulletin: ['read', 'send', 'publish'],
  convention: ['read'],
  'implementing-law': ['read', 'create', 'update', 'delete'],
  'harmonization-note': ['read', 'create', 'update', 'delete'],
  measure: ['read', 'update'],
};

function scopesFor(actor: Actor, action: string, resource: ResourceType, rules: readonly Rule[]): Scope[] {
  if (actor.kind === 'system') return [ALL];
  return rules.filter((r) => r.resource === resource && r.action === action).map((r) => r.scope(actor));
}

/** Does one scope contain this object? */
export function inScope(scope: Scope, object: Readonly<Record<string, unknown>>): boolean {
  if ('all' in scope) return true;
  if ('none' in scope) return false;
  if ('allOf' in scope) return scope.allOf.every((s) => inScope(s, object));
  if ('anyOf' in scope) return scope.anyOf.some((s) => inScope(s, object));
  if ('listed' in scope) {
    const list = object[scope.listed];
    return Array.isArray(list) && list.includes(scope.contains);
  }
  if ('in' in scope) return scope.in.includes(object[scope.field] as string);
  return object[scope.field] === scope.equals;
}

/** May `actor` do `action` on this one object? Deny unless a rule's scope contains it. */
export function authorize(
  actor: Actor,
  action: string,
  resource: ResourceType,
  object: Readonly<Record<string, unknown>>,
  rules: readonly Rule[] = RULES,
): boolean {
  return scopesFor(actor, action, resource, rules).some((scope) => inScope(scope, object));
}

/**
 * The objects of a kind `actor` may do `action` on, as scopes to OR together: `[]` means none.
 * Repositories turn this into a SQL condition, so lists and counts see only what the actor may.
 */
export function permittedScopes(
  actor: Actor,
  action: string,
  resource: ResourceType,
  rules: readonly Rule[] = RULES,
): Scope[] {
  const scopes = scopesFor(actor, action, resource, rules).filter((s) => !('none' in s));
  return scopes.some((s) => 'all' in s) ? [ALL] : scopes;
}

/** May `actor` attempt `action` on some object of the kind? (The route-level gate.) */
export function mayAttempt(
  actor: Actor,
  action: string,
  resource: ResourceType,
  rules: readonly Rule[] = RULES,
): boolean {
  return permittedScopes(actor, action, resource, rules).length > 0;
}

/** What `actor` may do with this object, computed by the same rules, for the web app's buttons. */
export function abilities(
  actor: Actor,
  resource: ResourceType,
  object: Readonly<Record<string, unknown>>,
  rules: readonly Rule[] = RULES,
): Record<string, boolean> {
  return Object.fromEntries(
    ACTIONS[resource].map((action) => [action, authorize(actor, action, resource, object, rules)]),
  );
}

/**
 * The roles a user holds on a date: delegation roles lapse while the delegation's state is
 * not a member (it left or is suspended), from that date on.
 */
export function effectiveRoles(
  roles: readonly Role[],
  organizationKind: OrganizationKind,
  stateIsMember: boolean,
): Role[] {
  if (organizationKind !== 'delegation' || stateIsMember) return [...roles];
  return roles.filter((r) => !DELEGATION_ROLES.includes(r));
}

/** Roles each kind of organization may hold: a partner center never holds a delegation role. */
export const ROLES_BY_ORGANIZATION: Record<OrganizationKind, readonly Role[]> = {
  delegation: ['delegate', 'head-of-delegation', 'admin'],
  secretariat: ['secretariat-officer', 'admin'],
  'rats-executive-committee': ['analyst', 'admin'],
  'partner-center': ['analyst'],
};
