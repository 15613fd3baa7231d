/**
 * The arithmetic of the timeline, kept pure so it can be tested without a browser: a time
 * domain (milliseconds since the epoch) mapped linearly onto a pixel width, zoomed and panned
 * within fixed bounds, with tick marks and pixel-distance clustering of events.
 */

export interface Domain {
  start: number;
  end: number;
}

export const DAY = 86_400_000;

/** The pixel position of time `t` in a plot `width` pixels wide. */
export function toX(t: number, domain: Domain, width: number): number {
  return ((t - domain.start) / (domain.end - domain.start)) * width;
}

/** The time at pixel `x`. */
export function toTime(x: number, domain: Domain, width: number): number {
  return domain.start + (x / width) * (domain.end - domain.start);
}

/** Keeps a domain inside `bounds` and its span between `minSpan` and the bounds' span. */
export function clampDomain(domain: Domain, bounds: Domain, minSpan: number): Domain {
  const maxSpan = bounds.end - bounds.start;
  const span = Math.min(maxSpan, Math.max(minSpan, domain.end - domain.start));
  const center = (domain.start + domain.end) / 2;
  let start = center - span / 2;
  start = Math.max(bounds.start, Math.min(bounds.end - span, start));
  return { start, end: start + span };
}

/**
 * Zooms by `factor` (> 1 zooms in) keeping the time under `anchor` (0..1 across the plot)
 * where it is, then clamps.
 */
export function zoomDomain(domain: Domain, factor: number, anchor: number, bounds: Domain, minSpan: number) {
  const span = domain.end - domain.start;
  const maxSpan = bounds.end - bounds.start;
  const nextSpan = Math.min(maxSpan, Math.max(minSpan, span / factor));
  const pivot = domain.start + anchor * span;
  const start = pivot - anchor * nextSpan;
  return clampDomain({ start, end: start + nextSpan }, bounds, minSpan);
}

/** Moves the domain by `fraction` of its span (positive moves later in time), then clamps. */
export function panDomain(domain: Domain, fraction: number, bounds: Domain, minSpan: number): Domain {
  const shift = (domain.end - domain.start) * fraction;
  return clampDomain({ start: domain.start + shift, end: domain.end + shift }, bounds, minSpan);
}

/** A domain of `span` centred on time `t`. */
export function centerOn(t: number, span: number, bounds: Domain, minSpan: number): Domain {
  return clampDomain({ start: t - span / 2, end: t + span / 2 }, bounds, minSpan);
}

export interface Tick {
  t: number;
  year: number;
  /** 0-based month, or null for a year tick. */
  month: number | null;
}

const YEAR_STEPS = [1, 2, 5, 10];
const MONTH_STEPS = [1, 3, 6];

/**
 * Tick marks for the visible domain: years every 1, 2, 5 or 10 years, or months every 1, 3
 * or 6 months when a year is wide, so that labels stay at least `minGap` pixels apart.
 */
export function ticks(domain: Domain, width: number, minGap = 64): Tick[] {
  const pxPerYear = (365.25 * DAY * width) / (domain.end - domain.start);
  const first = new Date(domain.start).getUTCFullYear();
  const last = new Date(domain.end).getUTCFullYear();
  const result: Tick[] = [];
  const monthStep = MONTH_STEPS.find((step) => (pxPerYear * step) / 12 >= minGap);
  if (monthStep !== undefined && pxPerYear / 12 >= minGap / 6) {
    for (let year = first; year <= last; year++) {
      for (let month = 0; month < 12; month += monthStep) {
        const t = Date.UTC(year, month, 1);
        if (t >= domain.start && t <= domain.end) result.push({ t, year, month: month === 0 ? null : month });
      }
    }
    return result;
  }
  const step = YEAR_STEPS.find((candidate) => pxPerYear * candidate >= minGap) ?? 20;
  for (let year = Math.ceil(first / step) * step; year <= last; year += step) {
    const t = Date.UTC(year, 0, 1);
    if (t >= domain.start && t <= domain.end) result.push({ t, year, month: null });
  }
  return result;
}

export interface Placed<T> {
  item: T;
  x: number;
}

export interface Cluster<T> {
  /** Stable key: the first item's index in the input. */
  key: string;
  x: number;
  items: T[];
}

/**
 * Groups positioned items (sorted by x) whose neighbours are closer than `minGap` pixels, so
 * that crowded dates become one marker with a count. A cluster spans at most `2 * minGap`
 * pixels, so a long run of events does not collapse into one. It sits at its items' mean x.
 */
export function cluster<T>(placed: Placed<T>[], minGap: number, keyOf: (item: T) => string): Cluster<T>[] {
  const clusters: Cluster<T>[] = [];
  let current: { xs: number[]; items: T[] } | null = null;
  for (const { item, x } of placed) {
    const firstX = current?.xs[0];
    const lastX = current?.xs[current.xs.length - 1];
    if (
      current &&
      firstX !== undefined &&
      lastX !== undefined &&
      x - lastX < minGap &&
      x - firstX <= 2 * minGap
    ) {
      current.xs.push(x);
      current.items.push(item);
      continue;
    }
    if (current) clusters.push(finish(current, keyOf));
    current = { xs: [x], items: [item] };
  }
  if (current) clusters.push(finish(current, keyOf));
  return clusters;
}

function finish<T>(group: { xs: number[]; items: T[] }, keyOf: (item: T) => string): Cluster<T> {
  const x = group.xs.reduce((sum, value) => sum + value, 0) / group.xs.length;
  const first = group.items[0];
  return { key: first === undefined ? String(x) : keyOf(first), x, items: group.items };
}
