import { Readable } from 'node:stream';
import {
  ATTACK_TYPES,
  CLAIM_MODES,
  HOSTAGE_OUTCOMES,
  PROPERTY_EXTENTS,
  TARGET_TYPES,
  WEAPON_TYPES,
} from './gtd.codes.ts';
import { COL, GTD_COLUMNS, GTD_COLUMNS_134, INDIVIDUAL } from './gtd.columns.ts';
import { illustrative, Random, summaryFor, weaponFor } from './gtd.generate.rows.ts';
import { SYNTHETIC_COUNTRIES, SYNTHETIC_GROUPS, type SyntheticCountry } from './gtd.synthetic.ts';

/**
 * Synthetic GTD exports of any size, in constant memory and the same bytes for the same seed:
 * what the reader, the importer and the benchmarks are tested on, since real GTD data may not be
 * redistributed. Rows are ordered by date like the export; `awkward` adds the cases a real file
 * has (quoted text with delimiters, doubled quotes and line breaks, -9/-99/empty unknowns,
 * unknown months and days, Latin-1 letters, the four CBRN weapon types), and `badRows` spoils
 * chosen rows in known ways (see `BAD_ROW_KINDS`).
 */
export interface GenerateGtdOptions {
  rows: number;
  seed: number;
  delimiter?: ',' | ';';
  encoding?: 'utf8' | 'latin1';
  columns?: 134 | 135;
  awkward?: boolean;
  /** 1-based data rows to spoil; the n-th listed (in ascending order) gets `BAD_ROW_KINDS[n % 5]`. */
  badRows?: readonly number[];
  /** CRLF line ends instead of LF. */
  crlf?: boolean;
}

/** How a bad row is spoilt, the column its fault names, and whether it still gives a record. */
export const BAD_ROW_KINDS = [
  { kind: 'iyear is not a number', column: 'iyear', record: false },
  { kind: 'three fields short', column: 'INT_MISC', record: false },
  { kind: 'latitude out of range', column: 'latitude', record: true },
  { kind: 'one field too many', column: '(after related)', record: false },
  { kind: 'nkill is not a number', column: 'nkill', record: true },
] as const;

/** The file as a byte stream. */
export function generateGtd(options: GenerateGtdOptions): Readable {
  return Readable.from(gtdChunks(options), { objectMode: false });
}

/** The file as chunks of about `chunkBytes` bytes: the header, then rows. */
export function* gtdChunks(options: GenerateGtdOptions, chunkBytes = 1 << 16): Generator<Buffer> {
  const delimiter = options.delimiter ?? ',';
  const encoding = options.encoding ?? 'utf8';
  const newline = options.crlf ? '\r\n' : '\n';
  const names = options.columns === 134 ? GTD_COLUMNS_134 : GTD_COLUMNS;
  const bad = [...(options.badRows ?? [])].sort((a, b) => a - b);
  let text = names.join(delimiter) + newline;
  let row = 0;
  for (const values of syntheticRows(options)) {
    row++;
    let physical = options.columns === 134 ? values.filter((_, i) => i !== INDIVIDUAL) : values;
    const badIndex = bad.indexOf(row);
    if (badIndex >= 0) physical = spoil(physical, names, badIndex);
    text += formatCsvRow(physical, delimiter) + newline;
    if (text.length >= chunkBytes) {
      yield Buffer.from(text, encoding);
      text = '';
    }
  }
  if (text.length > 0) yield Buffer.from(text, encoding);
}

/** One CSV row, quoting (RFC 4180) every field that holds the delimiter, a quote or a line break. */
export function formatCsvRow(values: readonly string[], delimiter: string): string {
  let line = '';
  for (let i = 0; i < values.length; i++) {
    if (i > 0) line += delimiter;
    const value = values[i] as string;
    line += needsQuotes(value, delimiter) ? `"${value.replaceAll('"', '""')}"` : value;
  }
  return line;
}

function needsQuotes(value: string, delimiter: string): boolean {
  return value.includes(delimiter) || value.includes('"') || value.includes('\n') || value.includes('\r');
}

function spoil(values: readonly string[], names: readonly string[], badIndex: number): string[] {
  const out = [...values];
  switch (badIndex % BAD_ROW_KINDS.length) {
    case 0:
      out[names.indexOf('iyear')] = '19x7';
      return out;
    case 1:
      return out.slice(0, -3);
    case 2:
      out[names.indexOf('latitude')] = '-86185896';
      return out;
    case 3:
      return [...out, 'stray'];
    default:
      out[names.indexOf('nkill')] = 'many';
      return out;
  }
}

