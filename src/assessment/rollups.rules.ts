import { GTD_EXTENSION } from '../intel/stix.definitions.ts';

/**
 * Pure rules of the incident rollups: what one incident contributes (its facts), the audience
 * class that decides who may count it, and how a change of facts moves the rollups. The store
 * keeps the rollups current on every write; `recompute` gives what they must equal.
 */

/** Who may read an incident, as the access policy reads it: its marking class. */
export interface Audience {
  tlp: string;
  creatorOrg: string;
  recipientOrgs: readonly string[];
  recipientUsers: readonly string[];
}

/**
 * The key of a marking class. CLEAR and GREEN are read alike whoever created them; AMBER and
 * AMBER+STRICT depend on the creator and the recipient organizations, RED on the users named.
 */
export function audienceKey(a: Audience): string {
  if (a.tlp === 'clear' || a.tlp === 'green') return a.tlp;
  if (a.tlp === 'red') return `red|${[...new Set(a.recipientUsers)].sort().join(',')}`;
  return `${a.tlp}|${a.creatorOrg}|${[...new Set(a.recipientOrgs)].sort().join(',')}`;
}

/** The classes of property damage and their weight in the threat index (GTD `propextent`). */
export const PROPERTY_WEIGHTS: Record<string, number> = {
  catastrophic: 3,
  major: 2,
  minor: 1,
  unknown: 0,
};

/** An extent as GTD labels it (`Minor (likely < $1 million)`) to its class. */
export function propertyClass(label: unknown): keyof typeof PROPERTY_WEIGHTS {
  const text = typeof label === 'string' ? label.toLowerCase() : '';
  if (text.startsWith('catastrophic')) return 'catastrophic';
  if (text.startsWith('major')) return 'major';
  if (text.startsWith('minor')) return 'minor';
  return 'unknown';
}

/**
 * What kind of crime an incident is counted as: terrorism unless it says otherwise in its
 * `x_sco_category` property (the center's next mandate adds drug trafficking and organized crime).
 */
export const CATEGORIES = [
  'terrorism',
  'separatism',
  'extremism',
  'drug-trafficking',
  'organized-crime',
] as const;
export type Category = (typeof CATEGORIES)[number];

export function categoryOf(value: unknown): Category {
  return CATEGORIES.includes(value as Category) ? (value as Category) : 'terrorism';
}

/** What one incident counts for. */
export interface Facts {
  audience: string;
  category: Category;
  /** ISO 3166 alpha-2, or '' when the incident names no country. */
  country: string;
  year: number;
  /** 1..12, or 0 when only the year is known. */
  month: number;
  attack: string;
  weapon: string;
  target: string;
  killed: number;
  wounded: number;
  /** The property damage class's weight (0..3). */
  property: number;
  /** Chemical, biological, radiological or nuclear. */
  cbrn: number;
}

const UNKNOWN = 'Unknown';
const first = (list: unknown) =>
  Array.isArray(list) && typeof list[0] === 'string' && list[0] ? (list[0] as string) : UNKNOWN;
const count = (value: unknown) =>
  typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0;

/** Weapons GTD names that make an attack CBRN. */
export const CBRN_WEAPONS: ReadonlySet<string> = new Set([
  'Chemical',
  'Biological',
  'Radiological',
  'Nuclear',
]);

/**
 * The facts of an incident from its GTD extension (or null when it has no date to count it in):
 * the first attack, weapon and target type, as GTD's own summaries count them.
 */
export function factsOf(
  gtd: Record<string, unknown> | undefined,
  audience: string,
  category: Category = 'terrorism',
): Facts | null {
  if (!gtd) return null;
  const date = typeof gtd.date_start === 'string' ? gtd.date_start : '';
  const match = /^(\d{4})(?:-(\d{2}))?/.exec(date);
  if (!match) return null;
  const weapons = Array.isArray(gtd.weapon_types) ? (gtd.weapon_types as unknown[]) : [];
  return {
    audience,
    category,
    country: typeof gtd.country_code === 'string' ? gtd.country_code : '',
    year: Number(match[1]),
    month: match[2] ? Number(match[2]) : 0,
    attack: first(gtd.attack_types),
    weapon: first(gtd.weapon_types),
    target: first(gtd.target_types),
    killed: count(gtd.killed),
    wounded: count(gtd.wounded),
    property: PROPERTY_WEIGHTS[propertyClass(gtd.property_extent)] ?? 0,
    cbrn: gtd.cbrn === true || weapons.some((w) => CBRN_WEAPONS.has(String(w))) ? 1 : 0,
  };
}

/** What an incident counts for, before the class of its readers is known. */
export type IncidentFacts = Omit<Facts, 'audience'>;

/** The facts of an incident object (its GTD extension and category), or null: it counts for nothing. */
export function incidentFactsOf(object: Record<string, unknown>): IncidentFacts | null {
  const extensions = object.extensions as Record<string, Record<string, unknown>> | undefined;
  const facts = factsOf(extensions?.[GTD_EXTENSION], '', categoryOf(object.x_sco_category));
  if (!facts) return null;
  const { audience: _audience, ...rest } = facts;
  return rest;
}

const FACT_FIELDS = [
  'audience',
  'category',
  'country',
  'year',
  'month',
  'attack',
  'weapon',
  'target',
  'killed',
  'wounded',
  'property',
  'cbrn',
] as const satisfies readonly (keyof Facts)[];

/** Do two incidents (or absences) count for the same? */
export function sameFacts(a: Facts | null, b: Facts | null): boolean {
  if (a === null || b === null) return a === b;
  return FACT_FIELDS.every((field) => a[field] === b[field]);
}

/** The sums a rollup row holds. */
export interface Sums {
  incidents: number;
  killed: number;
  wounded: number;
  property: number;
  cbrn: number;
}

/** The finest rollup: audience, category, country, month, attack, weapon and target type. */
export const detailKey = (f: Facts) =>
  `${f.audience}\u0001${f.category}\u0001${f.country}\u0001${f.year}\u0001${f.month}\u0001${f.attack}\u0001${f.weapon}\u0001${f.target}`;
/** The coarse rollup the threat index reads: audience, country and year. */
export const yearKey = (f: Facts) => `${f.audience}\u0001${f.country}\u0001${f.year}`;

/**
 * How the rollups move when incidents change from `before` to `after` (null: absent), as sums
 * to add per key (negative to take away); keys whose change is nil are left out.
 */
export function changes(
  pairs: Iterable<{ before: Facts | null; after: Facts | null }>,
  keyOf: (f: Facts) => string,
): Map<string, { facts: Facts; sums: Sums }> {
  const out = new Map<string, { facts: Facts; sums: Sums }>();
  const add = (f: Facts, sign: 1 | -1) => {
    const key = keyOf(f);
    const entry = out.get(key) ?? {
      facts: f,
      sums: { incidents: 0, killed: 0, wounded: 0, property: 0, cbrn: 0 },
    };
    entry.sums.incidents += sign;
    entry.sums.killed += sign * f.killed;
    entry.sums.wounded += sign * f.wounded;
    entry.sums.property += sign * f.property;
    entry.sums.cbrn += sign * f.cbrn;
    out.set(key, entry);
  };
  for (const { before, after } of pairs) {
    if (before) add(before, -1);
    if (after) add(after, 1);
  }
  for (const [key, { sums }] of out) {
    if (Object.values(sums).every((v) => Math.abs(v) < 1e-9)) out.delete(key);
  }
  return out;
}
