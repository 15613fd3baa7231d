import { describe, expect, it } from 'vitest';
import { clampDomain, cluster, DAY, panDomain, ticks, toTime, toX, zoomDomain } from './timeline.scale.ts';

const bounds = { start: Date.UTC(1996, 0, 1), end: Date.UTC(2026, 0, 1) };
const minSpan = 30 * DAY;

describe('timeline scale', () => {
  it('maps time to pixels and back', () => {
    const t = Date.UTC(2011, 0, 1);
    const x = toX(t, bounds, 1000);
    expect(x).toBeCloseTo(500, 0);
    expect(toTime(x, bounds, 1000)).toBeCloseTo(t, -3);
  });

  it('zooming in keeps the time under the pointer in place', () => {
    const anchor = 0.25;
    const pivot = toTime(anchor * 1000, bounds, 1000);
    const zoomed = zoomDomain(bounds, 4, anchor, bounds, minSpan);
    expect(zoomed.end - zoomed.start).toBeCloseTo((bounds.end - bounds.start) / 4, -3);
    expect(toTime(anchor * 1000, zoomed, 1000)).toBeCloseTo(pivot, -3);
  });

  it('never zooms out past the bounds nor in past the minimum span', () => {
    expect(zoomDomain(bounds, 0.1, 0.5, bounds, minSpan)).toEqual(bounds);
    const deep = zoomDomain(bounds, 1e6, 0.5, bounds, minSpan);
    expect(deep.end - deep.start).toBeCloseTo(minSpan, -3);
  });

  it('panning stops at the ends', () => {
    const half = zoomDomain(bounds, 2, 0, bounds, minSpan);
    expect(panDomain(half, -1, bounds, minSpan).start).toBe(bounds.start);
    expect(panDomain(half, 5, bounds, minSpan).end).toBe(bounds.end);
    expect(
      clampDomain({ start: bounds.start - DAY, end: bounds.start + 40 * DAY }, bounds, minSpan).start,
    ).toBe(bounds.start);
  });

  it('spaces year ticks by the width available', () => {
    const wide = ticks(bounds, 3000);
    expect(wide.map((tick) => tick.year)).toEqual(Array.from({ length: 31 }, (_, i) => 1996 + i));
    const narrow = ticks(bounds, 350);
    expect(narrow.every((tick) => tick.year % 5 === 0 || tick.year % 10 === 0)).toBe(true);
  });

  it('switches to months when one year fills the plot', () => {
    const year = { start: Date.UTC(2002, 0, 1), end: Date.UTC(2003, 0, 1) };
    const monthly = ticks(year, 1200);
    expect(monthly.length).toBeGreaterThanOrEqual(12);
    expect(monthly.some((tick) => tick.month !== null)).toBe(true);
  });

  it('clusters neighbours closer than the gap, and caps a cluster’s width', () => {
    const placed = [0, 5, 9, 40, 41, 100].map((x) => ({ item: `e${x}`, x }));
    const clusters = cluster(placed, 12, (item) => item);
    expect(clusters.map((c) => c.items.length)).toEqual([3, 2, 1]);
    const chain = Array.from({ length: 20 }, (_, i) => ({ item: `c${i}`, x: i * 10 }));
    expect(cluster(chain, 12, (item) => item).length).toBeGreaterThan(1);
  });
});
