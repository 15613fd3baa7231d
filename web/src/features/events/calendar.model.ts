import type { EventSummary } from './types.ts';

/**
 * The month grid and list of the calendar page, pure: months as YYYY-MM, weeks from Monday,
 * each event on the reader's local days it covers (a whole-day event on its own dates, a timed
 * one on the days of the reader's time zone it touches).
 */

const pad = (n: number) => String(n).padStart(2, '0');
const ymd = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const utc = (date: string) => new Date(`${date}T00:00:00Z`);

/** A date plus some days, as YYYY-MM-DD. */
export function addDays(date: string, days: number): string {
  const d = utc(date);
  d.setUTCDate(d.getUTCDate() + days);
  return ymd(d);
}

/** The month asked for in the address (YYYY-MM), or the month of `today`. */
export function monthOf(param: string | null, today: string): string {
  if (param && /^\d{4}-(0[1-9]|1[0-2])$/.test(param)) return param;
  return today.slice(0, 7);
}

/** The month `delta` months from `month`. */
export function shiftMonth(month: string, delta: number): string {
  const [year = 0, m = 1] = month.split('-').map(Number);
  const d = new Date(Date.UTC(year, m - 1 + delta, 1));
  return ymd(d).slice(0, 7);
}

/** The first and last day of a month. */
export function monthBounds(month: string): { first: string; last: string } {
  const first = `${month}-01`;
  return { first, last: addDays(`${shiftMonth(month, 1)}-01`, -1) };
}

export interface GridDay {
  date: string;
  inMonth: boolean;
}

/** The weeks shown for a month, Monday to Sunday, from the week of its first day to that of its last. */
export function monthGrid(month: string): GridDay[][] {
  const { first, last } = monthBounds(month);
  const weekday = (utc(first).getUTCDay() + 6) % 7;
  let day = addDays(first, -weekday);
  const weeks: GridDay[][] = [];
  while (day <= last) {
    const week: GridDay[] = [];
    for (let i = 0; i < 7; i++) {
      week.push({ date: day, inMonth: day.slice(0, 7) === month });
      day = addDays(day, 1);
    }
    weeks.push(week);
  }
  return weeks;
}

/** The local calendar date of an instant, in the reader's time zone (or the one given). */
export function localDate(instant: string, timeZone?: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    ...(timeZone ? { timeZone } : {}),
  }).formatToParts(new Date(instant));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** The first and last local day an event covers. */
export function eventDays(event: Pick<EventSummary, 'allDay' | 'start' | 'end'>, timeZone?: string) {
  if (event.allDay) return { first: event.start, last: event.end };
  const first = localDate(event.start, timeZone);
  // An event ending at midnight does not reach into the day that starts then.
  const endsAt = new Date(new Date(event.end).getTime() - (event.end > event.start ? 1 : 0)).toISOString();
  return { first, last: localDate(endsAt, timeZone) };
}

/** The events on each day of `days`, in the order given. */
export function eventsByDay<E extends Pick<EventSummary, 'allDay' | 'start' | 'end'>>(
  events: readonly E[],
  days: readonly string[],
  timeZone?: string,
): Map<string, E[]> {
  const result = new Map<string, E[]>(days.map((d) => [d, []]));
  for (const event of events) {
    const { first, last } = eventDays(event, timeZone);
    for (const day of days) if (day >= first && day <= last) result.get(day)?.push(event);
  }
  return result;
}

/** The events touching a month, each once, in time order (for the list view). */
export function eventsOfMonth<E extends Pick<EventSummary, 'allDay' | 'start' | 'end'>>(
  events: readonly E[],
  month: string,
  timeZone?: string,
): E[] {
  const { first, last } = monthBounds(month);
  return events.filter((e) => {
    const days = eventDays(e, timeZone);
    return days.first <= last && days.last >= first;
  });
}
