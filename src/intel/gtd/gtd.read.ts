import { isUtf8 } from 'node:buffer';
import type { Readable } from 'node:stream';
import { Invalid } from '../../errors.ts';
import { GTD_COLUMNS, GTD_COLUMNS_134, type GtdColumnCount, INDIVIDUAL } from './gtd.columns.ts';
import { CsvScanner, INCOMPLETE, ROW, UNTERMINATED } from './gtd.csv.ts';
import { decodeUtf8, decodeWindows1252 } from './gtd.decode.ts';
import { GtdFields } from './gtd.fields.ts';
import type { GtdFault, GtdIncident } from './gtd.incident.ts';
import { GtdNormalizer } from './gtd.normalize.rules.ts';

/**
 * Reads a GTD CSV export as it streams: the header decides the layout (135 or 134 columns) and
 * the delimiter (`,` or `;`); the bytes decide the encoding (UTF-8, or Windows-1252/Latin-1 when
 * they are not valid UTF-8). Memory stays constant whatever the file's size: one chunk and the
 * unfinished row after it. A bad row never stops the read: it comes out with faults naming its
 * columns. The header alone may throw (`Invalid`), since without it nothing can be read.
 */

export interface GtdRow {
  /** 1-based data row; the header is row 0. */
  row: number;
  /** 1-based line of the file where the row starts (rows with quoted line breaks span several). */
  line: number;
  /** Absent when the row could not be read at all (wrong field count, bad `eventid` or `iyear`). */
  record?: GtdIncident;
  faults?: GtdFault[];
}

export interface GtdReadOptions {
  /** `auto` (default) reads UTF-8 until the bytes are not UTF-8, then Windows-1252 from there. */
  encoding?: 'auto' | 'utf8' | 'latin1';
  /** A row (with quoted line breaks) longer than this is reported and skipped. Default 1 MiB. */
  maxRowChars?: number;
}

/** What the reader has learnt so far, for progress bars and import reports. */
export interface GtdReadProgress {
  /** Input bytes consumed up to the end of the last row handed out. */
  readonly bytesRead: number;
  readonly rowsRead: number;
  /** Known once the header has been read. */
  readonly columns: GtdColumnCount | null;
  readonly delimiter: ',' | ';' | null;
  /** `utf8` until a chunk proves otherwise. */
  readonly encoding: 'utf8' | 'latin1';
}

export type GtdReader = AsyncGenerator<GtdRow, void, undefined> & GtdReadProgress;
export type GtdBatchReader = AsyncGenerator<GtdRow[], void, undefined> & GtdReadProgress;

/** One row at a time; `reader.bytesRead` tells how far into the input it is. */
export function readGtd(
  input: AsyncIterable<Buffer | string> | Readable,
  options: GtdReadOptions = {},
): GtdReader {
  const state = new ReadState(options);
  async function* rows(): AsyncGenerator<GtdRow, void, undefined> {
    for await (const batch of batches(input, state)) for (const row of batch) yield row;
  }
  return withProgress(rows(), state);
}

/** The rows of each input chunk together: fewer awaits, and a natural unit for database inserts. */
export function readGtdBatches(
  input: AsyncIterable<Buffer | string> | Readable,
  options: GtdReadOptions = {},
): GtdBatchReader {
  const state = new ReadState(options);
  return withProgress(batches(input, state), state);
}

