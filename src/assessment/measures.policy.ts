import { type Actor, ALL, hasRole, isUser, NONE, type Rule, type Scope } from '../identity/policy.types.ts';

/**
 * Access rules of the monitoring of joint measures. Measures are the community's working
 * records: delegations, the Secretariat and the RATS Executive Committee read them; partner
 * centers and the public do not (nothing in a partner center's exchange with RATS needs the
 * community's own exercises and their indicators). Secretariat officers, RATS analysts and
 * administrators create and edit them; recording an indicator or a measurement is an edit.
 */

/** Signed-in users of the community (partner centers excluded). */
export const measureReaders = (a: Actor): Scope =>
  isUser(a) && a.organizationKind !== 'partner-center' ? ALL : NONE;

/** Secretariat officers, analysts of the RATS Executive Committee, administrators. */
export const measureEditors = (a: Actor): Scope =>
  isUser(a) &&
  (hasRole(a, 'admin') ||
    (hasRole(a, 'secretariat-officer') && a.organizationKind === 'secretariat') ||
    (hasRole(a, 'analyst') && a.organizationKind === 'rats-executive-committee'))
    ? ALL
    : NONE;

export const MEASURE_RULES: readonly Rule[] = [
  { resource: 'measure', action: 'read', scope: measureReaders },
  { resource: 'measure', action: 'create', scope: measureEditors },
  { resource: 'measure', action: 'update', scope: measureEditors },
];
