import { ALL, holders, type Rule } from '../identity/policy.types.ts';

/**
 * Access rules of the life of documents. Documents and their life (signatures, instruments,
 * entry into force) are public reference data; the Secretariat is the depositary, so recording a
 * signature or an instrument is for Secretariat officers (and administrators).
 */
export const TREATY_RULES: Rule[] = [
  { resource: 'document', action: 'read', scope: () => ALL },
  { resource: 'document', action: 'record-instrument', scope: holders('secretariat-officer', 'admin') },
];
