import { describe, expect, it } from 'vitest';
import {
  eventDays,
  eventsByDay,
  eventsOfMonth,
  monthBounds,
  monthGrid,
  monthOf,
  shiftMonth,
} from './calendar.model.ts';

describe('the month grid', () => {
  it('runs from the Monday before the first day to the Sunday after the last', () => {
    const weeks = monthGrid('2026-05');
    expect(weeks[0]?.[0]).toEqual({ date: '2026-04-27', inMonth: false });
    expect(weeks.at(-1)?.at(-1)).toEqual({ date: '2026-05-31', inMonth: true });
    expect(weeks).toHaveLength(5);
    expect(weeks.every((w) => w.length === 7)).toBe(true);
  });

  it('moves between months across years and reads the address', () => {
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    expect(monthBounds('2028-02')).toEqual({ first: '2028-02-01', last: '2028-02-29' });
    expect(monthOf('2026-13', '2026-05-20')).toBe('2026-05');
    expect(monthOf('2026-07', '2026-05-20')).toBe('2026-07');
  });
});

describe('events on days', () => {
  const allDay = { allDay: true, start: '2026-05-30', end: '2026-06-02' };
  const late = { allDay: false, start: '2026-05-12T20:00:00.000Z', end: '2026-05-12T22:00:00.000Z' };

  it('puts a whole-day event on each of its days, and a timed one on the reader’s local days', () => {
    expect(eventDays(allDay)).toEqual({ first: '2026-05-30', last: '2026-06-02' });
    expect(eventDays(late, 'UTC')).toEqual({ first: '2026-05-12', last: '2026-05-12' });
    expect(eventDays(late, 'Asia/Shanghai')).toEqual({ first: '2026-05-13', last: '2026-05-13' });
    expect(
      eventDays({ allDay: false, start: '2026-05-12T20:00:00.000Z', end: '2026-05-13T00:00:00.000Z' }, 'UTC'),
    ).toEqual({
      first: '2026-05-12',
      last: '2026-05-12',
    });
    const days = eventsByDay([allDay], ['2026-05-29', '2026-05-30', '2026-06-02', '2026-06-03']);
    expect([...days.values()].map((list) => list.length)).toEqual([0, 1, 1, 0]);
  });

  it('lists the events touching a month', () => {
    expect(eventsOfMonth([allDay, late], '2026-06', 'UTC')).toEqual([allDay]);
    expect(eventsOfMonth([allDay, late], '2026-05', 'UTC')).toEqual([allDay, late]);
  });
});
