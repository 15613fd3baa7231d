import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Invalid } from '../errors.ts';
import { agendaItem, eventTimes, material, overlaps, periodOf, place, title } from './events.rules.ts';

/** The pure rules of events: dates and their spans, periods, places, agenda items, materials. */

const fieldOf = (work: () => unknown): string | undefined => {
  try {
    work();
  } catch (error) {
    if (error instanceof Invalid) return error.details.field as string;
    throw error;
  }
  return undefined;
};

describe('event times', () => {
  it('reads two dates as whole days, the end being the last day', () => {
    expect(eventTimes('2026-05-12', '2026-05-14')).toEqual({
      allDay: true,
      starts: '2026-05-12',
      ends: '2026-05-14',
      spanStart: '2026-05-12T00:00:00.000Z',
      spanEnd: '2026-05-15T00:00:00.000Z',
    });
  });

  it('keeps date-times in UTC, whatever offset they were given with', () => {
    const times = eventTimes('2026-05-12T09:00+05:00', '2026-05-12T17:30:00+05:00');
    expect(times).toMatchObject({
      allDay: false,
      starts: '2026-05-12T04:00:00.000Z',
      ends: '2026-05-12T12:30:00.000Z',
    });
  });

  it('names the field at fault', () => {
    expect(fieldOf(() => eventTimes('2026-05-12', '2026-05-11'))).toBe('end');
    expect(fieldOf(() => eventTimes('2026-05-12T10:00Z', '2026-05-12T09:59Z'))).toBe('end');
    expect(fieldOf(() => eventTimes('2026-05-12T10:00', '2026-05-12T11:00Z'))).toBe('start');
    expect(fieldOf(() => eventTimes('2026-02-30', '2026-03-01'))).toBe('start');
    expect(fieldOf(() => eventTimes('2026-05-12', '2026-05-12T10:00Z'))).toBe('end');
    expect(fieldOf(() => eventTimes('2026-05-12T25:00Z', '2026-05-12T10:00Z'))).toBe('start');
  });

  it('allows an event of no duration', () => {
    expect(eventTimes('2026-05-12T10:00Z', '2026-05-12T10:00Z').allDay).toBe(false);
  });
});

describe('periods and overlap', () => {
  it('takes dates as whole days, both ends included', () => {
    expect(periodOf('2026-05-01', '2026-05-31')).toEqual({
      from: '2026-05-01T00:00:00.000Z',
      to: '2026-06-01T00:00:00.000Z',
    });
    expect(periodOf(undefined, undefined)).toEqual({ from: null, to: null });
    expect(fieldOf(() => periodOf('2026-05-02', '2026-05-01'))).toBe('to');
    expect(fieldOf(() => periodOf('May', undefined))).toBe('from');
  });

  it('counts an event that runs into or out of the period, and not one that ends as it begins', () => {
    const may = periodOf('2026-05-01', '2026-05-31');
    expect(overlaps(eventTimes('2026-04-30', '2026-05-01'), may)).toBe(true);
    expect(overlaps(eventTimes('2026-05-31', '2026-06-02'), may)).toBe(true);
    expect(overlaps(eventTimes('2026-04-29', '2026-04-30'), may)).toBe(false);
    expect(overlaps(eventTimes('2026-06-01', '2026-06-01'), may)).toBe(false);
    expect(overlaps(eventTimes('2026-04-30T22:00Z', '2026-05-01T00:00Z'), may)).toBe(false);
    expect(overlaps(eventTimes('2026-05-01T00:00Z', '2026-05-01T00:00Z'), may)).toBe(true);
  });

  it('finds an event in a period exactly when some instant of it lies there (property)', () => {
    const day = fc.integer({ min: 0, max: 60 });
    const base = Date.UTC(2026, 0, 1);
    const iso = (d: number) => new Date(base + d * 86_400_000).toISOString().slice(0, 10);
    fc.assert(
      fc.property(day, fc.nat(10), day, fc.nat(10), (s, len, p, plen) => {
        const event = eventTimes(iso(s), iso(s + len));
        const period = periodOf(iso(p), iso(p + plen));
        const shared = Math.max(s, p) <= Math.min(s + len, p + plen);
        expect(overlaps(event, period)).toBe(shared);
      }),
    );
  });
});

describe('parts of an event', () => {
  it('requires an English title and drops blank translations', () => {
    expect(title({ en: ' Expert meeting ', ru: ' ', zh: '专家会议' })).toEqual({
      en: 'Expert meeting',
      zh: '专家会议',
    });
    expect(fieldOf(() => title({ ru: 'Семинар' }))).toBe('title.en');
  });

  it('requires a city and an ISO country in person, and nothing but an optional address online', () => {
    expect(place({ city: 'Tashkent', country: 'uz' })).toEqual({
      kind: 'in-person',
      city: 'Tashkent',
      country: 'UZ',
    });
    expect(place({ online: true })).toEqual({ kind: 'online', url: null });
    expect(fieldOf(() => place({ city: 'Tashkent', country: 'XX' }))).toBe('place.country');
    expect(fieldOf(() => place({ country: 'UZ' }))).toBe('place.city');
    expect(fieldOf(() => place({ online: true, url: 'javascript:alert(1)' }))).toBe('place.url');
  });

  it('checks agenda times and titles by position', () => {
    expect(agendaItem({ time: '09:30', title: 'Opening', speakerRole: ' ' }, 0)).toEqual({
      time: '09:30',
      title: 'Opening',
      speakerRole: null,
    });
    expect(agendaItem({ time: '2026-05-13T14:00', title: 'Panel', speakerRole: 'Chair' }, 1).time).toBe(
      '2026-05-13T14:00',
    );
    expect(fieldOf(() => agendaItem({ time: '9.30', title: 'x', speakerRole: null }, 2))).toBe(
      'agenda.2.time',
    );
    expect(fieldOf(() => agendaItem({ time: '24:00', title: 'x', speakerRole: null }, 0))).toBe(
      'agenda.0.time',
    );
    expect(fieldOf(() => agendaItem({ time: '10:00', title: ' ', speakerRole: null }, 3))).toBe(
      'agenda.3.title',
    );
  });

  it('wants a material to have exactly one of a web address and a document id', () => {
    expect(material({ title: 'Programme', url: 'https://example.org/p.pdf' }, 0).url).toBe(
      'https://example.org/p.pdf',
    );
    expect(material({ title: 'Charter', documentId: 'charter-2002' }, 0).documentId).toBe('charter-2002');
    expect(fieldOf(() => material({ title: 'Both', url: 'https://a.org', documentId: 'x' }, 1))).toBe(
      'materials.1.url',
    );
    expect(fieldOf(() => material({ title: 'Neither' }, 0))).toBe('materials.0.url');
    expect(fieldOf(() => material({ title: 'Bad', url: 'ftp://a.org' }, 0))).toBe('materials.0.url');
    expect(fieldOf(() => material({ url: 'https://a.org' }, 4))).toBe('materials.4.title');
  });
});
