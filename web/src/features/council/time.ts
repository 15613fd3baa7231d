/**
 * Time arithmetic for deadlines: a wall-clock time in a chosen IANA time zone turned into an ISO
 * 8601 instant with its offset (what the API asks for), and the parts of a countdown. Pure, and
 * through Intl only.
 */

const partFormats = new Map<string, Intl.DateTimeFormat>();

function partsIn(zone: string): Intl.DateTimeFormat {
  let format = partFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partFormats.set(zone, format);
  }
  return format;
}

/** The wall-clock time in `zone` at instant `ms`, as if it were UTC (milliseconds, whole seconds). */
function wallClock(zone: string, ms: number): number {
  const parts = partsIn(zone).formatToParts(new Date(ms));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour') % 24, get('minute'), get('second'));
}

/** The offset of `zone` from UTC at instant `ms`, in minutes (480 for Asia/Shanghai). */
export function zoneOffsetMinutes(zone: string, ms: number): number {
  const whole = Math.floor(ms / 1000) * 1000;
  return Math.round((wallClock(zone, whole) - whole) / 60_000);
}

/** "+08:00", "-03:30", "+00:00". */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${sign}${hh}:${mm}`;
}

/** Whether Intl knows the time zone. */
export function isTimeZone(zone: string): boolean {
  try {
    partsIn(zone);
    return true;
  } catch {
    return false;
  }
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * A `datetime-local` value ("2026-12-01T18:00") read in `zone`, as an ISO instant with that zone's
 * offset then ("2026-12-01T18:00:00+08:00"); null when the value is malformed or the time does not
 * exist there (skipped by a daylight-saving change).
 */
export function wallTimeToIso(local: string, zone: string): string | null {
  const match = LOCAL.exec(local);
  if (!match || !isTimeZone(zone)) return null;
  const [, year, month, day, hour, minute, second = '00'] = match;
  const wall = Date.UTC(
    Number(year),
    Number(month) - 1,
    Number(day),
    Number(hour),
    Number(minute),
    Number(second),
  );
  if (Number.isNaN(wall)) return null;
  let offset = zoneOffsetMinutes(zone, wall);
  let instant = wall - offset * 60_000;
  const corrected = zoneOffsetMinutes(zone, instant);
  if (corrected !== offset) {
    offset = corrected;
    instant = wall - offset * 60_000;
  }
  if (wallClock(zone, instant) !== wall) return null;
  return `${year}-${month}-${day}T${hour}:${minute}:${second}${formatOffset(offset)}`;
}

/** The `datetime-local` value of instant `ms` in `zone` ("2026-12-01T18:00"). */
export function isoToWallTime(ms: number, zone: string): string {
  return new Date(wallClock(zone, ms)).toISOString().slice(0, 16);
}

/**
 * The `datetime-local` value `hours` after instant `nowMs` in `zone`, on the hour (minutes
 * dropped): a reasonable first deadline for a form.
 */
export function wallTimeAhead(nowMs: number, zone: string, hours: number): string {
  return `${isoToWallTime(nowMs + hours * 3600_000, zone).slice(0, 13)}:00`;
}

/** The viewer's time zone, as the browser reports it. */
export function viewerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** Every time zone Intl knows, UTC first. */
export function timeZones(): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return ['UTC', ...known.filter((zone) => zone !== 'UTC')];
}

export interface Countdown {
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
  /** True once the moment has come. */
  over: boolean;
}

/** What is left until `targetMs` at `nowMs`, in whole seconds. */
export function countdown(targetMs: number, nowMs: number): Countdown {
  const left = Math.max(0, Math.ceil((targetMs - nowMs) / 1000));
  return {
    days: Math.floor(left / 86_400),
    hours: Math.floor((left % 86_400) / 3600),
    minutes: Math.floor((left % 3600) / 60),
    seconds: left % 60,
    over: left === 0,
  };
}

/** "03:14:05". */
export function clock({ hours, minutes, seconds }: Countdown): string {
  return [hours, minutes, seconds].map((n) => String(n).padStart(2, '0')).join(':');
}

const instantFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * A moment in a given time zone ("1 Dec 2026, 18:00"), in the interface locale; without a zone,
 * in the viewer's own.
 */
export function formatInstant(value: string, locale: string, zone?: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const key = `${locale}|${zone ?? ''}`;
  let format = instantFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      dateStyle: 'medium',
      timeStyle: 'short',
      ...(zone ? { timeZone: zone } : {}),
    });
    instantFormats.set(key, format);
  }
  return format.format(date);
}
