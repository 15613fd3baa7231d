import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { calendar, escapeText, foldLine, type IcsEvent, unescapeText, unfold } from './events.ical.ts';

/** The iCalendar writer: escaping and folding as RFC 5545 has them, and output a real parser reads. */

const event = (over: Partial<IcsEvent> = {}): IcsEvent => ({
  id: 'e1',
  allDay: false,
  starts: '2026-05-12T04:00:00.000Z',
  ends: '2026-05-12T12:30:00.000Z',
  summary: 'Seminar on countering terrorism financing',
  location: 'Tashkent, Uzbekistan',
  description: 'Agenda:\n09:00 Opening (Chair)',
  categories: 'seminar',
  cancelled: false,
  sequence: 0,
  created: '2026-04-01T10:00:00.000Z',
  updated: '2026-04-02T11:00:00.000Z',
  url: null,
  ...over,
});
const options = { name: 'SCO events', uidDomain: 'events.sco-platform' };
const octets = (line: string) => Buffer.byteLength(line, 'utf8');

describe('text values and content lines', () => {
  it('escapes backslash, semicolon, comma and line breaks', () => {
    expect(escapeText('a\\b;c,d\r\ne\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });

  it('folds long lines at 75 octets without splitting a character', () => {
    const line = `SUMMARY:${'上海合作组织'.repeat(20)}`;
    const folded = foldLine(line);
    for (const part of folded.split('\r\n')) expect(octets(part)).toBeLessThanOrEqual(75);
    expect(unfold(folded)).toBe(line);
    expect(
      folded
        .split('\r\n')
        .slice(1)
        .every((part) => part.startsWith(' ')),
    ).toBe(true);
  });

  it('gets back any text by escaping, folding, unfolding and unescaping it (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
        const folded = foldLine(`DESCRIPTION:${escapeText(text)}`);
        for (const part of folded.split('\r\n')) expect(octets(part)).toBeLessThanOrEqual(75);
        expect(unescapeText(unfold(folded).slice('DESCRIPTION:'.length))).toBe(text.replace(/\r\n?/g, '\n'));
      }),
    );
  });
});

describe('a calendar', () => {
  it('ends every line with CRLF and keeps lines within 75 octets', () => {
    const text = calendar([event({ description: 'Длинное описание '.repeat(30) })], options);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of text.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75);
  });

  it('is read back by ical.js: times, whole days, status, sequence and text', () => {
    const text = calendar(
      [
        event({
          summary: 'Seminar; part 1, \\ with "quotes"',
          description: 'Line one\nLine two, with a comma',
        }),
        event({
          id: 'e2',
          allDay: true,
          starts: '2026-06-01',
          ends: '2026-06-03',
          summary: '专家会议 — Совещание экспертов',
          cancelled: true,
          sequence: 3,
        }),
      ],
      options,
    );
    const component = new ICAL.Component(ICAL.parse(text));
    const [timed, days] = component.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    if (!timed || !days) throw new Error('two events expected');
    expect(timed.uid).toBe('e1@events.sco-platform');
    expect(timed.summary).toBe('Seminar; part 1, \\ with "quotes"');
    expect(timed.description).toBe('Line one\nLine two, with a comma');
    expect(timed.location).toBe('Tashkent, Uzbekistan');
    expect(timed.startDate.toJSDate().toISOString()).toBe('2026-05-12T04:00:00.000Z');
    expect(timed.endDate.toJSDate().toISOString()).toBe('2026-05-12T12:30:00.000Z');
    expect(timed.component.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(days.summary).toBe('专家会议 — Совещание экспертов');
    expect(days.startDate.isDate).toBe(true);
    expect(days.startDate.toString()).toBe('2026-06-01');
    // DTEND of whole days is the day after the last one.
    expect(days.endDate.toString()).toBe('2026-06-04');
    expect(days.sequence).toBe(3);
    expect(days.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(days.component.getFirstPropertyValue('dtstamp')?.toString()).toBe('2026-04-02T11:00:00Z');
  });

  it('reads back any summary and description a real parser is given (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 120 }),
        fc.string({ maxLength: 200 }),
        (summary, description) => {
          const text = calendar([event({ summary, description: description || 'x' })], options);
          const vevent = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent');
          if (!vevent) throw new Error('no VEVENT');
          const parsed = new ICAL.Event(vevent);
          expect(parsed.summary).toBe(summary.replace(/\r\n?/g, '\n'));
          expect(parsed.description).toBe((description || 'x').replace(/\r\n?/g, '\n'));
        },
      ),
      { numRuns: 200 },
    );
  });
});
