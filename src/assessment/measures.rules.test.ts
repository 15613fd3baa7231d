import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Direction,
  type IndicatorTarget,
  indicatorProgress,
  measurementFault,
  outcomeSummary,
  overlaps,
  periodFault,
  type Reading,
} from './measures.rules.ts';

const up: IndicatorTarget = { target: 100, direction: 'higher-is-better' };
const down: IndicatorTarget = { target: 10, direction: 'lower-is-better' };

describe('reading an indicator', () => {
  it('says nothing without measurements', () => {
    expect(indicatorProgress(up, [])).toEqual({
      latest: null,
      progress: null,
      trend: null,
      onTrack: null,
      met: false,
    });
  });

  it('takes the latest by date, whatever the order given', () => {
    const reading = indicatorProgress(up, [
      { date: '2024-03-01', value: 60 },
      { date: '2024-01-01', value: 20 },
      { date: '2024-02-01', value: 40 },
    ]);
    expect(reading.latest).toEqual({ date: '2024-03-01', value: 60 });
    // From the first value (20) to the target (100), 60 has covered half the way.
    expect(reading.progress).toBeCloseTo(0.5);
    expect(reading.trend).toBe('rising');
    expect(reading.onTrack).toBe(true);
    expect(reading.met).toBe(false);
  });

  it('counts progress from a baseline when one is given', () => {
    const reading = indicatorProgress({ ...up, baseline: 0 }, [{ date: '2024-01-01', value: 25 }]);
    expect(reading.progress).toBeCloseTo(0.25);
    expect(reading.trend).toBeNull();
    expect(reading.onTrack).toBeNull();
  });

  it('reads a lower-is-better indicator the other way round', () => {
    const reading = indicatorProgress(down, [
      { date: '2024-01-01', value: 50 },
      { date: '2024-06-01', value: 30 },
    ]);
    expect(reading.progress).toBeCloseTo(0.5);
    expect(reading.trend).toBe('falling');
    expect(reading.onTrack).toBe(true);
  });

  it('is met, fully progressed and on track once the target is reached', () => {
    const reading = indicatorProgress(down, [
      { date: '2024-01-01', value: 5 },
      { date: '2024-02-01', value: 8 },
    ]);
    expect(reading).toMatchObject({ met: true, progress: 1, onTrack: true, trend: 'rising' });
  });

  it('is off track when flat or moving away from the target', () => {
    const flat = indicatorProgress(up, [
      { date: '2024-01-01', value: 40 },
      { date: '2024-02-01', value: 40.2 },
      { date: '2024-03-01', value: 40 },
    ]);
    expect(flat.trend).toBe('flat');
    expect(flat.onTrack).toBe(false);
    const away = indicatorProgress(up, [
      { date: '2024-01-01', value: 40 },
      { date: '2024-02-01', value: 30 },
    ]);
    expect(away.trend).toBe('falling');
    expect(away.progress).toBe(0);
    expect(away.onTrack).toBe(false);
  });

  it('is off track when the trend will not reach the target by its due date', () => {
    const readings = [
      { date: '2024-01-01', value: 10 },
      { date: '2024-01-11', value: 20 },
    ];
    // One a day: 100 is reached 80 days after 11 January, around 31 March.
    expect(indicatorProgress({ ...up, due: '2024-02-01' }, readings).onTrack).toBe(false);
    expect(indicatorProgress({ ...up, due: '2024-06-01' }, readings).onTrack).toBe(true);
  });
});

