/**
 * The regional threat index, modeled on the Global Terrorism Index of the Institute for
 * Economics and Peace (method and sources in docs/threat-index.md). Pure: figures in, scores out.
 *
 * - A state's raw score for a year: incidents × 1 + deaths × 3 + injuries × 0.5 + 2 × the sum of
 *   its incidents' property-damage bands (minor 1, major 2, catastrophic 3, unknown 0).
 * - Its weighted score: the five-year weighted average, (16·r(y) + 8·r(y−1) + 4·r(y−2) +
 *   2·r(y−3) + r(y−4)) / 31.
 * - Its index: 10 × ln(1 + w) / ln(1 + W), where W is the highest weighted score of any state in
 *   any year of the figures: a logarithmic scale from 0 (nothing) to 10 (the worst state-year).
 */

export const WEIGHTS = { incidents: 1, killed: 3, wounded: 0.5, property: 2 } as const;
export const YEAR_WEIGHTS = [16, 8, 4, 2, 1] as const;
const YEAR_WEIGHT_SUM = YEAR_WEIGHTS.reduce((a, b) => a + b, 0);

/** A state's figures for one year (what the reader may see). */
export interface YearFigures {
  incidents: number;
  killed: number;
  wounded: number;
  /** The sum of the property-damage bands. */
  property: number;
}

export const NO_FIGURES: YearFigures = { incidents: 0, killed: 0, wounded: 0, property: 0 };

export function rawScore(f: YearFigures): number {
  return (
    f.incidents * WEIGHTS.incidents +
    f.killed * WEIGHTS.killed +
    f.wounded * WEIGHTS.wounded +
    f.property * WEIGHTS.property
  );
}

/** The five-year weighted average of raw scores at `year` (missing years count as nothing). */
export function weightedScore(raw: ReadonlyMap<number, number>, year: number): number {
  let sum = 0;
  YEAR_WEIGHTS.forEach((weight, back) => {
    sum += weight * (raw.get(year - back) ?? 0);
  });
  return sum / YEAR_WEIGHT_SUM;
}

/** The index of a weighted score against the highest one, on the 0..10 logarithmic scale. */
export function banded(weighted: number, highest: number): number {
  if (weighted <= 0 || highest <= 0) return 0;
  return Math.min(10, (10 * Math.log1p(weighted)) / Math.log1p(highest));
}

const round = (n: number, digits = 3) => Math.round(n * 10 ** digits) / 10 ** digits;

export interface IndexPoint extends YearFigures {
  year: number;
  raw: number;
  weighted: number;
  score: number;
  /** Change of the score over one year and over five years (null before the data begins). */
  change1: number | null;
  change5: number | null;
}

/**
 * The index of every state over `years`, from figures per state and year. The highest weighted
 * score is taken over every state and every year of the figures given, not only those shown, so
 * that narrowing the period or the states does not change a score.
 */
export function computeIndex(
  figures: ReadonlyMap<string, ReadonlyMap<number, YearFigures>>,
  states: readonly string[],
  years: { from: number; to: number },
): { highest: number; states: Map<string, IndexPoint[]> } {
  const rawByState = new Map<string, Map<number, number>>();
  let highest = 0;
  for (const [state, byYear] of figures) {
    const raw = new Map<number, number>();
    for (const [year, f] of byYear) raw.set(year, rawScore(f));
    rawByState.set(state, raw);
    const yearsWithData = [...raw.keys()];
    if (yearsWithData.length === 0) continue;
    const first = Math.min(...yearsWithData);
    const last = Math.max(...yearsWithData) + YEAR_WEIGHTS.length - 1;
    for (let y = first; y <= last; y++) highest = Math.max(highest, weightedScore(raw, y));
  }
  const out = new Map<string, IndexPoint[]>();
  for (const state of states) {
    const raw = rawByState.get(state) ?? new Map<number, number>();
    const byYear = figures.get(state);
    // Scores are shown to three decimals, and their changes are the changes of what is shown.
    const score = (y: number) => round(banded(weightedScore(raw, y), highest));
    const since = raw.size ? Math.min(...raw.keys()) : Number.POSITIVE_INFINITY;
    const points: IndexPoint[] = [];
    for (let year = years.from; year <= years.to; year++) {
      const f = byYear?.get(year) ?? NO_FIGURES;
      const now = score(year);
      points.push({
        year,
        ...f,
        raw: round(raw.get(year) ?? 0),
        weighted: round(weightedScore(raw, year)),
        score: now,
        change1: year - 1 >= since ? round(now - score(year - 1)) : null,
        change5: year - 5 >= since ? round(now - score(year - 5)) : null,
      });
    }
    out.set(state, points);
  }
  return { highest: round(highest), states: out };
}

/** A region's index for a year: the mean of its states' scores; its figures, their sums. */
export function regionSeries(points: readonly (readonly IndexPoint[])[]): IndexPoint[] {
  const first = points[0];
  if (!first) return [];
  return first.map((p, i) => {
    const at = points.map((series) => series[i] as IndexPoint);
    const sum = (f: (x: IndexPoint) => number) => at.reduce((a, x) => a + f(x), 0);
    const mean = (f: (x: IndexPoint) => number | null) => {
      const values = at.map(f);
      return values.some((v) => v === null)
        ? null
        : round(values.reduce((a: number, v) => a + (v ?? 0), 0) / at.length);
    };
    return {
      year: p.year,
      incidents: sum((x) => x.incidents),
      killed: sum((x) => x.killed),
      wounded: sum((x) => x.wounded),
      property: sum((x) => x.property),
      raw: round(sum((x) => x.raw)),
      weighted: round(sum((x) => x.weighted)),
      score: mean((x) => x.score) as number,
      change1: mean((x) => x.change1),
      change5: mean((x) => x.change5),
    };
  });
}
