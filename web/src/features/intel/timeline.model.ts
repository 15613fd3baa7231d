import type { Timeline } from './types.ts';

/**
 * The arithmetic of the incidents-per-year chart: every year from the first to the last (years
 * without incidents are bars of zero, so gaps show), a rounded top for the scale and its ticks.
 * Pure, so it is tested without a browser.
 */

export type YearBar = Timeline['years'][number];

/** Every year between the first and the last given, in order, with zeros where none happened. */
export function everyYear(years: readonly YearBar[]): YearBar[] {
  const numbers = years.map((y) => Number(y.year)).filter(Number.isFinite);
  if (numbers.length === 0) return [];
  const first = Math.min(...numbers);
  const last = Math.max(...numbers);
  const byYear = new Map(years.map((y) => [Number(y.year), y]));
  const result: YearBar[] = [];
  for (let year = first; year <= last; year += 1) {
    result.push(byYear.get(year) ?? { year: String(year), incidents: 0, killed: 0, wounded: 0 });
  }
  return result;
}

/** The smallest 1, 2 or 5 times a power of ten at or above `value` (at least 1). */
export function niceCeiling(value: number): number {
  if (!(value > 1)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

/**
 * Whole-number ticks from 0 to `top` (a `niceCeiling`), a step of 1, 2 or 5 times a power of ten
 * that divides it into at most `count + 1` intervals.
 */
export function ticks(top: number, count = 4): number[] {
  let step = 1;
  for (let power = 1; ; power *= 10) {
    const found = [1, 2, 5].map((m) => m * power).find((s) => top % s === 0 && top / s <= count + 1);
    if (found !== undefined || power > top) {
      step = found ?? top;
      break;
    }
  }
  const result: number[] = [];
  for (let value = 0; value <= top; value += step) result.push(value);
  return result;
}
