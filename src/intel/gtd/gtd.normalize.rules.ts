import {
  ALTERNATIVES,
  ATTACK_TYPES,
  CBRN,
  type CodeTable,
  GTD_COUNTRIES,
  GTD_REGIONS,
  HOSTAGE_OUTCOMES,
  iso2OfCountry,
  PROPERTY_EXTENTS,
  TARGET_TYPES,
  unRegionOf,
  WEAPON_TYPES,
} from './gtd.codes.ts';
import { col, GTD_COLUMNS } from './gtd.columns.ts';
import type { GtdFields } from './gtd.fields.ts';
import type { Coded, GtdFault, GtdIncident } from './gtd.incident.ts';

export type { Coded, GtdFault, GtdIncident } from './gtd.incident.ts';

/**
 * A GTD row's fields to a `GtdIncident`. Pure: the same fields give the same record. Unknowns
 * (empty, -9 in yes/no fields, -9 or -99 in counts, amounts and codes) become null; a value that
 * cannot be read becomes null too, with a fault naming its column and its raw text kept in
 * `extra`. Only a row without a usable `eventid` or `iyear` gives no record.
 */
export function normalizeGtd(fields: GtdFields, faults: GtdFault[]): GtdIncident | null {
  return new GtdNormalizer({ reuseLabels: false }).normalize(fields, faults);
}

const C = {
  eventid: col('eventid'),
  iyear: col('iyear'),
  imonth: col('imonth'),
  iday: col('iday'),
  approxdate: col('approxdate'),
  extended: col('extended'),
  resolution: col('resolution'),
  country: col('country'),
  region: col('region'),
  provstate: col('provstate'),
  city: col('city'),
  latitude: col('latitude'),
  longitude: col('longitude'),
  specificity: col('specificity'),
  summary: col('summary'),
  crit1: col('crit1'),
  crit2: col('crit2'),
  crit3: col('crit3'),
  doubtterr: col('doubtterr'),
  alternative: col('alternative'),
  multiple: col('multiple'),
  success: col('success'),
  suicide: col('suicide'),
  claimed: col('claimed'),
  motive: col('motive'),
  weapdetail: col('weapdetail'),
  nkill: col('nkill'),
  nkillus: col('nkillus'),
  nkillter: col('nkillter'),
  nwound: col('nwound'),
  nwoundus: col('nwoundus'),
  nwoundte: col('nwoundte'),
  property: col('property'),
  propextent: col('propextent'),
  propvalue: col('propvalue'),
  ishostkid: col('ishostkid'),
  nhostkid: col('nhostkid'),
  hostkidoutcome: col('hostkidoutcome'),
  dbsource: col('dbsource'),
};
const ATTACK = [1, 2, 3].map((k) => col(`attacktype${k}`));
const TARGET = [1, 2, 3].map((k) => ({
  type: col(`targtype${k}`),
  subtype: col(`targsubtype${k}`),
  target: col(`target${k}`),
  nationality: col(`natlty${k}`),
  group: columnsWithLabels([`targtype${k}`, `targsubtype${k}`, `corp${k}`, `target${k}`, `natlty${k}`]),
}));
const WEAPON = [1, 2, 3, 4].map((k) => ({
  type: col(`weaptype${k}`),
  subtype: col(`weapsubtype${k}`),
  group: columnsWithLabels([`weapsubtype${k}`]),
}));
const GROUP = [
  [col('gname'), col('gsubname'), col('guncertain1')],
  [col('gname2'), col('gsubname2'), col('guncertain2')],
  [col('gname3'), col('gsubname3'), col('guncertain3')],
] as const;
const SOURCES = [col('scite1'), col('scite2'), col('scite3')];

/** The columns named, each followed by its `_txt` label column where it has one. */
function columnsWithLabels(names: readonly string[]): number[] {
  return names.flatMap((name) =>
    GTD_COLUMNS.includes(`${name}_txt`) ? [col(name), col(`${name}_txt`)] : [col(name)],
  );
}

