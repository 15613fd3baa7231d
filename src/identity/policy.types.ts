/**
 * The vocabulary of the one access policy, shared by the modules that add rules to it: roles,
 * actors, scopes and the small scope builders rules are written with.
 */

export const ROLES = ['delegate', 'head-of-delegation', 'secretariat-officer', 'analyst', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ORGANIZATION_KINDS = [
  'delegation',
  'secretariat',
  'rats-executive-committee',
  'partner-center',
] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

/** Roles that act for a member state: they lapse while the state is not a member. */
export const DELEGATION_ROLES: readonly Role[] = ['delegate', 'head-of-delegation'];

export type Actor =
  | { kind: 'anonymous' }
  | {
      kind: 'user';
      userId: string;
      organizationId: string;
      organizationKind: OrganizationKind;
      roles: readonly Role[];
      /** The member state a delegation user acts for. */
      stateCode?: string | null;
    }
  /** The local operator (the CLI, start-up jobs): whoever can open the database file. */
  | { kind: 'system'; name: string };

export const ANONYMOUS: Actor = { kind: 'anonymous' };

/**
 * A set of resources: everything, nothing, those whose `field` equals a value or is one of
 * several, those whose list `listed` (e.g. an object's recipients) contains a value, or a
 * combination. Repositories turn scopes into SQL; `inScope` decides them for one object.
 */
export type Scope =
  | { all: true }
  | { none: true }
  | { field: string; equals: string }
  | { field: string; in: readonly string[] }
  | { listed: string; contains: string }
  | { allOf: readonly Scope[] }
  | { anyOf: readonly Scope[] };
export const ALL: Scope = { all: true };
export const NONE: Scope = { none: true };

export type ResourceType =
  | 'organization'
  | 'user'
  | 'token'
  | 'audit'
  | 'session'
  | 'document'
  | 'draft'
  | 'amendment'
  | 'decision'
  | 'position'
  | 'meeting'
  | 'stix'
  | 'assessment'
  | 'listing'
  | 'event'
  | 'taxii-collection'
  | 'region'
  | 'partner'
  | 'bulletin'
  | 'convention'
  | 'implementing-law'
  | 'harmonization-note'
  | 'measure';

export interface Rule {
  resource: ResourceType;
  action: string;
  scope(actor: Actor): Scope;
}

export type UserActor = Extract<Actor, { kind: 'user' }>;
export const isUser = (a: Actor): a is UserActor => a.kind === 'user';
/**
 * The reader standing for a whole organization: what every one of its users may read under
 * rules that look at the organization (a RED object names users, so none is read this way).
 */
export const organizationReader = (
  organizationId: string,
  organizationKind: OrganizationKind = 'partner-center',
): Actor => ({ kind: 'user', userId: '', organizationId, organizationKind, roles: [] });
export const hasRole = (a: Actor, role: Role) => isUser(a) && a.roles.includes(role);
export const hasAnyRole = (a: Actor, roles: readonly Role[]) => roles.some((r) => hasRole(a, r));
/** Everything to administrators, nothing to others. */
export const admins = (a: Actor): Scope => (hasRole(a, 'admin') ? ALL : NONE);
/** Everything to any signed-in user. */
export const signedIn = (a: Actor): Scope => (isUser(a) ? ALL : NONE);
/** Everything to holders of one of `roles`. */
export const holders =
  (...roles: Role[]) =>
  (a: Actor): Scope =>
    hasAnyRole(a, roles) ? ALL : NONE;
/** Administrators: everything; other users: the objects whose `field` is theirs. */
export const ownOrAdmin = (field: string, value: (a: UserActor) => string) => (a: Actor) =>
  hasRole(a, 'admin') ? ALL : isUser(a) ? { field, equals: value(a) } : NONE;
