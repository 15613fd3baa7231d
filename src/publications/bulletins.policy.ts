import { type Actor, hasAnyRole, isUser, NONE, type Rule, type Scope } from '../identity/policy.types.ts';

/**
 * Who builds, reads, sends and publishes bulletins. Analysts and administrators of the RATS
 * Executive Committee build them. A bulletin is read by its author's organization, by the
 * organizations and users it was delivered to, and by anyone once published (only TLP:CLEAR
 * bulletins are). Those who may build also send and publish their organization's bulletins.
 */

const builders = (a: Actor) =>
  isUser(a) && a.organizationKind === 'rats-executive-committee' && hasAnyRole(a, ['analyst', 'admin']);

const published: Scope = { field: 'visibility', equals: 'public' };

/**
 * The bulletins a signed-in user may read. The public reads published bulletins through the
 * portal's own action (`read-published`), so the signed-in routes stay closed to it.
 */
export const readableBulletins = (a: Actor): Scope => {
  if (!isUser(a)) return NONE;
  return {
    anyOf: [
      published,
      { field: 'authorOrg', equals: a.organizationId },
      { listed: 'deliveredOrgs', contains: a.organizationId },
      { listed: 'deliveredUsers', contains: a.userId },
    ],
  };
};

/** Builders, on their own organization's bulletins. */
const ownBuilders = (a: Actor): Scope =>
  isUser(a) && builders(a) ? { field: 'authorOrg', equals: a.organizationId } : NONE;

export const BULLETIN_RULES: readonly Rule[] = [
  { resource: 'bulletin', action: 'read', scope: readableBulletins },
  { resource: 'bulletin', action: 'read-published', scope: () => published },
  { resource: 'bulletin', action: 'create', scope: (a) => (builders(a) ? { all: true } : NONE) },
  { resource: 'bulletin', action: 'send', scope: ownBuilders },
  { resource: 'bulletin', action: 'publish', scope: ownBuilders },
];
