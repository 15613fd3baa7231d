import { TLP_LEVELS, type Tlp } from './types.ts';

/**
 * Traffic Light Protocol 2.0 as the pages show it: the written name of a level, its order, and
 * which recipients a level names. Pure; the server decides access. The badge colours (the FIRST
 * standard's) are in `intel.module.css`.
 */

export const isTlp = (value: unknown): value is Tlp =>
  typeof value === 'string' && (TLP_LEVELS as readonly string[]).includes(value);

/** `TLP:CLEAR`, `TLP:AMBER+STRICT`: the name as TLP 2.0 writes it, and as the API accepts it. */
export const tlpName = (level: Tlp): string => `TLP:${level.toUpperCase()}`;

/** The colour word of a level and whether it is the strict variant (AMBER and "+STRICT"). */
export function tlpParts(level: Tlp): { colour: string; strict: boolean } {
  const strict = level === 'amber+strict';
  return { colour: (strict ? 'amber' : level).toUpperCase(), strict };
}

/** Higher is more restrictive. */
export const tlpRank = (level: Tlp): number => TLP_LEVELS.indexOf(level);

/** True when the server stored a stricter level than the one asked for (a referenced object is stricter). */
export const raised = (asked: Tlp, stored: Tlp): boolean => tlpRank(stored) > tlpRank(asked);

/** Whether a level reaches named organizations (AMBER, AMBER+STRICT) or named users (RED). */
export function recipientsOf(level: Tlp): 'organizations' | 'users' | 'none' {
  if (level === 'amber' || level === 'amber+strict') return 'organizations';
  if (level === 'red') return 'users';
  return 'none';
}

/** A level from an API value that may be missing (incidents without a marking read as null). */
export const tlpOrNull = (value: unknown): Tlp | null => (isTlp(value) ? value : null);
