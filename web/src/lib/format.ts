import type { I18n } from '../api/types.ts';
import { type Language, LOCALES } from '../i18n/index.ts';

/**
 * Formatting of data for display, always through Intl in the interface language. Dates from
 * the API are ISO 8601 calendar dates, sometimes reduced to a month or a year.
 */

/** The text in the chosen language, falling back to English. */
export function pickText(text: I18n | null | undefined, language: Language): string {
  if (!text) return '';
  return text[language] ?? text.en;
}

/** A calendar date (or reduced date) as a UTC Date, or null when it is not one. */
export function parseIsoDate(value: string): Date | null {
  const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(value);
  if (!match) return null;
  const [, year, month = '01', day = '01'] = match;
  return new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
}

/** How precise an ISO date string is. */
function precision(value: string): 'year' | 'month' | 'day' {
  if (value.length === 4) return 'year';
  if (value.length === 7) return 'month';
  return 'day';
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function dateFormat(language: Language, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${language}:${JSON.stringify(options)}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALES[language], { ...options, timeZone: 'UTC' });
    formatters.set(key, format);
  }
  return format;
}

const OPTIONS: Record<'year' | 'month' | 'day', Intl.DateTimeFormatOptions> = {
  year: { year: 'numeric' },
  month: { year: 'numeric', month: 'long' },
  day: { year: 'numeric', month: 'long', day: 'numeric' },
};

/** "7 June 2002", "7 июня 2002 г.", "2002年6月7日"; reduced dates keep their precision. */
export function formatDate(value: string | null | undefined, language: Language): string {
  if (!value) return '';
  const date = parseIsoDate(value);
  if (!date) return value;
  return dateFormat(language, OPTIONS[precision(value)]).format(date);
}

/** A span of days, collapsed by Intl ("14–15 June 2001"); one day when start equals end. */
export function formatDateRange(start: string, end: string, language: Language): string {
  const from = parseIsoDate(start);
  const to = parseIsoDate(end);
  if (!from || !to || start === end) return formatDate(start, language);
  return dateFormat(language, OPTIONS.day).formatRange(from, to);
}

/** The year of an ISO date, as Intl writes a year on its own ("2002", "2002 г.", "2002年"). */
export function formatYear(value: string | number, language: Language): string {
  const year = typeof value === 'number' ? value : Number(value.slice(0, 4));
  return dateFormat(language, OPTIONS.year).format(new Date(Date.UTC(year, 0, 1)));
}

const timestampFormats = new Map<Language, Intl.DateTimeFormat>();

/** A moment (ISO 8601 timestamp) in the reader's time zone: "7 Jun 2026, 14:05". */
export function formatDateTime(value: string | null | undefined, language: Language): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  let format = timestampFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'medium', timeStyle: 'short' });
    timestampFormats.set(language, format);
  }
  return format.format(date);
}

/** A whole number in the interface language's grouping. */
export function formatNumber(value: number, language: Language): string {
  return new Intl.NumberFormat(LOCALES[language]).format(value);
}

/** Today's date as YYYY-MM-DD in UTC. */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** A source URL shortened for link text: host and path, without scheme and "www.". */
export function sourceLabel(url: string, max = 64): string {
  try {
    const parsed = new URL(url);
    const host = parsed.hostname.replace(/^www\./, '');
    const path = parsed.pathname === '/' ? '' : decodeURIComponent(parsed.pathname);
    const label = `${host}${path}${parsed.search}`;
    return label.length > max ? `${label.slice(0, max - 1)}…` : label;
  } catch {
    return url;
  }
}
