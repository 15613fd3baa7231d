import { type Actor, ALL, hasRole, isUser, NONE, type Rule, type Scope } from '../identity/policy.types.ts';

/**
 * Access rules of events (seminars, conferences, symposiums, expert meetings).
 * - read: a `public` event by anyone, the public included; a `community` event by signed-in
 *   users of the community (delegations, the Secretariat, the RATS Executive Committee), and by
 *   a partner center's users only when their organization organizes or takes part;
 * - create: Secretariat officers, analysts of the RATS Executive Committee, administrators;
 * - update and cancel: users of the organizing organization, and administrators.
 * The read scope becomes the SQL condition of lists, totals, calendars and the bulletin's events,
 * so every path sees the same events; an event one may not read answers as not found.
 */

/** The events `a` may read; fields: audience, organizer, participantOrgs (a list). */
export const readableEvents = (a: Actor): Scope => {
  const open: Scope = { field: 'audience', equals: 'public' };
  if (!isUser(a)) return open;
  if (a.organizationKind !== 'partner-center') return ALL;
  return {
    anyOf: [
      open,
      { field: 'organizer', equals: a.organizationId },
      { listed: 'participantOrgs', contains: a.organizationId },
    ],
  };
};

/** Who plans events: the Secretariat, the RATS Executive Committee's analysts, administrators. */
const planners = (a: Actor): Scope => {
  if (!isUser(a)) return NONE;
  if (hasRole(a, 'admin') || hasRole(a, 'secretariat-officer')) return ALL;
  if (hasRole(a, 'analyst') && a.organizationKind === 'rats-executive-committee') return ALL;
  return NONE;
};

/** The organizing organization's users; administrators for every event. */
const organizers = (a: Actor): Scope => {
  if (!isUser(a)) return NONE;
  if (hasRole(a, 'admin')) return ALL;
  // A delegation whose state is not a member holds no roles in effect, and edits nothing.
  return a.roles.length > 0 ? { field: 'organizer', equals: a.organizationId } : NONE;
};

export const EVENTS_RULES: readonly Rule[] = [
  { resource: 'event', action: 'read', scope: readableEvents },
  { resource: 'event', action: 'create', scope: planners },
  { resource: 'event', action: 'update', scope: organizers },
  { resource: 'event', action: 'cancel', scope: organizers },
];
