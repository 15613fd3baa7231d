import { GTD_COLUMNS } from './gtd.columns.ts';

/**
 * One row's fields as positions in a decoded piece of the file, in the 135-column layout. The
 * reader scans a chunk once and points this view at each row in turn, so that numbers are parsed
 * straight from the text and only the text the record keeps is ever copied: at 135 fields a row,
 * a string per field would cost more than the rest of the import.
 */
export class GtdFields {
  /** The text the positions point into (a chunk of the file, or a joined row in tests). */
  source = '';
  /** One slot more than the layout, so that a 134-column row can be shifted into place. */
  readonly starts = new Int32Array(GTD_COLUMNS.length + 1);
  readonly ends = new Int32Array(GTD_COLUMNS.length + 1);
  /** 1 where a quoted field held doubled quotes: its text is the slice with each `""` made `"`. */
  private readonly escaped = new Uint8Array(GTD_COLUMNS.length + 1);
  private readonly escapedSlots: number[] = [];

  /** A view over plain strings, one per column of the 135-column layout (tests, generators). */
  static of(values: readonly string[]): GtdFields {
    const fields = new GtdFields();
    fields.source = values.join('');
    let at = 0;
    for (let i = 0; i < GTD_COLUMNS.length; i++) {
      const value = values[i] ?? '';
      fields.starts[i] = at;
      at += value.length;
      fields.ends[i] = at;
    }
    return fields;
  }

  /** Forgets the previous row's escaped fields; positions are overwritten by the scanner. */
  reset(): void {
    const slots = this.escapedSlots;
    if (slots.length === 0) return;
    for (const i of slots) this.escaped[i] = 0;
    slots.length = 0;
  }

  /** Marks column `i` as a quoted field whose text holds doubled quotes. */
  markEscaped(i: number): void {
    this.escaped[i] = 1;
    this.escapedSlots.push(i);
  }

  /** Moves the fields from `at` on one slot later and leaves `at` empty (134-column rows). */
  insertEmpty(at: number): void {
    const last = GTD_COLUMNS.length - 1;
    this.starts.copyWithin(at + 1, at, last);
    this.ends.copyWithin(at + 1, at, last);
    this.starts[at] = this.ends[at] = 0;
    const slots = this.escapedSlots;
    if (slots.length === 0) return;
    for (const i of slots) this.escaped[i] = 0;
    for (let k = 0; k < slots.length; k++) {
      const i = slots[k] as number;
      if (i >= at) slots[k] = i + 1;
      this.escaped[slots[k] as number] = 1;
    }
  }

  empty(i: number): boolean {
    return this.starts[i] === this.ends[i];
  }

  text(i: number): string {
    const start = this.starts[i] as number;
    const end = this.ends[i] as number;
    if (this.escaped[i] === 1) return unescapeQuotes(this.source, start, end);
    return this.source.slice(start, end);
  }

  /** The text, or null when the field is empty. */
  textOrNull(i: number): string | null {
    return this.starts[i] === this.ends[i] ? null : this.text(i);
  }

  /** True when column `i` holds exactly `text` (no copy made). */
  is(i: number, text: string): boolean {
    if (this.escaped[i] === 1) return this.text(i) === text;
    const s = this.source;
    const start = this.starts[i] as number;
    const length = text.length;
    if ((this.ends[i] as number) - start !== length) return false;
    // A loop the compiler inlines beats `startsWith` here: labels are short.
    for (let k = 0; k < length; k++) if (s.charCodeAt(start + k) !== text.charCodeAt(k)) return false;
    return true;
  }

  /**
   * True when column `i` has the length, first and last character of `text`: the reader's test
   * that a code's label is the one it saw before, at the cost of three reads instead of a copy.
   */
  resembles(i: number, text: string): boolean {
    const start = this.starts[i] as number;
    const end = this.ends[i] as number;
    const s = this.source;
    return (
      end - start === text.length &&
      this.escaped[i] === 0 &&
      s.charCodeAt(start) === text.charCodeAt(0) &&
      s.charCodeAt(end - 1) === text.charCodeAt(text.length - 1)
    );
  }

  /**
   * The whole number in column `i`, or NaN when it is not one. Exports written by spreadsheet or
   * data-frame tools print codes as `3.0`, so a fraction of zeros is accepted; spaces are not.
   * Call only on a non-empty field.
   */
  int(i: number): number {
    const s = this.source;
    let p = this.starts[i] as number;
    const end = this.ends[i] as number;
    if (end - p === 1) {
      // Most codes and every yes/no field: one digit.
      const digit = s.charCodeAt(p) - 48;
      return digit >= 0 && digit <= 9 ? digit : Number.NaN;
    }
    let negative = false;
    if (s.charCodeAt(p) === 45) {
      negative = true;
      p++;
    }
    const first = p;
    let value = 0;
    for (; p < end; p++) {
      const digit = s.charCodeAt(p) - 48;
      if (digit >= 0 && digit <= 9) {
        value = value * 10 + digit;
        continue;
      }
      if (digit !== -2 || p === first) return Number.NaN; // '.' after at least one digit
      for (p++; p < end; p++) if (s.charCodeAt(p) !== 48) return Number.NaN;
      break;
    }
    if (p === first || value > Number.MAX_SAFE_INTEGER) return Number.NaN;
    return negative ? -value : value;
  }

  /**
   * The decimal number in column `i`, or NaN when it is not one. Plain decimals are computed
   * from the digits (an integer below 2^53 divided by an exact power of ten rounds correctly);
   * anything else (exponents, long fractions) goes through `Number` after a strict check.
   * Call only on a non-empty field.
   */
  num(i: number): number {
    const s = this.source;
    let p = this.starts[i] as number;
    const end = this.ends[i] as number;
    const negative = s.charCodeAt(p) === 45;
    if (negative) p++;
    let mantissa = 0;
    let digits = 0;
    let scale = -1;
    for (; p < end; p++) {
      const digit = s.charCodeAt(p) - 48;
      if (digit >= 0 && digit <= 9) {
        mantissa = mantissa * 10 + digit;
        digits++;
        if (scale >= 0) scale++;
      } else if (digit === -2 && scale < 0) {
        scale = 0;
      } else {
        return this.numSlow(i);
      }
    }
    if (digits === 0) return Number.NaN;
    if (digits > 15 || scale > 22) return this.numSlow(i);
    const value = scale > 0 ? mantissa / (POWERS_OF_TEN[scale] as number) : mantissa;
    return negative ? -value : value;
  }

  private numSlow(i: number): number {
    const text = this.text(i);
    return DECIMAL.test(text) ? Number(text) : Number.NaN;
  }
}

/** The text of `source` from `start` to `end` with each doubled quote made single. */
function unescapeQuotes(source: string, start: number, end: number): string {
  let text = '';
  let at = start;
  for (;;) {
    const quote = source.indexOf('"', at);
    if (quote < 0 || quote >= end) return text + source.slice(at, end);
    text += source.slice(at, quote + 1);
    at = quote + 2;
  }
}

const DECIMAL = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => 10 ** k);
