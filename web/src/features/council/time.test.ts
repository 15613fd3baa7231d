import { describe, expect, it } from 'vitest';
import {
  clock,
  countdown,
  formatOffset,
  isoToWallTime,
  wallTimeAhead,
  wallTimeToIso,
  zoneOffsetMinutes,
} from './time.ts';

describe('deadlines in a chosen time zone', () => {
  it('writes a wall-clock time with the zone offset then', () => {
    expect(wallTimeToIso('2026-12-01T18:00', 'Asia/Shanghai')).toBe('2026-12-01T18:00:00+08:00');
    expect(wallTimeToIso('2026-12-01T18:00', 'UTC')).toBe('2026-12-01T18:00:00+00:00');
    expect(wallTimeToIso('2026-12-01T09:30', 'Asia/Kolkata')).toBe('2026-12-01T09:30:00+05:30');
    expect(wallTimeToIso('2026-07-01T12:00', 'Europe/Berlin')).toBe('2026-07-01T12:00:00+02:00');
    expect(wallTimeToIso('2026-01-15T12:00', 'Europe/Berlin')).toBe('2026-01-15T12:00:00+01:00');
    expect(wallTimeToIso('2026-01-15T12:00', 'America/St_Johns')).toBe('2026-01-15T12:00:00-03:30');
  });

  it('keeps the meaning: the instant is the same whatever the zone', () => {
    const iso = wallTimeToIso('2026-12-01T18:00', 'Asia/Shanghai');
    expect(new Date(iso ?? '').toISOString()).toBe('2026-12-01T10:00:00.000Z');
  });

  it('refuses malformed values, unknown zones and times skipped by a clock change', () => {
    expect(wallTimeToIso('2026-12-01', 'UTC')).toBeNull();
    expect(wallTimeToIso('2026-12-01T18:00', 'Mars/Olympus')).toBeNull();
    expect(wallTimeToIso('2026-03-29T02:30', 'Europe/Berlin')).toBeNull();
  });

  it('knows offsets and goes back to a wall time', () => {
    expect(zoneOffsetMinutes('Asia/Almaty', Date.parse('2026-06-01T00:00:00Z'))).toBe(300);
    expect(formatOffset(-210)).toBe('-03:30');
    expect(isoToWallTime(Date.parse('2026-12-01T10:00:00Z'), 'Asia/Shanghai')).toBe('2026-12-01T18:00');
  });

  it('offers a first deadline some hours ahead, on the hour, in the chosen zone', () => {
    const now = Date.parse('2026-12-01T10:42:13Z');
    expect(wallTimeAhead(now, 'Asia/Shanghai', 24)).toBe('2026-12-02T18:00');
    expect(wallTimeAhead(now, 'UTC', 72)).toBe('2026-12-04T10:00');
  });

  it('counts down in whole seconds and stops at zero', () => {
    const now = Date.parse('2026-12-01T00:00:00Z');
    const left = countdown(now + ((2 * 24 + 3) * 3600 + 14 * 60 + 5) * 1000 - 200, now);
    expect(left).toEqual({ days: 2, hours: 3, minutes: 14, seconds: 5, over: false });
    expect(clock(left)).toBe('03:14:05');
    expect(countdown(now - 1000, now).over).toBe(true);
  });
});
