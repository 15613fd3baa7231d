import { ALL, holders, type Rule } from '../identity/policy.types.ts';

/**
 * The assessment's own rules. The threat index reads incidents through the STIX read rule
 * (`intel.policy.ts`), so its figures come only from what the reader may read; the regions it
 * is computed for are public names, and analysts and Secretariat officers define new ones.
 */
export const ASSESSMENT_RULES: readonly Rule[] = [
  { resource: 'region', action: 'read', scope: () => ALL },
  { resource: 'region', action: 'create', scope: holders('analyst', 'secretariat-officer', 'admin') },
];