/** Columns the record has no field for: kept raw in `extra` when not empty. */
const UNMAPPED = [
  'vicinity',
  'location',
  'corp1',
  'corp2',
  'corp3',
  'individual',
  'nperps',
  'nperpcap',
  'claimmode',
  'claimmode_txt',
  'claim2',
  'claimmode2',
  'claimmode2_txt',
  'claim3',
  'claimmode3',
  'claimmode3_txt',
  'compclaim',
  'propcomment',
  'nhostkidus',
  'nhours',
  'ndays',
  'divert',
  'kidhijcountry',
  'ransom',
  'ransomamt',
  'ransomamtus',
  'ransompaid',
  'ransompaidus',
  'ransomnote',
  'nreleased',
  'addnotes',
  'INT_LOG',
  'INT_IDEO',
  'INT_MISC',
  'INT_ANY',
  'related',
].map(col);
const UNMAPPED_NAMES = UNMAPPED.map((c) => GTD_COLUMNS[c] as string);

const COUNTRY_NAMES: CodeTable = Object.fromEntries(GTD_COUNTRIES.map((c) => [c.code, c.name]));
const REGION_NAMES: CodeTable = Object.fromEntries(Object.entries(GTD_REGIONS).map(([k, r]) => [k, r.name]));
const NO_TABLE: CodeTable = {};
const DAYS_IN_MONTH = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const LABEL_CACHE_CODES = 4096;

/**
 * `normalizeGtd` for a whole file: one per read, since it remembers labels. An export gives a
 * code the same label in every row (a few hundred labels repeated over 100,000s of rows), so
 * with `reuseLabels` the label read for a code is reused while later rows' labels have its length
 * and its first and last character, and read afresh when they do not. That saves a copy or a
 * full comparison per label per row, a tenth of the normalizer's time; a file that gave one code
 * two labels of the same length and ends would show the first. Without it every label is read.
 */
export class GtdNormalizer {
  private f!: GtdFields;
  private faults!: GtdFault[];
  private extra!: Record<string, string>;
  private readonly labels: (string | undefined)[][] = [];
  private readonly reuseLabels: boolean;

  constructor(options: { reuseLabels?: boolean } = {}) {
    this.reuseLabels = options.reuseLabels ?? true;
  }

