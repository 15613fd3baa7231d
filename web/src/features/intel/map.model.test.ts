import { describe, expect, it } from 'vitest';
import { extentOf, mapPoints, radiusOf, SCO_REGION } from './map.model.ts';
import type { IncidentRow } from './types.ts';

const row = (over: Partial<IncidentRow>): IncidentRow => ({
  id: 'incident--1',
  name: 'Bishkek bombing',
  date: '2019-05-01',
  precision: null,
  country: 'Kyrgyzstan',
  countryCode: 'KG',
  region: null,
  city: null,
  latitude: 42.87,
  longitude: 74.59,
  attackTypes: [],
  weaponTypes: [],
  perpetrators: [],
  killed: 2,
  wounded: 5,
  tlp: 'green',
  ...over,
});

describe('the incidents map', () => {
  it('places only incidents with a place in range, with their casualties', () => {
    const points = mapPoints([
      row({}),
      row({ id: 'incident--2', latitude: null }),
      row({ id: 'incident--3', longitude: 200 }),
      row({ id: 'incident--4', killed: null, wounded: 1 }),
    ]);
    expect(points.map((p) => [p.id, p.casualties])).toEqual([
      ['incident--1', 7],
      ['incident--4', 1],
    ]);
  });

  it('shows the SCO region when there is nothing to place', () => {
    expect(extentOf([])).toEqual(SCO_REGION);
  });

  it('shows every point with a margin', () => {
    const points = mapPoints([
      row({ longitude: 60, latitude: 30 }),
      row({ id: 'incident--2', longitude: 100, latitude: 50 }),
    ]);
    const [[west, south], [east, north]] = extentOf(points);
    expect(west).toBeLessThan(60);
    expect(east).toBeGreaterThan(100);
    expect(south).toBeLessThan(30);
    expect(north).toBeGreaterThan(50);
  });

  it('shows one point with its surroundings, at least the minimum span', () => {
    const [[west, south], [east, north]] = extentOf(mapPoints([row({})]), 20);
    expect(east - west).toBeCloseTo(20);
    expect(north - south).toBeCloseTo(20);
    expect((west + east) / 2).toBeCloseTo(74.59);
    expect((south + north) / 2).toBeCloseTo(42.87);
  });

  it('stays inside the globe near its edges', () => {
    const [[west, south], [east, north]] = extentOf(mapPoints([row({ longitude: 179, latitude: 84 })]), 20);
    expect(east).toBeLessThanOrEqual(180);
    expect(north).toBeLessThanOrEqual(85);
    expect(east - west).toBeCloseTo(20);
    expect(north - south).toBeCloseTo(20);
  });

  it('sizes points by the square root of their casualties, between the bounds', () => {
    expect(radiusOf(0, 100)).toBe(4);
    expect(radiusOf(100, 100)).toBe(18);
    expect(radiusOf(25, 100)).toBeCloseTo(4 + 14 * 0.5);
    expect(radiusOf(500, 100)).toBe(18);
  });
});
