import {
  type Actor,
  ALL,
  admins,
  hasRole,
  isUser,
  NONE,
  type Rule,
  type Scope,
} from '../../identity/policy.types.ts';

/**
 * Who reads and edits the registry of partner centers. Resource `partner`, scoped by the
 * partner's `organizationId`:
 * - read: the community (delegations, the Secretariat, the RATS Executive Committee) reads every
 *   entry; a partner center's users read their own entry only; the public reads nothing;
 * - create, update (the entry, its name, status) and edit-contacts: administrators;
 * - edit-agreements and edit-endpoints: administrators and the analysts of the RATS Executive
 *   Committee, who run the exchange with the partners and record what was agreed with them.
 */

/** The entries `a` may read. */
const readers = (a: Actor): Scope => {
  if (!isUser(a)) return NONE;
  return a.organizationKind === 'partner-center'
    ? { field: 'organizationId', equals: a.organizationId }
    : ALL;
};

/** Administrators, and analysts of the RATS Executive Committee. */
const exchangeOfficers = (a: Actor): Scope =>
  hasRole(a, 'admin') ||
  (isUser(a) && a.organizationKind === 'rats-executive-committee' && hasRole(a, 'analyst'))
    ? ALL
    : NONE;

export const PARTNER_RULES: readonly Rule[] = [
  { resource: 'partner', action: 'read', scope: readers },
  { resource: 'partner', action: 'create', scope: admins },
  { resource: 'partner', action: 'update', scope: admins },
  { resource: 'partner', action: 'edit-contacts', scope: admins },
  { resource: 'partner', action: 'edit-agreements', scope: exchangeOfficers },
  { resource: 'partner', action: 'edit-endpoints', scope: exchangeOfficers },
];