  /** See `normalizeGtd`. */
  normalize(f: GtdFields, faults: GtdFault[]): GtdIncident | null {
    this.f = f;
    this.faults = faults;
    const extra: Record<string, string> = {};
    this.extra = extra;

    const eventId = this.eventId();
    const year = this.integer(C.iyear, 1, 9999);
    if (eventId === null || year === null) return null;
    const date = this.date(year);

    const countryCode = this.integer(C.country, 0, 99_999);
    const countryName =
      countryCode === null
        ? this.textOrNull(C.country + 1)
        : this.label(C.country, countryCode, COUNTRY_NAMES);
    const iso2 = iso2OfCountry(countryCode, countryName);
    const regionCode = this.integer(C.region, 1, 99);
    const un = unRegionOf(regionCode, iso2);

    const attackTypes: Coded[] = [];
    for (const c of ATTACK) {
      const coded = this.code(c, ATTACK_TYPES);
      if (coded !== null) attackTypes.push(coded);
    }
    const targetTypes: GtdIncident['targetTypes'] = [];
    for (const t of TARGET) {
      const type = this.code(t.type, TARGET_TYPES);
      if (type === null) {
        this.keepGroup(t.group);
        continue;
      }
      targetTypes.push({
        code: type.code,
        name: type.name,
        subtype: this.code(t.subtype, NO_TABLE),
        target: this.textOrNull(t.target),
        nationality: this.code(t.nationality, COUNTRY_NAMES),
      });
    }
    const weaponTypes: GtdIncident['weaponTypes'] = [];
    const cbrn = { chemical: false, biological: false, radiological: false, nuclear: false };
    for (const w of WEAPON) {
      const type = this.code(w.type, WEAPON_TYPES);
      if (type === null) {
        this.keepGroup(w.group);
        continue;
      }
      weaponTypes.push({ code: type.code, name: type.name, subtype: this.code(w.subtype, NO_TABLE) });
      if (type.code === CBRN.chemical) cbrn.chemical = true;
      else if (type.code === CBRN.biological) cbrn.biological = true;
      else if (type.code === CBRN.radiological) cbrn.radiological = true;
      else if (type.code === CBRN.nuclear) cbrn.nuclear = true;
    }
    const perpetrators: GtdIncident['perpetrators'] = [];
    for (const [name, subname, uncertain] of GROUP) {
      if (this.f.empty(name) || this.f.is(name, 'Unknown')) {
        if (!this.f.empty(subname)) extra[GTD_COLUMNS[subname] as string] = this.f.text(subname);
        continue;
      }
      perpetrators.push({
        name: this.f.text(name),
        subname: this.textOrNull(subname),
        uncertain: this.yesno(uncertain),
      });
    }
    const sources: string[] = [];
    for (const c of SOURCES) if (!f.empty(c)) sources.push(f.text(c));
    for (let k = 0; k < UNMAPPED.length; k++) {
      const c = UNMAPPED[k] as number;
      if (!f.empty(c)) extra[UNMAPPED_NAMES[k] as string] = f.text(c);
    }

    return {
      eventId,
      date,
      approxDate: this.textOrNull(C.approxdate),
      extended: this.yesno(C.extended),
      resolution: this.textOrNull(C.resolution),
      country: { code: countryCode ?? 0, name: countryName ?? '', iso2 },
      region: {
        code: regionCode ?? 0,
        name:
          regionCode === null
            ? (this.textOrNull(C.region + 1) ?? '')
            : this.label(C.region, regionCode, REGION_NAMES),
        m49: un?.m49 ?? null,
        stix: un?.stix ?? null,
      },
      provstate: this.textOrNull(C.provstate),
      city: this.textOrNull(C.city),
      latitude: this.coordinate(C.latitude, 90),
      longitude: this.coordinate(C.longitude, 180),
      specificity: this.integer(C.specificity, 1, 5),
      summary: this.textOrNull(C.summary),
      criteria: {
        crit1: this.yesno(C.crit1),
        crit2: this.yesno(C.crit2),
        crit3: this.yesno(C.crit3),
        doubtterr: this.yesno(C.doubtterr),
        alternative: this.code(C.alternative, ALTERNATIVES),
      },
      multiple: this.yesno(C.multiple),
      success: this.yesno(C.success),
      suicide: this.yesno(C.suicide),
      attackTypes,
      targetTypes,
      weaponTypes,
      weaponDetail: this.textOrNull(C.weapdetail),
      perpetrators,
      claimed: this.yesno(C.claimed),
      motive: this.textOrNull(C.motive),
      killed: this.count(C.nkill),
      killedUs: this.count(C.nkillus),
      killedPerpetrators: this.count(C.nkillter),
      wounded: this.count(C.nwound),
      woundedUs: this.count(C.nwoundus),
      woundedPerpetrators: this.count(C.nwoundte),
      property: this.yesno(C.property),
      propertyExtent: this.code(C.propextent, PROPERTY_EXTENTS),
      propertyValue: this.count(C.propvalue),
      hostages: {
        taken: this.yesno(C.ishostkid),
        count: this.count(C.nhostkid),
        outcome: this.code(C.hostkidoutcome, HOSTAGE_OUTCOMES),
      },
      cbrn,
      sources,
      dbsource: this.textOrNull(C.dbsource),
      extra,
    };
  }

  private fault(c: number, problem: string): void {
    const name = GTD_COLUMNS[c] as string;
    const raw = this.f.text(c);
    this.extra[name] = raw;
    this.faults.push({ column: name, problem: `${problem}: ${JSON.stringify(raw)}` });
  }

  private textOrNull(c: number): string | null {
    return this.f.textOrNull(c);
  }

