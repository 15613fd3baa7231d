import { Readable } from 'node:stream';
import { GTD_COLUMNS, GTD_COLUMNS_134, INDIVIDUAL } from './gtd.columns.ts';
import { formatCsvRow } from './gtd.generate.ts';
import { type GtdReadOptions, type GtdRow, readGtd } from './gtd.read.ts';

/** Test helpers: a plain valid row by column name, CSV text from rows, and reading it back. */

const BASE: Readonly<Record<string, string>> = {
  eventid: '201401010001',
  iyear: '2014',
  imonth: '1',
  iday: '1',
  extended: '0',
  country: '153',
  country_txt: 'Pakistan',
  region: '6',
  region_txt: 'South Asia',
  provstate: 'Sindh',
  city: 'Karachi',
  latitude: '24.86',
  longitude: '67.01',
  specificity: '1',
  vicinity: '0',
  crit1: '1',
  crit2: '1',
  crit3: '1',
  doubtterr: '0',
  multiple: '0',
  success: '1',
  suicide: '0',
  attacktype1: '3',
  attacktype1_txt: 'Bombing/Explosion',
  targtype1: '14',
  targtype1_txt: 'Private Citizens & Property',
  corp1: 'Not Applicable',
  target1: 'Market',
  natlty1: '153',
  natlty1_txt: 'Pakistan',
  gname: 'Unknown',
  guncertain1: '0',
  individual: '0',
  nperps: '-99',
  nperpcap: '0',
  claimed: '0',
  weaptype1: '6',
  weaptype1_txt: 'Explosives',
  weapsubtype1: '16',
  weapsubtype1_txt: 'Unknown Explosive Type',
  nkill: '2',
  nkillus: '0',
  nkillter: '0',
  nwound: '5',
  nwoundus: '0',
  nwoundte: '0',
  property: '1',
  propextent: '3',
  propextent_txt: 'Minor (likely < $1 million)',
  propvalue: '-99',
  ishostkid: '0',
  scite1: 'Example Daily, "Blast in Karachi," January 2, 2014.',
  dbsource: 'START Primary Collection',
  INT_LOG: '-9',
  INT_IDEO: '-9',
  INT_MISC: '0',
  INT_ANY: '-9',
};

/** The 135 values of a plain valid row, with `overrides` by column name. */
export function gtdRow(overrides: Record<string, string> = {}): string[] {
  for (const name of Object.keys(overrides)) {
    if (!GTD_COLUMNS.includes(name)) throw new Error(`no GTD column ${name}`);
  }
  return GTD_COLUMNS.map((name) => overrides[name] ?? BASE[name] ?? '');
}

/** A whole file: header and rows (given in the 135-column layout) in the layout asked for. */
export function gtdCsv(
  rows: readonly string[][],
  options: { delimiter?: ',' | ';'; columns?: 134 | 135; newline?: string } = {},
): string {
  const delimiter = options.delimiter ?? ',';
  const newline = options.newline ?? '\n';
  const layout = (values: readonly string[]) =>
    options.columns === 134 ? values.filter((_, i) => i !== INDIVIDUAL) : values;
  const header = (options.columns === 134 ? GTD_COLUMNS_134 : GTD_COLUMNS).join(delimiter);
  return [header, ...rows.map((row) => formatCsvRow(layout(row), delimiter))].join(newline) + newline;
}

/** Everything a reader yields for `input`, given as chunks (or one buffer). */
export async function readAll(
  input: Buffer | readonly Buffer[],
  options: GtdReadOptions = {},
): Promise<GtdRow[]> {
  const rows: GtdRow[] = [];
  const chunks = Buffer.isBuffer(input) ? [input] : input;
  for await (const row of readGtd(Readable.from(chunks), options)) rows.push(row);
  return rows;
}

/** `buffer` cut at the given sizes, cycling through them. */
export function cut(buffer: Buffer, sizes: readonly number[]): Buffer[] {
  const chunks: Buffer[] = [];
  let at = 0;
  for (let k = 0; at < buffer.length; k++) {
    const size = Math.max(1, sizes[k % sizes.length] ?? 1);
    chunks.push(buffer.subarray(at, at + size));
    at += size;
  }
  return chunks;
}