function withProgress<G extends object>(generator: G, state: ReadState): G & GtdReadProgress {
  return Object.defineProperties(generator, {
    bytesRead: { get: () => state.bytesRead },
    rowsRead: { get: () => state.row },
    columns: { get: () => state.columns },
    delimiter: { get: () => state.delimiter },
    encoding: { get: () => state.encoding },
  }) as G & GtdReadProgress;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

class ReadState {
  bytesRead = 0;
  row = 0;
  line = 1;
  columns: GtdColumnCount | null = null;
  delimiter: ',' | ';' | null = null;
  encoding: 'utf8' | 'latin1';
  readonly forced: boolean;
  readonly maxRowChars: number;
  scanner: CsvScanner | null = null;
  readonly fields = new GtdFields();
  readonly normalizer = new GtdNormalizer();

  constructor(options: GtdReadOptions) {
    this.encoding = options.encoding === 'latin1' ? 'latin1' : 'utf8';
    this.forced = options.encoding === 'utf8' || options.encoding === 'latin1';
    this.maxRowChars = options.maxRowChars ?? 1 << 20;
  }

  /**
   * Decodes the longest prefix of `bytes` that ends on a character boundary; returns the text and
   * how many bytes it took. UTF-8 is checked before it is trusted: the first chunk that is not
   * valid UTF-8 switches the read to Windows-1252 (Latin-1 plus the printable 0x80–0x9F that
   * spreadsheet exports use), which every byte sequence is.
   */
  decode(bytes: Buffer, final: boolean): { text: string; used: number } {
    if (this.encoding === 'utf8') {
      const used = final ? bytes.length : utf8Boundary(bytes);
      const whole = used === bytes.length ? bytes : bytes.subarray(0, used);
      if (this.forced || isUtf8(whole)) return { text: decodeUtf8(whole), used };
      this.encoding = 'latin1';
    }
    return { text: decodeWindows1252(bytes), used: bytes.length };
  }

  /** Bytes taken by the characters of `text` from `from` on (exact: the text was decoded from them). */
  byteLength(text: string, from: number): number {
    if (this.encoding === 'latin1') return text.length - from;
    return Buffer.byteLength(from === 0 ? text : text.slice(from), 'utf8');
  }
}

async function* batches(input: AsyncIterable<Buffer | string>, state: ReadState): AsyncGenerator<GtdRow[]> {
  let pending: Buffer = Buffer.alloc(0);
  let started = false;
  for await (const chunk of input) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    let buffer = pending.length === 0 ? bytes : Buffer.concat([pending, bytes]);
    if (!started) {
      if (
        buffer.length < UTF8_BOM.length &&
        UTF8_BOM.every((b, i) => i >= buffer.length || buffer[i] === b)
      ) {
        pending = buffer;
        continue;
      }
      started = true;
      if (UTF8_BOM.every((b, i) => buffer[i] === b)) {
        buffer = buffer.subarray(UTF8_BOM.length);
        state.bytesRead += UTF8_BOM.length;
      }
    }
    const { rows, rest } = step(buffer, false, state);
    pending = rest;
    if (rows.length > 0) yield rows;
  }
  if (pending.length > 0 || state.scanner === null) {
    const { rows } = step(pending, true, state);
    if (rows.length > 0) yield rows;
  }
  if (state.scanner === null) throw headerError([]);
}

/** Reads every whole row in `buffer`; returns them and the bytes of the unfinished row. */
function step(buffer: Buffer, final: boolean, state: ReadState): { rows: GtdRow[]; rest: Buffer } {
  const { text, used } = state.decode(buffer, final);
  const rows: GtdRow[] = [];
  let at = 0;
  if (state.scanner === null) {
    const lineEnd = text.indexOf('\n');
    if (lineEnd < 0 && !final) return { rows, rest: buffer };
    at = readHeader(text.slice(0, lineEnd < 0 ? text.length : lineEnd), state) + 1;
    state.line++;
  }
  const scanner = state.scanner as CsvScanner;
  const fields = state.fields;
  fields.source = text;
  const expected = state.columns as number;
  while (at < text.length) {
    const found = scanner.scan(text, at, final, fields);
    if (found === INCOMPLETE) {
      if (text.length - at <= state.maxRowChars) break;
      rows.push(fault(state, 1, { column: '(row)', problem: `longer than ${state.maxRowChars} characters` }));
      at = skipLine(text, at);
      continue;
    }
    if (found === UNTERMINATED) {
      const column = physicalName(scanner.badField, expected);
      rows.push(fault(state, 1, { column, problem: 'quoted field never closes' }));
      at = skipLine(text, at);
      continue;
    }
    if (found === ROW) {
      if (scanner.fieldCount === 1 && scanner.next - at <= 2 && fields.empty(0)) {
        // A blank line (the end of the file, usually) is no row.
        state.line += scanner.lines;
        at = scanner.next;
        continue;
      }
      rows.push(readRow(state, scanner, expected));
      at = scanner.next;
    }
  }
  const consumed = Math.min(at, text.length);
  const restBytes = state.byteLength(text, consumed) + (buffer.length - used);
  state.bytesRead += buffer.length - restBytes;
  return { rows, rest: restBytes === 0 ? EMPTY : buffer.subarray(buffer.length - restBytes) };
}

