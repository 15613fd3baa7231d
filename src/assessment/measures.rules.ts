/**
 * Pure rules of the monitoring of joint measures (exercises, operations, trainings): the closed
 * vocabularies, the checks a measure's dates and a measurement's date must pass, and how an
 * indicator is read from its measurements (latest value, progress to target, trend, on track).
 * No clock, no database: today's date is passed in.
 */
import { isIsoDate } from '../registry/registry.rules.ts';

export const MEASURE_KINDS = ['exercise', 'operation', 'training'] as const;
export type MeasureKind = (typeof MEASURE_KINDS)[number];

/** The Shanghai Convention's three evils, and the two crimes the information center also follows. */
export const MEASURE_CATEGORIES = [
  'terrorism',
  'separatism',
  'extremism',
  'drug-trafficking',
  'organized-crime',
] as const;
export type MeasureCategory = (typeof MEASURE_CATEGORIES)[number];

export const DIRECTIONS = ['higher-is-better', 'lower-is-better'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const TRENDS = ['rising', 'falling', 'flat'] as const;
export type Trend = (typeof TRENDS)[number];

/** Fields of a measure the sources may leave unconfirmed (the record says which). */
export const UNCONFIRMABLE = [
  'dates',
  'places',
  'participants',
  'categories',
  'objectives',
  'outcomes',
] as const;

/** The earliest date a measure or a measurement may carry: the year the Shanghai Five first met. */
export const EARLIEST_DATE = '1996-01-01';
/** The latest date a measure may be planned for. */
export const LATEST_DATE = '2100-12-31';

/** Is `value` a real calendar date written YYYY-MM-DD? (The registry's rule.) */
export const isCalendarDate = isIsoDate;

/** A fault of the input: the field it concerns and what is wrong with it. */
export interface Fault {
  field: string;
  problem: string;
}

/** What is wrong with a measure's period, if anything: each date real and in range, end not before start. */
export function periodFault(start: string, end: string): Fault | null {
  for (const [field, value] of [
    ['start', start],
    ['end', end],
  ] as const) {
    if (!isCalendarDate(value))
      return { field, problem: `expected a calendar date YYYY-MM-DD, got "${value}"` };
    if (value < EARLIEST_DATE || value > LATEST_DATE) {
      return { field, problem: `must be between ${EARLIEST_DATE} and ${LATEST_DATE}` };
    }
  }
  if (end < start) return { field: 'end', problem: `must not be before the start (${start})` };
  return null;
}

/**
 * What is wrong with a measurement's date and value, if anything: the date is real, not before
 * 1996 and not after today (a value is measured, never foreseen); the value is a finite number.
 */
export function measurementFault(date: string, value: number, today: string): Fault | null {
  if (!isCalendarDate(date))
    return { field: 'date', problem: `expected a calendar date YYYY-MM-DD, got "${date}"` };
  if (date < EARLIEST_DATE) return { field: 'date', problem: `must not be before ${EARLIEST_DATE}` };
  if (date > today) return { field: 'date', problem: `must not be after today (${today})` };
  if (typeof value !== 'number' || !Number.isFinite(value))
    return { field: 'value', problem: 'must be a number' };
  return null;
}

export interface IndicatorTarget {
  target: number;
  direction: Direction;
  /** The value progress is counted from; when absent, the first measurement. */
  baseline?: number | null | undefined;
  /** The date the target is due; when present, on track means the trend reaches it by then. */
  due?: string | null | undefined;
}

export interface Reading {
  date: string;
  value: number;
}

export interface IndicatorProgress {
  latest: Reading | null;
  /** Share of the way from the baseline to the target, 0 to 1; null without measurements. */
  progress: number | null;
  /** The direction of the least-squares line through the measurements; null with fewer than two. */
  trend: Trend | null;
  /** Met, or heading for the target (by its due date when it has one); null when it cannot be told. */
  onTrack: boolean | null;
  /** Whether the latest value is on the target or beyond it in the good direction. */
  met: boolean;
}

/** Share of a value's scale below which a fitted change counts as no change. */
const FLAT_TOLERANCE = 0.01;

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

/** Measurements in date order (a stable sort: equal dates keep the order given). */
export const inDateOrder = <R extends Reading>(readings: readonly R[]): R[] =>
  [...readings].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

/** Slope (value per day) and intercept of the least-squares line through the readings, days from the first. */
function fitLine(readings: readonly Reading[]): { slope: number; intercept: number; origin: number } {
  const origin = dayNumber((readings[0] as Reading).date);
  const xs = readings.map((r) => dayNumber(r.date) - origin);
  const n = readings.length;
  const meanX = xs.reduce((s, x) => s + x, 0) / n;
  const meanY = readings.reduce((s, r) => s + r.value, 0) / n;
  let sxy = 0;
  let sxx = 0;
  readings.forEach((r, i) => {
    const dx = (xs[i] as number) - meanX;
    sxy += dx * (r.value - meanY);
    sxx += dx * dx;
  });
  const slope = sxx === 0 ? 0 : sxy / sxx;
  return { slope, intercept: meanY - slope * meanX, origin };
}

const isMet = (value: number, indicator: IndicatorTarget) =>
  indicator.direction === 'higher-is-better' ? value >= indicator.target : value <= indicator.target;

/**
 * Reads an indicator from its measurements (any order). The latest is the last by date. Progress
 * is the share of the way from the baseline (or the first measurement) to the target that the
 * latest value has covered, between 0 and 1, and 1 once the target is met. The trend is the sign
 * of the least-squares line over the whole span, flat when the fitted change is within 1% of the
 * indicator's scale. On track: met; or, with two measurements or more, the trend heads for the
 * target and (when a due date is set) the fitted line reaches it by that date.
 */
export function indicatorProgress(
  indicator: IndicatorTarget,
  measurements: readonly Reading[],
): IndicatorProgress {
  if (measurements.length === 0)
    return { latest: null, progress: null, trend: null, onTrack: null, met: false };
  const ordered = inDateOrder(measurements);
  const latest = ordered.at(-1) as Reading;
  const met = isMet(latest.value, indicator);
  const baseline = indicator.baseline ?? (ordered[0] as Reading).value;
  const sign = indicator.direction === 'higher-is-better' ? 1 : -1;
  // Distance still to cover, counted in the good direction.
  const way = sign * (indicator.target - baseline);
  const covered = sign * (latest.value - baseline);
  const progress = met ? 1 : way <= 0 ? 0 : Math.min(1, Math.max(0, covered / way));
  if (ordered.length < 2) return { latest, progress, trend: null, onTrack: met ? true : null, met };

  const line = fitLine(ordered);
  const span = dayNumber(latest.date) - line.origin;
  const values = ordered.map((r) => Math.abs(r.value));
  const scale = Math.max(Math.abs(indicator.target - baseline), ...values, Number.EPSILON);
  const change = line.slope * span;
  const trend: Trend =
    Math.abs(change) <= FLAT_TOLERANCE * scale ? 'flat' : change > 0 ? 'rising' : 'falling';
  const improving = trend === (sign > 0 ? 'rising' : 'falling');
  let onTrack = met || improving;
  if (!met && improving && indicator.due && isCalendarDate(indicator.due)) {
    const projected = line.intercept + line.slope * (dayNumber(indicator.due) - line.origin);
    onTrack = isMet(projected, indicator);
  }
  return { latest, progress, trend, onTrack, met };
}

/** A short summary of a measure's outcomes for lists and bulletins: the first ones, within `max` characters. */
export function outcomeSummary(outcomes: readonly string[], max = 280): string | null {
  const text = outcomes
    .map((o) => o.trim())
    .filter(Boolean)
    .join(' ');
  if (!text) return null;
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** Does the measure's period [start, end] meet the period [from, to] (both inclusive, either end open)? */
export function overlaps(
  measure: { start: string; end: string },
  period: { from?: string | undefined; to?: string | undefined },
): boolean {
  return (!period.from || measure.end >= period.from) && (!period.to || measure.start <= period.to);
}
