import type { GtdFields } from './gtd.fields.ts';

/**
 * The CSV row scanner behind the GTD reader (RFC 4180: quoted fields may hold the delimiter,
 * doubled quotes and line breaks; rows end in LF or CRLF). Hand-written rather than a library
 * (STYLE prefers one) because parsing is most of a GTD import's time and a GTD row has 135 fields,
 * most of them empty or a digit or two: the scanner steps over those by looking at one or two
 * characters and leaves longer ones to the engine's `indexOf`, writes positions instead of
 * strings, and never copies a field the record does not keep; a general parser makes a string
 * per field. Pure: text in, positions out.
 */

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** What `scan` found at a position. */
export type Scan = typeof ROW | typeof INCOMPLETE | typeof UNTERMINATED;
/** A whole row: its fields are in the view, `next` is where the following row starts. */
export const ROW = 0;
/** The text ends inside the row: call again with more text. */
export const INCOMPLETE = 1;
/** A quoted field never closes before the end of the input: see `badField`. */
export const UNTERMINATED = 2;

export class CsvScanner {
  /** Fields the last row had (may differ from the layout's count: the reader reports that). */
  fieldCount = 0;
  /** Where the next row starts after a `ROW`. */
  next = 0;
  /** Line breaks the last row spans, counting its own end (1 unless a quoted field held some). */
  lines = 0;
  /** Physical field that held an unterminated quote. */
  badField = 0;
  /** Physical fields that held text after their closing quote (kept as written), for faults. */
  strayQuotes: number[] = [];
  private readonly delimiterText: string;

  /**
   * @param delimiter character code of `,` or `;`
   * @param insertAt when set, a row's fields from this position on move one slot later, which is
   *   how a 134-column row lands in the 135-column layout with `individual` left empty.
   */
  constructor(
    readonly delimiter: number,
    readonly insertAt: number | null = null,
  ) {
    this.delimiterText = String.fromCharCode(delimiter);
  }

  /**
   * Scans the row starting at `start` in `text` into `out`. With `final` false, a row that runs
   * into the end of `text` is `INCOMPLETE`; with `final` true, the end of `text` ends the row.
   * Fields past the view's capacity are counted but not stored (typed-array writes out of range
   * are dropped), which is all a row of the wrong length needs.
   */
  scan(text: string, start: number, final: boolean, out: GtdFields): Scan {
    const delimiter = this.delimiter;
    const starts = out.starts;
    const ends = out.ends;
    const length = text.length;
    let lineEnd = text.indexOf('\n', start);
    if (lineEnd < 0) {
      if (!final) return INCOMPLETE;
      lineEnd = length;
    }
    if (this.strayQuotes.length > 0) this.strayQuotes = [];
    out.reset();
    let lines = 1;
    let field = 0;
    let at = start;
    for (;;) {
      const c = text.charCodeAt(at);
      if (c === delimiter) {
        starts[field] = ends[field] = at;
        field++;
        at++;
        continue;
      }
      if (c === QUOTE) {
        let close = text.indexOf('"', at + 1);
        let escaped = false;
        for (;;) {
          if (close < 0) {
            if (!final) return INCOMPLETE;
            this.badField = field;
            return UNTERMINATED;
          }
          // At the very end of the text, the next character may yet be a second quote.
          if (close + 1 >= length) {
            if (!final) return INCOMPLETE;
            break;
          }
          if (text.charCodeAt(close + 1) !== QUOTE) break;
          escaped = true;
          close = text.indexOf('"', close + 2);
        }
        if (close > lineEnd) {
          lines++;
          for (
            let nl = text.indexOf('\n', lineEnd + 1);
            nl >= 0 && nl < close;
            nl = text.indexOf('\n', nl + 1)
          ) {
            lines++;
          }
          lineEnd = text.indexOf('\n', close);
          if (lineEnd < 0) {
            if (!final) return INCOMPLETE;
            lineEnd = length;
          }
        }
        let after = close + 1;
        const next = text.charCodeAt(after);
        if (
          next !== delimiter &&
          next !== LF &&
          after !== lineEnd &&
          !(next === CR && after + 1 === lineEnd)
        ) {
          // Text after the closing quote: keep the field as written up to the delimiter.
          this.strayQuotes.push(field);
          let d = text.indexOf(this.delimiterText, after);
          if (d < 0 || d > lineEnd) d = text.charCodeAt(lineEnd - 1) === CR ? lineEnd - 1 : lineEnd;
          starts[field] = at;
          ends[field] = d;
          after = d;
        } else {
          starts[field] = at + 1;
          ends[field] = close;
          if (escaped) out.markEscaped(field);
        }
        field++;
        if (text.charCodeAt(after) === delimiter) {
          at = after + 1;
          continue;
        }
        return this.rowEnd(field, lineEnd, lines, out);
      }
      if (at >= lineEnd || (c === CR && at + 1 === lineEnd)) {
        starts[field] = ends[field] = at;
        return this.rowEnd(field + 1, lineEnd, lines, out);
      }
      // One- and two-character fields are most of a GTD row: look before calling indexOf.
      let d: number;
      if (text.charCodeAt(at + 1) === delimiter) d = at + 1;
      else if (text.charCodeAt(at + 2) === delimiter && at + 2 < lineEnd) d = at + 2;
      else {
        d = text.indexOf(this.delimiterText, at + 1);
        if (d < 0 || d > lineEnd) {
          starts[field] = at;
          ends[field] = text.charCodeAt(lineEnd - 1) === CR && lineEnd - 1 >= at ? lineEnd - 1 : lineEnd;
          return this.rowEnd(field + 1, lineEnd, lines, out);
        }
      }
      starts[field] = at;
      ends[field] = d;
      field++;
      at = d + 1;
    }
  }

  private rowEnd(fieldCount: number, lineEnd: number, lines: number, out: GtdFields): Scan {
    this.fieldCount = fieldCount;
    this.next = lineEnd + 1;
    this.lines = lines;
    if (this.insertAt !== null) out.insertEmpty(this.insertAt);
    return ROW;
  }
}