  private eventId(): string | null {
    const f = this.f;
    const c = C.eventid;
    if (f.empty(c)) {
      this.faults.push({ column: 'eventid', problem: 'missing' });
      return null;
    }
    const text = f.text(c);
    if (text.length !== 12 || !isDigits(text)) {
      this.fault(c, 'not 12 digits');
      return null;
    }
    return text;
  }

  /** An integer in [min, max]; empty, -9 and -99 are unknown. */
  private integer(c: number, min: number, max: number): number | null {
    if (this.f.empty(c)) return null;
    const value = this.f.int(c);
    if (value >= min && value <= max) return value;
    if (value === -9 || value === -99) return null;
    this.fault(c, Number.isNaN(value) ? 'not an integer' : `outside ${min}–${max}`);
    return null;
  }

  private date(year: number): GtdIncident['date'] {
    let month = this.integer(C.imonth, 0, 12);
    let day = this.integer(C.iday, 0, 31);
    if (month === 0) month = null;
    if (day === 0 || month === null) day = null;
    if (month !== null && day !== null && day > daysIn(year, month)) {
      this.fault(C.iday, `no such day in ${year}-${String(month).padStart(2, '0')}`);
      day = null;
    }
    return { year, month, day, precision: day !== null ? 'day' : month !== null ? 'month' : 'year' };
  }

  /** 1 yes, 0 no; empty and -9 unknown. */
  private yesno(c: number): boolean | null {
    const f = this.f;
    if (f.empty(c)) return null;
    const value = f.int(c);
    if (value === 1) return true;
    if (value === 0) return false;
    if (value !== -9) this.fault(c, 'not 1, 0 or -9');
    return null;
  }

  /** A count or an amount, never negative; empty, -9 and -99 unknown. */
  private count(c: number): number | null {
    const f = this.f;
    if (f.empty(c)) return null;
    const value = f.num(c);
    if (value >= 0) return value;
    if (value === -99 || value === -9) return null;
    this.fault(c, Number.isNaN(value) ? 'not a number' : 'negative');
    return null;
  }

  private coordinate(c: number, limit: number): number | null {
    const f = this.f;
    if (f.empty(c)) return null;
    const value = f.num(c);
    if (value >= -limit && value <= limit) return value;
    this.fault(c, Number.isNaN(value) ? 'not a number' : `outside ±${limit}`);
    return null;
  }

  /** The code in column `c` with its label from column `c + 1`; a label without a code goes to `extra`. */
  private code(c: number, table: CodeTable): Coded | null {
    const code = this.integer(c, 0, 99_999);
    if (code === null) {
      if (!this.f.empty(c + 1)) this.extra[GTD_COLUMNS[c + 1] as string] = this.f.text(c + 1);
      return null;
    }
    return { code, name: this.label(c, code, table) };
  }

  /** The row's label for `code`, else the table's, else "code N". */
  private label(c: number, code: number, table: CodeTable): string {
    const f = this.f;
    const labelColumn = c + 1;
    if (f.empty(labelColumn)) return table[code] ?? `code ${code}`;
    if (!this.reuseLabels || code >= LABEL_CACHE_CODES) return f.text(labelColumn);
    let cache = this.labels[labelColumn];
    if (cache === undefined) {
      cache = [];
      this.labels[labelColumn] = cache;
    }
    const seen = cache[code];
    if (seen !== undefined && f.resembles(labelColumn, seen)) return seen;
    const text = f.text(labelColumn);
    cache[code] = text;
    return text;
  }

  /** Keeps the non-empty fields of a target or weapon group that has no type. */
  private keepGroup(columns: readonly number[]): void {
    const f = this.f;
    for (let k = 0; k < columns.length; k++) {
      const c = columns[k] as number;
      if (!f.empty(c)) this.extra[GTD_COLUMNS[c] as string] = f.text(c);
    }
  }
}

function isDigits(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function daysIn(year: number, month: number): number {
  if (month !== 2) return DAYS_IN_MONTH[month] as number;
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
}
