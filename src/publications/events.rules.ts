import { Invalid } from '../errors.ts';
import { isCountryCode } from '../registry/countries.ts';
import { foldForSearch, isIsoDate } from '../registry/registry.rules.ts';

/**
 * The pure rules of events: what an event is made of, how its dates are read (whole days, or
 * instants given with their offset and kept in UTC), the span of time it covers, whether it
 * falls in a period, and the checks of its parts. No clock, no database.
 */

export const EVENT_KINDS = ['seminar', 'conference', 'symposium', 'expert-meeting'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
export const AUDIENCES = ['public', 'community'] as const;
export type Audience = (typeof AUDIENCES)[number];
export const EVENT_STATUSES = ['scheduled', 'cancelled'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

export type I18n = { en: string; ru?: string; zh?: string };
export type OptionalI18n = { en?: string; ru?: string; zh?: string };

/** Where: a city in a country (ISO 3166-1 alpha-2), or online (with the address, if public). */
export type EventPlace =
  | { kind: 'in-person'; city: string; country: string }
  | { kind: 'online'; url: string | null };

/**
 * One item of the agenda: when (a local time "HH:MM", or a local day and time
 * "YYYY-MM-DDTHH:MM" for events of several days), what, and the role of who speaks (a role,
 * such as "Director of the RATS Executive Committee", never a private person's dossier).
 */
export interface AgendaItem {
  time: string;
  title: string;
  speakerRole: string | null;
}

/** A material: its title and either a link or a registry document's id. */
export interface Material {
  title: string;
  url: string | null;
  documentId: string | null;
}

/** When an event happens, as stored. */
export interface EventTimes {
  allDay: boolean;
  /** A date (whole days) or a UTC instant. */
  starts: string;
  /** The last day (whole days, inclusive) or a UTC instant. */
  ends: string;
  /** The UTC instants covered: [spanStart, spanEnd). */
  spanStart: string;
  spanEnd: string;
}

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** The day after a date, as YYYY-MM-DD. */
export function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** A date-time with its offset as a UTC instant (ISO 8601 with milliseconds), or null. */
export function toUtcInstant(value: string): string | null {
  const match = DATE_TIME.exec(value);
  if (!match) return null;
  const [, date = '', hours, minutes, seconds = '00', offset = 'Z'] = match;
  if (!isIsoDate(date) || Number(hours) > 23 || Number(minutes) > 59 || Number(seconds) > 59) return null;
  if (offset !== 'Z' && (Number(offset.slice(1, 3)) > 23 || Number(offset.slice(4)) > 59)) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

const looksLikeLocalTime = (value: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value);

/**
 * Reads an event's start and end: two dates make a whole-day event (the end is its last day);
 * two date-times with offsets make a timed one, kept in UTC. The end may not be before the start.
 */
export function eventTimes(start: string, end: string): EventTimes {
  if (isIsoDate(start)) {
    if (!isIsoDate(end)) throw new Invalid('end', 'expected a date YYYY-MM-DD, as the start is a whole day');
    if (end < start) throw new Invalid('end', 'must not be before start');
    return {
      allDay: true,
      starts: start,
      ends: end,
      spanStart: `${start}T00:00:00.000Z`,
      spanEnd: `${nextDay(end)}T00:00:00.000Z`,
    };
  }
  const from = toUtcInstant(start);
  if (!from) throw new Invalid('start', dateTimeProblem(start));
  const to = toUtcInstant(end);
  if (!to) throw new Invalid('end', dateTimeProblem(end));
  if (to < from) throw new Invalid('end', 'must not be before start');
  return { allDay: false, starts: from, ends: to, spanStart: from, spanEnd: to };
}

function dateTimeProblem(value: string): string {
  if (looksLikeLocalTime(value)) return `"${value}" needs its time zone offset (Z or +HH:MM)`;
  return `expected a date YYYY-MM-DD or a date-time with offset (2026-05-12T09:00+05:00), got "${value}"`;
}

/** A period asked for: from its first to its last day (dates, inclusive) or between instants. */
export interface Period {
  /** Inclusive UTC instant, or null for no lower bound. */
  from: string | null;
  /** Exclusive UTC instant, or null for no upper bound. */
  to: string | null;
}

/**
 * Reads a period's bounds: a date `from` starts at its midnight (UTC), a date `to` includes the
 * whole day; a date-time is taken as the instant it names. `to` may not be before `from`.
 */
export function periodOf(from?: string | null, to?: string | null): Period {
  const bound = (value: string | null | undefined, field: 'from' | 'to'): string | null => {
    if (value === undefined || value === null || value === '') return null;
    if (isIsoDate(value)) return `${field === 'to' ? nextDay(value) : value}T00:00:00.000Z`;
    const instant = toUtcInstant(value);
    if (!instant) throw new Invalid(field, dateTimeProblem(value));
    return instant;
  };
  const period = { from: bound(from, 'from'), to: bound(to, 'to') };
  if (period.from && period.to && period.to <= period.from) throw new Invalid('to', 'must be after from');
  return period;
}

/**
 * Does an event's span fall in a period? It must start before the period ends and end after it
 * starts; an event of no duration counts when it happens inside the period.
 */
export function overlaps(span: { spanStart: string; spanEnd: string }, period: Period): boolean {
  if (period.to !== null && !(span.spanStart < period.to)) return false;
  if (period.from !== null && !(span.spanEnd > period.from || span.spanStart >= period.from)) return false;
  return true;
}

const AGENDA_TIME = /^(?:(\d{4}-\d{2}-\d{2})T)?([01]\d|2[0-3]):[0-5]\d$/;

/** Checks an agenda item; `at` is its position for naming the field. */
export function agendaItem(item: AgendaItem, at: number): AgendaItem {
  const match = AGENDA_TIME.exec(item.time ?? '');
  if (!match || (match[1] !== undefined && !isIsoDate(match[1]))) {
    throw new Invalid(`agenda.${at}.time`, 'expected a local time HH:MM or YYYY-MM-DDTHH:MM');
  }
  const title = item.title?.trim() ?? '';
  if (!title) throw new Invalid(`agenda.${at}.title`, 'is required');
  const speakerRole = item.speakerRole?.trim() || null;
  return { time: item.time, title, speakerRole };
}

/** Is this an absolute http(s) address? */
export function isWebAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** Checks a material: a title and exactly one of a web address or a registry document's id. */
export function material(item: Partial<Material>, at: number): Material {
  const title = item.title?.trim() ?? '';
  if (!title) throw new Invalid(`materials.${at}.title`, 'is required');
  const url = item.url?.trim() || null;
  const documentId = item.documentId?.trim() || null;
  if ((url === null) === (documentId === null)) {
    throw new Invalid(`materials.${at}.url`, 'give either a web address or a registry document id');
  }
  if (url !== null && !isWebAddress(url)) {
    throw new Invalid(`materials.${at}.url`, 'expected an http or https address');
  }
  return { title, url, documentId };
}

/** Checks a place: a city and an ISO 3166 country, or online with an optional http(s) address. */
export function place(input: {
  online?: boolean | undefined;
  city?: string | null | undefined;
  country?: string | null | undefined;
  url?: string | null | undefined;
}): EventPlace {
  if (input.online) {
    const url = input.url?.trim() || null;
    if (url !== null && !isWebAddress(url))
      throw new Invalid('place.url', 'expected an http or https address');
    return { kind: 'online', url };
  }
  const city = input.city?.trim() ?? '';
  if (!city) throw new Invalid('place.city', 'is required for an event held in person');
  const country = input.country?.trim().toUpperCase() ?? '';
  if (!/^[A-Z]{2}$/.test(country) || !isCountryCode(country)) {
    throw new Invalid('place.country', `expected an ISO 3166-1 alpha-2 code, got "${input.country ?? ''}"`);
  }
  return { kind: 'in-person', city, country };
}

/** Checks a title: English required, Russian and Chinese optional; blanks are dropped. */
export function title(input: Partial<I18n> | undefined): I18n {
  const en = input?.en?.trim() ?? '';
  if (!en) throw new Invalid('title.en', 'is required');
  return compact({ en, ru: input?.ru, zh: input?.zh }) as I18n;
}

/** Text in up to three languages with the blank ones left out. */
export function compact(input: OptionalI18n | undefined): OptionalI18n {
  const out: OptionalI18n = {};
  for (const language of ['en', 'ru', 'zh'] as const) {
    const text = input?.[language]?.trim();
    if (text) out[language] = text;
  }
  return out;
}

/** Checks one of a closed set of words, naming the field. */
export function oneOfWords<V extends readonly string[]>(values: V, value: unknown, field: string): V[number] {
  if (typeof value !== 'string' || !values.includes(value)) {
    throw new Invalid(field, `must be one of ${values.join(', ')}`);
  }
  return value as V[number];
}

/** The text `q` is matched against: titles and descriptions in every language, folded. */
export function searchText(eventTitle: I18n, description: OptionalI18n, city: string | null): string {
  return foldForSearch(
    [eventTitle.en, eventTitle.ru, eventTitle.zh, description.en, description.ru, description.zh, city]
      .filter(Boolean)
      .join(' \n '),
  );
}

/** Names of outside participants: trimmed, blanks and repeats dropped, order kept. */
export function otherParticipants(names: readonly string[]): string[] {
  return [...new Set(names.map((n) => n.trim()).filter(Boolean))];
}