describe('checks of dates and values', () => {
  it('refuses an end before the start, and dates that are not calendar dates', () => {
    expect(periodFault('2003-08-06', '2003-08-13')).toBeNull();
    expect(periodFault('2003-08-13', '2003-08-06')).toMatchObject({ field: 'end' });
    expect(periodFault('2003-02-30', '2003-03-01')).toMatchObject({ field: 'start' });
    expect(periodFault('1950-01-01', '1950-01-02')).toMatchObject({ field: 'start' });
  });

  it('refuses a measurement after today, before 1996, or not a number', () => {
    expect(measurementFault('2024-05-01', 3, '2024-06-01')).toBeNull();
    expect(measurementFault('2024-07-01', 3, '2024-06-01')).toMatchObject({ field: 'date' });
    expect(measurementFault('1990-01-01', 3, '2024-06-01')).toMatchObject({ field: 'date' });
    expect(measurementFault('2024-05-01', Number.NaN, '2024-06-01')).toMatchObject({ field: 'value' });
  });

  it('summarizes outcomes within a length', () => {
    expect(outcomeSummary([])).toBeNull();
    expect(outcomeSummary(['Held.', ' Reported. '])).toBe('Held. Reported.');
    expect(outcomeSummary(['x'.repeat(400)], 50)).toHaveLength(50);
  });

  it('tells whether a measure meets a period', () => {
    const m = { start: '2003-08-06', end: '2003-08-13' };
    expect(overlaps(m, { from: '2003-08-13' })).toBe(true);
    expect(overlaps(m, { to: '2003-08-05' })).toBe(false);
    expect(overlaps(m, {})).toBe(true);
  });
});

const dayOf = (n: number) => new Date(Date.UTC(2000, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
const value = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });
/** Measurements on distinct days. */
const readings = fc
  .uniqueArray(fc.integer({ min: 0, max: 9000 }), { minLength: 1, maxLength: 12 })
  .chain((days) => fc.tuple(...days.map((d) => value.map((v): Reading => ({ date: dayOf(d), value: v })))));
const direction = fc.constantFrom<Direction>('higher-is-better', 'lower-is-better');

describe('properties of an indicator reading', () => {
  it('progress stays between 0 and 1, and is 1 exactly when met', () => {
    fc.assert(
      fc.property(readings, value, direction, (rs, target, dir) => {
        const r = indicatorProgress({ target, direction: dir }, rs);
        expect(r.progress).not.toBeNull();
        expect(r.progress as number).toBeGreaterThanOrEqual(0);
        expect(r.progress as number).toBeLessThanOrEqual(1);
        if (r.met) expect(r.progress).toBe(1);
        if (r.met) expect(r.onTrack).toBe(true);
      }),
    );
  });

  it('does not depend on the order measurements are given in', () => {
    fc.assert(
      fc.property(readings, value, direction, (rs, target, dir) => {
        const indicator = { target, direction: dir };
        expect(indicatorProgress(indicator, [...rs].reverse())).toEqual(indicatorProgress(indicator, rs));
      }),
    );
  });

  it('mirrors: negating every value and the target and turning the direction gives the same reading', () => {
    fc.assert(
      fc.property(readings, value, direction, (rs, target, dir) => {
        const a = indicatorProgress({ target, direction: dir }, rs);
        const flipped = dir === 'higher-is-better' ? 'lower-is-better' : 'higher-is-better';
        const b = indicatorProgress(
          { target: -target, direction: flipped },
          rs.map((r) => ({ date: r.date, value: -r.value })),
        );
        expect(b.met).toBe(a.met);
        expect(b.onTrack).toBe(a.onTrack);
        expect(b.progress).toBeCloseTo(a.progress as number, 9);
        const opposite = { rising: 'falling', falling: 'rising', flat: 'flat' } as const;
        expect(b.trend).toBe(a.trend ? opposite[a.trend] : null);
      }),
    );
  });

  it('a better latest value never lowers progress', () => {
    fc.assert(
      fc.property(readings, value, fc.double({ min: 0, max: 1e6, noNaN: true }), (rs, target, gain) => {
        const indicator = { target, direction: 'higher-is-better' as const, baseline: 0 };
        const last = rs.reduce((a, b) => (a.date > b.date ? a : b));
        const better = rs.map((r) => (r === last ? { ...r, value: r.value + gain } : r));
        const before = indicatorProgress(indicator, rs).progress as number;
        expect(indicatorProgress(indicator, better).progress as number).toBeGreaterThanOrEqual(before);
      }),
    );
  });

  it('a steadily rising series reads as rising, on the scale of its target', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 10 }),
        fc.double({ min: 1, max: 100, noNaN: true }),
        (n, step) => {
          const rs = Array.from({ length: n }, (_, i) => ({ date: dayOf(i * 30), value: i * step }));
          const target = 2 * n * step;
          expect(indicatorProgress({ target, direction: 'higher-is-better' }, rs).trend).toBe('rising');
        },
      ),
    );
  });
});