const YEARS = Array.from({ length: 48 }, (_, i) => 1970 + i).filter((y) => y !== 1993); // GTD has no 1993
const YEAR_WEIGHT = (y: number) => (y < 1980 ? 1 : y < 1993 ? 2.5 : y < 2004 ? 1.5 : y < 2012 ? 3 : 8);
const YEAR_CUMULATIVE = cumulative(YEARS.map(YEAR_WEIGHT));
const COUNTRY_CUMULATIVE = cumulative(SYNTHETIC_COUNTRIES.map((c) => c.weight));
const MONTH_STARTS = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365];
/** Each group is at home in one country, so that a country's incidents name a few groups again and again. */
const GROUPS_BY_COUNTRY: readonly string[][] = SYNTHETIC_COUNTRIES.map((_, c) =>
  SYNTHETIC_GROUPS.filter((_, g) => g % SYNTHETIC_COUNTRIES.length === c),
);

function cumulative(weights: readonly number[]): number[] {
  let sum = 0;
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => {
    sum += w;
    return sum / total;
  });
}

function pickCumulative(table: readonly number[], u: number): number {
  let i = 0;
  while (i < table.length - 1 && u > (table[i] as number)) i++;
  return i;
}

/**
 * The rows as the 135 field values of the 2017-era layout, before any layout change or spoiling.
 * Dates rise with the row number over 1970–2017, so a file of any length spans the whole range.
 */
export function* syntheticRows(options: GenerateGtdOptions): Generator<string[]> {
  const random = new Random(options.seed);
  const awkward = options.awkward ?? false;
  const sequence = new Map<string, number>();
  let sequenceYear = 0;
  let cbrnRows = 0;
  for (let index = 0; index < options.rows; index++) {
    const u = (index + 0.5) / options.rows;
    const yearIndex = pickCumulative(YEAR_CUMULATIVE, u);
    const low = yearIndex === 0 ? 0 : (YEAR_CUMULATIVE[yearIndex - 1] as number);
    const within = (u - low) / ((YEAR_CUMULATIVE[yearIndex] as number) - low);
    const year = YEARS[yearIndex] as number;
    const dayOfYear = Math.min(364, Math.floor(within * 365));
    const monthIndex = pickCumulative(
      MONTH_STARTS.slice(1).map((d) => d / 365),
      (dayOfYear + 0.5) / 365,
    );
    let month = monthIndex + 1;
    let day = dayOfYear - (MONTH_STARTS[monthIndex] as number) + 1;
    if (awkward && random.chance(0.02)) month = day = 0;
    else if (awkward && random.chance(0.04)) day = 0;
    if (year !== sequenceYear) {
      sequence.clear();
      sequenceYear = year;
    }
    const dateKey = `${year}${pad2(month)}${pad2(day)}`;
    const seq = (sequence.get(dateKey) ?? 0) + 1;
    sequence.set(dateKey, seq);
    const country = SYNTHETIC_COUNTRIES[
      pickCumulative(COUNTRY_CUMULATIVE, random.next())
    ] as SyntheticCountry;
    const cbrn = awkward && random.chance(0.01) ? (cbrnRows++ % 4) + 1 : 0;
    yield rowValues(random, {
      eventId: `${dateKey}${String(seq % 10_000).padStart(4, '0')}`,
      year,
      month,
      day,
      country,
      awkward,
      cbrn,
    });
  }
}

