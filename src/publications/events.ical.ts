/**
 * A small iCalendar (RFC 5545) writer for events, pure: text values escaped (section 3.3.11),
 * content lines folded at 75 octets without splitting a UTF-8 character (3.1), CRLF line ends,
 * whole days as DATE values with the exclusive DTEND the RFC asks for, instants in UTC.
 * Written here rather than taken from a library: a calendar of VEVENTs is these few rules, and
 * they are property-tested and read back by a real parser in the tests.
 */

const CRLF = '\r\n';
const MAX_OCTETS = 75;

/** Escapes a TEXT value: backslash, semicolon, comma, and line breaks as `\n`. */
export function escapeText(value: string): string {
  return value.replace(/\r\n?/g, '\n').replace(/[\\;,\n]/g, (c) => (c === '\n' ? '\\n' : `\\${c}`));
}

/** Reverses `escapeText` (what a reader does with a TEXT value). */
export function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

const octets = (text: string) => Buffer.byteLength(text, 'utf8');

/**
 * Folds one content line: no line longer than 75 octets, each continuation starting with one
 * space (which counts), never inside a character. Lines are joined with CRLF.
 */
export function foldLine(line: string): string {
  const lines: string[] = [];
  let current = '';
  let size = 0;
  for (const char of line) {
    const n = octets(char);
    if (size + n > MAX_OCTETS) {
      lines.push(current);
      current = ' ';
      size = 1;
    }
    current += char;
    size += n;
  }
  lines.push(current);
  return lines.join(CRLF);
}

/** Reverses folding: a CRLF followed by one space or tab joins the lines. */
export function unfold(text: string): string {
  return text.replace(/\r\n[ \t]/g, '');
}

/** A date YYYY-MM-DD as an iCalendar DATE. */
export const icsDate = (date: string) => date.replaceAll('-', '');

/** An ISO 8601 instant as an iCalendar UTC DATE-TIME (seconds kept, fraction dropped). */
export function icsInstant(iso: string): string {
  const d = new Date(iso);
  return `${d.toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;
}

/** The day after a date, as YYYY-MM-DD (a whole-day event's DTEND is exclusive). */
function dayAfter(date: string): string {
  const d = new Date(`${date}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** What one VEVENT says, already in the reader's language. */
export interface IcsEvent {
  /** Stable per event: the UID is built from it. */
  id: string;
  allDay: boolean;
  starts: string;
  ends: string;
  summary: string;
  location: string;
  description: string;
  categories: string;
  cancelled: boolean;
  sequence: number;
  created: string;
  updated: string;
  url: string | null;
}

export interface IcsOptions {
  /** The calendar's name (X-WR-CALNAME), shown by clients that support it. */
  name: string;
  /** The domain part of UIDs: a UID must be globally unique and never change. */
  uidDomain: string;
}

/** The content lines of one VEVENT, unfolded. */
function eventLines(event: IcsEvent, options: IcsOptions): string[] {
  const when = event.allDay
    ? [`DTSTART;VALUE=DATE:${icsDate(event.starts)}`, `DTEND;VALUE=DATE:${icsDate(dayAfter(event.ends))}`]
    : [`DTSTART:${icsInstant(event.starts)}`, `DTEND:${icsInstant(event.ends)}`];
  return [
    'BEGIN:VEVENT',
    `UID:${event.id}@${options.uidDomain}`,
    // The moment this version of the event was written: stable, so the same event exports alike.
    `DTSTAMP:${icsInstant(event.updated)}`,
    `CREATED:${icsInstant(event.created)}`,
    `LAST-MODIFIED:${icsInstant(event.updated)}`,
    `SEQUENCE:${event.sequence}`,
    ...when,
    `SUMMARY:${escapeText(event.summary)}`,
    ...(event.location ? [`LOCATION:${escapeText(event.location)}`] : []),
    ...(event.description ? [`DESCRIPTION:${escapeText(event.description)}`] : []),
    `CATEGORIES:${escapeText(event.categories)}`,
    `STATUS:${event.cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
    ...(event.url ? [`URL:${event.url}`] : []),
    'END:VEVENT',
  ];
}

/** A whole VCALENDAR of the events, folded, with CRLF after every line. */
export function calendar(events: readonly IcsEvent[], options: IcsOptions): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//SCO Platform//Events//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(options.name)}`,
    ...events.flatMap((event) => eventLines(event, options)),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}
