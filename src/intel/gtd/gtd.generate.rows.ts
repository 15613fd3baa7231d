import type { SyntheticCountry } from './gtd.synthetic.ts';

/** A small seeded generator (mulberry32): the same seed gives the same file on every machine. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0 || 0x9e3779b9;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  /** Uniform integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }

  pickWeighted<T>(items: readonly T[], weights: readonly number[]): T {
    let total = 0;
    for (const w of weights) total += w;
    let u = this.next() * total;
    for (let i = 0; i < items.length; i++) {
      u -= weights[i] as number;
      if (u < 0) return items[i] as T;
    }
    return items[items.length - 1] as T;
  }
}

interface Subtype {
  code: number;
  name: string;
  corp?: string;
  target?: string;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * Target and weapon subtypes for synthetic rows. The labels follow the codebook's style, but the
 * codes are illustrative: the reader takes a subtype's name from the row, so nothing depends on
 * them matching GTD's numbering.
 */
export const illustrative = {
  targetSubtype(random: Random, type: number): Subtype | null {
    const options = TARGET_SUBTYPES[type];
    return options ? random.pick(options) : null;
  },
};

const TARGET_SUBTYPES: Record<number, readonly Subtype[]> = {
  1: [
    { code: 3, name: 'Bank/Commerce', corp: 'Sample Commercial Bank', target: 'Bank branch' },
    { code: 2, name: 'Restaurant/Bar/Café', corp: 'Not Applicable', target: 'Roadside café' },
  ],
  2: [
    {
      code: 17,
      name: 'Government Personnel (excluding police, military)',
      corp: 'District Administration',
      target: 'Official',
    },
    {
      code: 20,
      name: 'Government Building/Facility/Office',
      corp: 'District Administration',
      target: 'District office',
    },
  ],
  3: [
    {
      code: 22,
      name: 'Police Patrol (including vehicles and convoys)',
      corp: 'Provincial Police',
      target: 'Patrol',
    },
    { code: 23, name: 'Police Checkpoint', corp: 'Provincial Police', target: 'Checkpoint' },
    { code: 24, name: 'Police Security Forces/Officers', corp: 'Provincial Police', target: 'Officers' },
  ],
  4: [
    { code: 28, name: 'Military Unit/Patrol/Convoy', corp: 'Army', target: 'Convoy' },
    { code: 26, name: 'Military Barracks/Base/Headquarters/Checkpost', corp: 'Army', target: 'Checkpost' },
  ],
  8: [{ code: 51, name: 'School/University/Educational Building', corp: 'Not Applicable', target: 'School' }],
  10: [{ code: 46, name: 'Newspaper Journalist/Staff/Facility', corp: 'Sample Times', target: 'Reporter' }],
  14: [
    { code: 67, name: 'Unnamed Civilian/Unspecified', corp: 'Not Applicable', target: 'Civilians' },
    { code: 74, name: 'Marketplace/Plaza/Square', corp: 'Not Applicable', target: 'Market' },
    { code: 76, name: 'House/Apartment/Residence', corp: 'Not Applicable', target: 'Residence' },
  ],
  15: [{ code: 86, name: 'Place of Worship', corp: 'Not Applicable', target: 'Mosque' }],
  19: [{ code: 100, name: 'Bus (excluding tourists)', corp: 'Not Applicable', target: 'Passenger bus' }],
  21: [{ code: 108, name: 'Electricity', corp: 'Regional Power Company', target: 'Transmission tower' }],
};

const EXPLOSIVES = [
  { code: 16, name: 'Unknown Explosive Type' },
  { code: 12, name: 'Remote Trigger' },
  { code: 15, name: 'Vehicle' },
  { code: 11, name: 'Projectile (rockets, mortars, RPGs, etc.)' },
];
const FIREARMS = [
  { code: 5, name: 'Unknown Gun Type' },
  { code: 2, name: 'Automatic or Semi-Automatic Rifle' },
  { code: 3, name: 'Handgun' },
];

/** The weapons of an attack of type `attack`: types consistent with it, as the export has them. */
export function weaponFor(
  random: Random,
  attack: number,
  suicide: boolean,
): { type: number; subtype: { code: number; name: string } | null }[] {
  switch (attack) {
    case 3:
      return [
        {
          type: 6,
          subtype: suicide
            ? { code: 13, name: 'Suicide (carried bodily by human being)' }
            : random.pick(EXPLOSIVES),
        },
      ];
    case 2:
    case 1:
      return random.chance(0.1)
        ? [
            { type: 5, subtype: random.pick(FIREARMS) },
            { type: 6, subtype: random.pick(EXPLOSIVES) },
          ]
        : [{ type: 5, subtype: random.pick(FIREARMS) }];
    case 4:
    case 5:
    case 6:
      return [{ type: 5, subtype: random.pick(FIREARMS) }];
    case 7:
      return [{ type: 8, subtype: { code: 18, name: 'Arson/Fire' } }];
    case 8:
      return [{ type: 9, subtype: { code: 23, name: 'Knife or Other Sharp Object' } }];
    default:
      return [{ type: 13, subtype: null }];
  }
}

export interface SummaryContext {
  year: number;
  month: number;
  day: number;
  country: SyntheticCountry;
  province: string;
  city: string;
  group: string;
  attack: number;
  target: number;
  awkward: boolean;
}

/**
 * A summary in the export's manner ("MM/DD/YYYY: what happened. Who claimed it."). The awkward
 * ones add what breaks naive CSV readers: both delimiters, quotes and line breaks.
 */
export function summaryFor(random: Random, c: SummaryContext): string {
  const where = `${c.city}, ${c.province}, ${c.country.name}`;
  const what =
    c.attack === 3
      ? `An explosive device detonated near a ${random.pick(['market', 'checkpoint', 'bus stop'])} in ${where}.`
      : c.attack === 2
        ? `Assailants opened fire on a ${random.pick(['patrol', 'vehicle', 'gathering'])} in ${where}.`
        : c.attack === 1
          ? `Assailants shot and killed a local official in ${where}.`
          : c.attack === 6
            ? `Assailants abducted ${random.int(2, 9)} people in ${where}.`
            : `An attack took place in ${where}.`;
  const who =
    c.group === 'Unknown'
      ? 'No group claimed responsibility for the incident.'
      : `Sources attributed the attack to ${c.group}.`;
  let text = `${pad2(c.month)}/${pad2(c.day)}/${c.year}: ${what} ${who}`;
  if (c.awkward && random.chance(0.3)) {
    text += random.pick([
      ' A spokesman said: "We warned them; they did not listen."',
      '\nA second paragraph, added in a later revision, gives the "official" figures.',
      ` Residents called it the "${c.city} incident";\r\nthe name stuck.`,
      ' The device, described as "small", weighed about 2 kg; no "warning" was given.',
    ]);
  }
  return text;
}