interface RowPlan {
  eventId: string;
  year: number;
  month: number;
  day: number;
  country: SyntheticCountry;
  awkward: boolean;
  /** A CBRN weapon type (1–4) to add to the row, or 0. */
  cbrn: number;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

function rowValues(random: Random, plan: RowPlan): string[] {
  const { year, country, awkward } = plan;
  const v: string[] = new Array(GTD_COLUMNS.length).fill('');
  const set = (name: string, value: string | number) => {
    v[COL[name] as number] = String(value);
  };
  const unknown = (value: string | number, sentinel = '-9') =>
    awkward && random.chance(0.05) ? (random.chance(0.5) ? sentinel : '') : value;
  const coded = (name: string, code: number, label: string) => {
    set(name, code);
    set(`${name}_txt`, label);
  };
  const province = random.pick(country.provinces);
  const place = random.pick(province.cities);
  set('eventid', plan.eventId);
  set('iyear', year);
  set('imonth', plan.month);
  set('iday', plan.day);
  if (awkward && plan.day === 0 && random.chance(0.5))
    set('approxdate', `${monthName(plan.month)} 10-12, ${year}`);
  const extended = random.chance(0.04);
  set('extended', extended ? 1 : 0);
  if (extended && random.chance(0.5)) set('resolution', `${plan.month || 6}/28/${year}`);
  coded('country', country.code, country.name);
  coded('region', country.region, REGION_LABELS[country.region] ?? '');
  set('provstate', province.name);
  set('city', awkward && place.latin1 && random.chance(0.5) ? place.latin1 : place.name);
  const coordinates = !(awkward && random.chance(0.03));
  if (coordinates) {
    set('latitude', (place.lat + (random.next() - 0.5) * 0.2).toFixed(6));
    set('longitude', (place.lon + (random.next() - 0.5) * 0.2).toFixed(6));
  }
  set('specificity', coordinates ? random.pickWeighted([1, 2, 3, 4], [70, 15, 10, 5]) : 5);
  set('vicinity', unknown(random.chance(0.1) ? 1 : 0));
  if (random.chance(0.1)) set('location', `The attack took place near the ${random.pick(LANDMARKS)}.`);
  const attack = random.pickWeighted([3, 2, 1, 6, 7, 9, 8, 5, 4], [45, 25, 10, 6, 5, 5, 2, 1, 1]);
  const group = random.chance(0.45)
    ? 'Unknown'
    : random.pick(GROUPS_BY_COUNTRY[SYNTHETIC_COUNTRIES.indexOf(country)] ?? []);
  const target = random.pickWeighted([14, 3, 4, 2, 1, 15, 19, 8, 21, 10], [30, 18, 14, 10, 8, 6, 5, 4, 3, 2]);
  if (year >= 1997 && random.chance(0.85)) {
    set(
      'summary',
      summaryFor(random, {
        ...plan,
        city: v[COL.city as number] as string,
        province: province.name,
        group,
        attack,
        target,
      }),
    );
  }
  set('crit1', 1);
  set('crit2', 1);
  set('crit3', random.chance(0.08) ? 0 : 1);
  const doubt = random.chance(0.1) ? 1 : awkward && random.chance(0.05) ? -9 : 0;
  set('doubtterr', doubt);
  if (doubt === 1) {
    const alternative = random.pickWeighted([1, 2, 3, 4], [60, 25, 10, 5]);
    coded('alternative', alternative, ALTERNATIVE_LABELS[alternative] ?? '');
  }
  const multiple = random.chance(0.15);
  set('multiple', multiple ? 1 : 0);
  set('success', random.chance(0.9) ? 1 : 0);
  const suicide = attack === 3 && random.chance(0.08);
  set('suicide', suicide ? 1 : 0);
  coded('attacktype1', attack, ATTACK_TYPES[attack] ?? '');
  if (random.chance(0.05)) coded('attacktype2', 2, ATTACK_TYPES[2] ?? '');
  const targets = random.chance(0.08) ? 2 : 1;
  for (let k = 1; k <= targets; k++) {
    const type = k === 1 ? target : 14;
    const sub = illustrative.targetSubtype(random, type);
    coded(`targtype${k}`, type, TARGET_TYPES[type] ?? '');
    if (sub) coded(`targsubtype${k}`, sub.code, sub.name);
    set(`corp${k}`, sub?.corp ?? 'Unknown');
    set(`target${k}`, sub?.target ?? 'Civilians');
    coded(`natlty${k}`, country.code, country.name);
  }
  set('gname', group);
  if (group !== 'Unknown' && random.chance(0.04))
    set('gsubname', `${random.pick(['Northern', 'Eastern', 'Mountain'])} wing`);
  set('guncertain1', random.chance(0.1) ? 1 : 0);
  if (random.chance(0.03)) {
    set('gname2', random.pick(SYNTHETIC_GROUPS));
    set('guncertain2', 1);
  }
  if (random.chance(0.15)) set('motive', random.pick(MOTIVES));
  set('individual', 0);
  set('nperps', random.chance(0.6) ? -99 : random.int(1, 20));
  set('nperpcap', random.chance(0.3) ? -99 : 0);
  const claimed = year < 1997 ? '' : unknown(random.chance(0.2) ? 1 : 0);
  set('claimed', claimed);
  if (claimed === 1) coded('claimmode', 7, CLAIM_MODES[7] ?? '');
  const weapons = weaponFor(random, attack, suicide);
  if (plan.cbrn)
    weapons.push({ type: plan.cbrn, subtype: plan.cbrn === 2 ? { code: 1, name: 'Poisoning' } : null });
  weapons.slice(0, 4).forEach((w, i) => {
    coded(`weaptype${i + 1}`, w.type, WEAPON_TYPES[w.type] ?? '');
    if (w.subtype) coded(`weapsubtype${i + 1}`, w.subtype.code, w.subtype.name);
  });
  if (random.chance(0.4)) set('weapdetail', random.pick(WEAPON_DETAILS));
  set('nkill', unknown(casualties(random), ''));
  set('nkillus', 0);
  set('nkillter', suicide ? 1 : 0);
  set('nwound', unknown(casualties(random), ''));
  set('nwoundus', 0);
  set('nwoundte', 0);
  const property = random.pickWeighted([1, 0, -9], [50, 40, 10]);
  set('property', property);
  if (property === 1) {
    const extent = random.pickWeighted([3, 4, 2], [70, 25, 5]);
    coded('propextent', extent, PROPERTY_EXTENTS[extent] ?? '');
    set('propvalue', random.chance(0.7) ? -99 : random.int(100, 500_000));
    if (random.chance(0.4)) set('propcomment', 'A vehicle and a shop front were damaged in the blast.');
  }
  const hostages = attack === 5 || attack === 6;
  set('ishostkid', hostages ? 1 : unknown(0));
  if (hostages) {
    set('nhostkid', random.chance(0.2) ? -99 : random.int(1, 12));
    set('nhostkidus', 0);
    set('nhours', -99);
    set('ndays', random.chance(0.5) ? -99 : random.int(1, 30));
    set('ransom', random.pickWeighted([0, 1, -9], [60, 10, 30]));
    const outcome = random.pickWeighted([2, 4, 5, 7], [40, 20, 10, 30]);
    coded('hostkidoutcome', outcome, HOSTAGE_OUTCOMES[outcome] ?? '');
    set('nreleased', random.chance(0.5) ? -99 : random.int(0, 5));
  }
  if (random.chance(0.05))
    set('addnotes', 'Casualty figures differ between sources; the lower figure is recorded.');
  if (year >= 1998) {
    const count = random.pickWeighted([1, 2, 3], [50, 30, 20]);
    for (let k = 1; k <= count; k++)
      set(`scite${k}`, citation(random, plan, v[COL.city as number] as string));
  }
  set(
    'dbsource',
    year < 1998 ? 'PGIS' : year < 2008 ? 'ISVG' : year < 2012 ? 'CETIS' : 'START Primary Collection',
  );
  for (const name of ['INT_LOG', 'INT_IDEO', 'INT_MISC', 'INT_ANY'])
    set(name, random.pickWeighted([-9, 0, 1], [60, 35, 5]));
  if (multiple && random.chance(0.5)) set('related', `${plan.eventId}, ${plan.eventId.slice(0, 8)}9999`);
  return v;
}

function casualties(random: Random): number {
  const band = random.pickWeighted([0, 1, 2, 3, 4], [40, 35, 15, 9, 1]);
  return band === 0
    ? 0
    : band === 1
      ? random.int(1, 3)
      : band === 2
        ? random.int(4, 10)
        : band === 3
          ? random.int(11, 100)
          : random.int(101, 400);
}

function citation(random: Random, plan: RowPlan, city: string): string {
  const outlet = random.pick(OUTLETS);
  const headline = random.pick(['Blast hits market', 'Gunmen attack checkpoint', 'Officials condemn attack']);
  return `${outlet}, "${headline} in ${city}," ${monthName(plan.month || 1)} ${plan.day || 1}, ${plan.year}.`;
}

function monthName(month: number): string {
  return MONTHS[(month || 1) - 1] as string;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const REGION_LABELS: Record<number, string> = {
  4: 'East Asia',
  5: 'Southeast Asia',
  6: 'South Asia',
  7: 'Central Asia',
  9: 'Eastern Europe',
  10: 'Middle East & North Africa',
};
const ALTERNATIVE_LABELS: Record<number, string> = {
  1: 'Insurgency/Guerilla Action',
  2: 'Other Crime Type',
  3: 'Inter/Intra-Group Conflict',
  4: 'Lack of Intentionality',
};
const LANDMARKS = [
  'central bazaar',
  'bus station',
  'district police headquarters',
  'main bridge',
  'grain market',
];
const OUTLETS = ['Synthetic Wire Service', 'Example Daily', 'Placeholder News Agency', 'Sample Times'];
const MOTIVES = [
  'The specific motive for the attack is unknown.',
  'Sources suggest the attack was retaliation for recent arrests, although the group denied this.',
  'The attack targeted a polling station ahead of local elections.',
];
const WEAPON_DETAILS = [
  'An explosive device was used in the attack.',
  'Automatic firearms were used.',
  'A remote-controlled device, concealed in a cart, was used.',
];
