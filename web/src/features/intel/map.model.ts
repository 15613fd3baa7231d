import type { IncidentRow } from './types.ts';

/**
 * The arithmetic of the incidents map: which rows can be placed, the part of the world to show
 * (the points' bounds with a margin, never narrower than a region), and the size of a point by
 * its casualties. Pure, so it is tested without a browser.
 */

/** [[west, south], [east, north]] in degrees. */
export type Extent = [[number, number], [number, number]];

/** What the map shows when there is nothing to place: the SCO's region, Belarus to the Pacific. */
export const SCO_REGION: Extent = [
  [20, 5],
  [145, 60],
];

export interface MapPoint {
  id: string;
  name: string;
  longitude: number;
  latitude: number;
  casualties: number;
}

const valid = (lon: number | null, lat: number | null): boolean =>
  lon !== null && lat !== null && Math.abs(lon) <= 180 && Math.abs(lat) <= 90;

/** The incidents that have a place (latitude and longitude in range), with their casualties. */
export function mapPoints(rows: readonly IncidentRow[]): MapPoint[] {
  return rows
    .filter((row) => valid(row.longitude, row.latitude))
    .map((row) => ({
      id: row.id,
      name: row.name,
      longitude: row.longitude as number,
      latitude: row.latitude as number,
      casualties: (row.killed ?? 0) + (row.wounded ?? 0),
    }));
}

/**
 * The extent that shows every point with a margin, at least `minSpan` degrees wide and high (one
 * point alone shows its surroundings), kept inside the globe; the SCO region when there is none.
 */
export function extentOf(points: readonly MapPoint[], minSpan = 32, margin = 0.15): Extent {
  if (points.length === 0) return SCO_REGION;
  const lons = points.map((p) => p.longitude);
  const lats = points.map((p) => p.latitude);
  const grow = (low: number, high: number, limit: number): [number, number] => {
    const span = Math.max(high - low, minSpan / (1 + 2 * margin));
    const pad = span * margin;
    const middle = (low + high) / 2;
    let from = middle - span / 2 - pad;
    let to = middle + span / 2 + pad;
    if (from < -limit) [from, to] = [-limit, Math.min(limit, to - from - limit)];
    if (to > limit) [from, to] = [Math.max(-limit, from - (to - limit)), limit];
    return [from, to];
  };
  const [west, east] = grow(Math.min(...lons), Math.max(...lons), 180);
  const [south, north] = grow(Math.min(...lats), Math.max(...lats), 85);
  return [
    [west, south],
    [east, north],
  ];
}

/**
 * The radius of a point in pixels: its area grows with the casualties (killed and wounded), the
 * largest on the page at `max` pixels, none smaller than `min` (an incident without casualties).
 */
export function radiusOf(casualties: number, largest: number, min = 4, max = 18): number {
  if (casualties <= 0 || largest <= 0) return min;
  return min + (max - min) * Math.sqrt(Math.min(casualties, largest) / largest);
}