const EMPTY = Buffer.alloc(0);

function readRow(state: ReadState, scanner: CsvScanner, expected: number): GtdRow {
  state.row++;
  const line = state.line;
  state.line += scanner.lines;
  if (scanner.fieldCount !== expected) {
    const problem = `row has ${scanner.fieldCount} fields, the header ${expected}`;
    const column =
      scanner.fieldCount < expected
        ? physicalName(scanner.fieldCount, expected)
        : `(after ${GTD_COLUMNS.at(-1)})`;
    return { row: state.row, line, faults: [{ column, problem }] };
  }
  const faults: GtdFault[] = [];
  for (const field of scanner.strayQuotes) {
    faults.push({
      column: physicalName(field, expected),
      problem: 'text after the closing quote, kept as written',
    });
  }
  const record = state.normalizer.normalize(state.fields, faults);
  if (record === null) return { row: state.row, line, faults };
  return faults.length === 0 ? { row: state.row, line, record } : { row: state.row, line, record, faults };
}

function fault(state: ReadState, lines: number, problem: GtdFault): GtdRow {
  state.row++;
  const row = { row: state.row, line: state.line, faults: [problem] };
  state.line += lines;
  return row;
}

/** Past the first line of a row that cannot be read, so that the rows after it still can. */
function skipLine(text: string, at: number): number {
  const lineEnd = text.indexOf('\n', at);
  return lineEnd < 0 ? text.length : lineEnd + 1;
}

function physicalName(field: number, columns: number): string {
  const names = columns === 134 ? GTD_COLUMNS_134 : GTD_COLUMNS;
  return names[field] ?? `(field ${field + 1})`;
}

/** Recognizes the header, sets the layout, delimiter and scanner; returns where the header line ends. */
function readHeader(line: string, state: ReadState): number {
  if (line.trim() === '') throw headerError([]);
  const commas = line.split(',').length;
  const semicolons = line.split(';').length;
  const delimiter = semicolons > commas ? ';' : ',';
  const names = line
    .replace(/\r$/, '')
    .split(delimiter)
    .map((name) => name.trim().replace(/^"(.*)"$/, '$1'));
  const layout = [GTD_COLUMNS, GTD_COLUMNS_134].find(
    (columns) =>
      columns.length === names.length && columns.every((c, i) => c.toLowerCase() === names[i]?.toLowerCase()),
  );
  if (!layout) throw headerError(names);
  state.delimiter = delimiter;
  state.columns = layout.length as GtdColumnCount;
  state.scanner = new CsvScanner(delimiter.charCodeAt(0), layout.length === 134 ? INDIVIDUAL : null);
  return line.length;
}

function headerError(names: string[]): Invalid {
  if (names.length === 0) return new Invalid('header', 'the input is empty: no GTD header row');
  const shown = names.length > 8 ? `${names.slice(0, 8).join(', ')}, …` : names.join(', ');
  const closest =
    names.length >= 134 && names.length <= 135
      ? names.length === 135
        ? GTD_COLUMNS
        : GTD_COLUMNS_134
      : null;
  const at = closest ? closest.findIndex((c, i) => c.toLowerCase() !== names[i]?.toLowerCase()) : -1;
  const difference =
    at >= 0 && closest ? `; column ${at + 1} is "${names[at]}" where "${closest[at]}" was expected` : '';
  return new Invalid(
    'header',
    `not a GTD export: expected the 135 columns of the 2017-era export (eventid, iyear, imonth, …, related) or the 134 of the older one (without individual); found ${names.length} columns (${shown})${difference}`,
    { found: names },
  );
}

/**
 * Where the last whole UTF-8 character of `bytes` ends: a sequence cut by the chunk boundary
 * waits for the next chunk. (A byte that starts no valid sequence is left for `isUtf8` to judge.)
 */
function utf8Boundary(bytes: Buffer): number {
  const length = bytes.length;
  for (let back = 1; back <= 3 && back <= length; back++) {
    const byte = bytes[length - back] as number;
    if (byte < 0x80) return length;
    if (byte >= 0xc0) {
      const size = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
      return size > back ? length - back : length;
    }
  }
  return length;
}
