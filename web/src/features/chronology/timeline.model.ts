import type { ChronologyEvent, ChronologyKind, SummitSummary } from '../../api/types.ts';
import { parseIsoDate } from '../../lib/format.ts';
import { DAY, type Domain } from './timeline.scale.ts';

/** The timeline's layout constants (pixels) and its lanes, top to bottom. */
export const LANES: readonly ChronologyKind[] = ['summit', 'document', 'status', 'appointment'];
export const MARGIN_X = 18;
export const ERA_HEIGHT = 22;
export const LANE_HEIGHT: Record<ChronologyKind, number> = {
  summit: 62,
  document: 46,
  status: 46,
  appointment: 46,
};
export const AXIS_HEIGHT = 30;
export const MIN_SPAN = 45 * DAY;
export const CLUSTER_GAP = 18;

/** The top y of each lane. */
export function laneTops(): Record<ChronologyKind, number> {
  let y = ERA_HEIGHT;
  const tops = {} as Record<ChronologyKind, number>;
  for (const lane of LANES) {
    tops[lane] = y;
    y += LANE_HEIGHT[lane];
  }
  return tops;
}

export const LANES_BOTTOM = LANES.reduce((y, lane) => y + LANE_HEIGHT[lane], ERA_HEIGHT);
export const SVG_HEIGHT = LANES_BOTTOM + AXIS_HEIGHT;

/** The y of a lane's markers. */
export function markerY(lane: ChronologyKind): number {
  return laneTops()[lane] + (lane === 'summit' ? 30 : 28);
}

/** The time range the timeline can show: from the Shanghai Five's first year to a little after today. */
export function timelineBounds(now: Date): Domain {
  return { start: Date.UTC(1996, 0, 1), end: now.getTime() + 60 * DAY };
}

/** The two eras the strip above the lanes names. */
export const ERAS = [
  { key: 'shanghai-five', start: Date.UTC(1996, 3, 26), end: Date.UTC(2001, 5, 15) },
  { key: 'sco', start: Date.UTC(2001, 5, 15), end: null },
] as const;

/** A chronology event with its time, ready to be placed. */
export interface TimedEvent {
  index: number;
  t: number;
  event: ChronologyEvent;
}

/** Events with a parsable date, by lane, in time order. */
export function eventsByLane(events: ChronologyEvent[]): Record<ChronologyKind, TimedEvent[]> {
  const lanes: Record<ChronologyKind, TimedEvent[]> = {
    summit: [],
    document: [],
    status: [],
    appointment: [],
  };
  events.forEach((event, index) => {
    const date = parseIsoDate(event.date);
    if (date) lanes[event.kind].push({ index, t: date.getTime(), event });
  });
  for (const lane of LANES) lanes[lane].sort((a, b) => a.t - b.t);
  return lanes;
}

/** The portal path of an event's subject. */
export function subjectPath(subject: ChronologyEvent['subject']): string {
  const id = encodeURIComponent(subject.id);
  switch (subject.type) {
    case 'summit':
      return `/summits/${id}`;
    case 'document':
      return `/documents/${id}`;
    case 'state':
      return `/states/${id}`;
    case 'person':
      return `/bodies#person-${id}`;
  }
}

/** Roughly how wide a label is at 11px: wider for Chinese characters. */
export function labelWidth(text: string): number {
  let width = 0;
  for (const char of text) width += (char.codePointAt(0) ?? 0) > 0x2e80 ? 11.5 : 6.4;
  return width;
}

/** Summits by id, for city labels on the summit lane. */
export function summitIndex(summits: SummitSummary[] | undefined): Map<string, SummitSummary> {
  return new Map((summits ?? []).map((summit) => [summit.id, summit]));
}
