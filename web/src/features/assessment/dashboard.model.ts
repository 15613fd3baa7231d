import type { StatusName, StatusPeriod } from '../../api/types.ts';
import type { ChartTable } from './csv.model.ts';
import type { FormsView, IndexPoint, IndexView, Measure } from './types.ts';

/**
 * The dashboard's arithmetic: a measure's value in a year, each chart's figures as a table (the
 * same table feeds the chart, its CSV and its text alternative), the default period, and which
 * states make up the SCO space in a year. Pure, so it is tested without a browser.
 */

/** The value of `measure` in one year's figures: the index (0–10), incidents or deaths. */
export function measureValue(point: IndexPoint, measure: Measure): number {
  if (measure === 'index') return point.score;
  return measure === 'incidents' ? point.incidents : point.killed;
}

/** Each state's value of `measure` in `year` (states without that year are left out). */
export function yearValues(index: IndexView, year: number, measure: Measure): Map<string, number> {
  const values = new Map<string, number>();
  for (const state of index.states) {
    const point = state.series.find((p) => p.year === year);
    if (point) values.set(state.code, measureValue(point, measure));
  }
  return values;
}

/** The largest value of `measure` of any state in any year of the answer (0 when none). */
export function largestValue(index: IndexView, measure: Measure): number {
  let largest = 0;
  for (const state of index.states)
    for (const point of state.series) largest = Math.max(largest, measureValue(point, measure));
  return largest;
}

/** Every year of a period, in order. */
export function yearsOf(period: { from: number; to: number }): number[] {
  return Array.from({ length: Math.max(0, period.to - period.from + 1) }, (_, i) => period.from + i);
}

/**
 * The trend chart's figures: a row per year, a column per state (named by `nameOf`), and the
 * region's column last when there is one; each cell is `measure` (the region's index is the mean
 * of its states' scores, its counts their sums, as the API gives them).
 */
export function trendTable(
  index: IndexView,
  measure: Measure,
  labels: { year: string; nameOf: (code: string) => string; region?: string },
): ChartTable {
  const columns = [labels.year, ...index.states.map((s) => labels.nameOf(s.code))];
  const region = index.region;
  if (region) columns.push(labels.region ?? region.name);
  const cell = (series: readonly IndexPoint[], year: number) => {
    const point = series.find((p) => p.year === year);
    return point ? measureValue(point, measure) : null;
  };
  const rows = yearsOf(index.period).map((year) => [
    year,
    ...index.states.map((s) => cell(s.series, year)),
    ...(region ? [cell(region.series, year)] : []),
  ]);
  return { columns, rows };
}

/** The count a breakdown chart shows for a measure: deaths for deaths, incidents otherwise. */
export const formsCount = (measure: Measure): 'incidents' | 'killed' =>
  measure === 'deaths' ? 'killed' : 'incidents';

/**
 * A breakdown chart's figures: a row per year and a column per form, the `top` largest over the
 * period (by `count`) plus every CBRN weapon type that occurred, and the rest summed as `other`.
 * Forms that never occurred are left out. `nameOf` gives a form's column header.
 */
export function formsTable(
  forms: FormsView,
  count: 'incidents' | 'killed',
  labels: { year: string; other: string; nameOf: (name: string, cbrn: boolean) => string },
  top = 5,
): ChartTable {
  const occurred = forms.categories
    .filter((c) => c.total[count] > 0)
    .sort((a, b) => b.total[count] - a.total[count] || a.name.localeCompare(b.name));
  const shown = occurred.filter((c, i) => i < top || c.cbrn);
  const rest = occurred.filter((c) => !shown.includes(c));
  const columns = [labels.year, ...shown.map((c) => labels.nameOf(c.name, c.cbrn))];
  if (rest.length) columns.push(labels.other);
  const rows = yearsOf(forms.period).map((year) => {
    const at = (c: (typeof occurred)[number]) => c.series.find((p) => p.year === year)?.[count] ?? 0;
    const row: (number | null)[] = [year, ...shown.map(at)];
    if (rest.length) row.push(rest.reduce((sum, c) => sum + at(c), 0));
    return row;
  });
  return { columns, rows };
}

/** The CBRN chart's figures: incidents with a chemical, biological, radiological or nuclear weapon. */
export function cbrnTable(forms: FormsView, labels: { year: string; incidents: string }): ChartTable {
  return {
    columns: [labels.year, labels.incidents],
    rows: forms.cbrn.map((p) => [p.year, p.incidents]),
  };
}

/**
 * The period to open on when none is chosen: the ten years up to the last year with an incident
 * the reader may see (so a database whose data end years ago does not open on empty years), or
 * the ten years up to `thisYear` when there is none.
 */
export function defaultPeriod(
  coverage: IndexView | undefined,
  thisYear: number,
  span = 10,
): { from: number; to: number } {
  let last = 0;
  for (const state of coverage?.states ?? [])
    for (const point of state.series) if (point.incidents > 0) last = Math.max(last, point.year);
  const to = last || thisYear;
  return { from: to - span + 1, to };
}

/** The statuses that place a state in the SCO space (membership, observers, partners). */
const SPACE: readonly StatusName[] = ['shanghai-five', 'member', 'observer', 'dialogue-partner', 'partner'];

/** A state's status on an ISO date (periods end the day before `to`), or null. */
export function statusOn(statuses: readonly StatusPeriod[], date: string): StatusName | null {
  const period = statuses.find((s) => s.from <= date && (s.to === null || date < s.to));
  return period?.status ?? null;
}

/**
 * The SCO space at the end of `year`: each state that was a member (or a Shanghai Five founder),
 * an observer or a partner then, with its status.
 */
export function scoSpace(
  states: readonly { code: string; statuses: readonly StatusPeriod[] }[],
  year: number,
): Map<string, StatusName> {
  const space = new Map<string, StatusName>();
  for (const state of states) {
    const status = statusOn(state.statuses, `${year}-12-31`);
    if (status && SPACE.includes(status)) space.set(state.code, status);
  }
  return space;
}

/** A key for the name of a GTD form in the string resources ("Bombing/Explosion" → "bombing-explosion"). */
export const formKey = (name: string): string =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
