import { ActionIcon, Button, Group, Text } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { type KeyboardEvent, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ChronologyEvent, ChronologyKind, SummitSummary } from '../../api/types.ts';
import { useLocale } from '../../lib/useLocale.ts';
import { LegendSwatch } from './MarkerShape.tsx';
import classes from './Timeline.module.css';
import { TimelineAxis } from './TimelineAxis.tsx';
import { type MarkerAction, TimelineMarker } from './TimelineMarker.tsx';
import { TimelineEventList, TimelineTooltip } from './TimelineTooltip.tsx';
import {
  CLUSTER_GAP,
  eventsByLane,
  LANES,
  labelWidth,
  MARGIN_X,
  MIN_SPAN,
  markerY,
  SVG_HEIGHT,
  subjectPath,
  type TimedEvent,
  timelineBounds,
} from './timeline.model.ts';
import {
  type Cluster,
  centerOn,
  cluster,
  DAY,
  type Domain,
  panDomain,
  toX,
  zoomDomain,
} from './timeline.scale.ts';
import { useTimelineGestures } from './useTimelineGestures.ts';

/** The change of view a key asks for, or null for keys the timeline leaves alone. */
function keyToDomain(key: string, shift: boolean, bounds: Domain): ((domain: Domain) => Domain) | null {
  const step = shift ? 0.5 : 0.1;
  switch (key) {
    case 'ArrowLeft':
      return (domain) => panDomain(domain, -step, bounds, MIN_SPAN);
    case 'ArrowRight':
      return (domain) => panDomain(domain, step, bounds, MIN_SPAN);
    case '+':
    case '=':
      return (domain) => zoomDomain(domain, 1.5, 0.5, bounds, MIN_SPAN);
    case '-':
    case '_':
      return (domain) => zoomDomain(domain, 1 / 1.5, 0.5, bounds, MIN_SPAN);
    case '0':
      return () => bounds;
    default:
      return null;
  }
}

interface Focus {
  lane: ChronologyKind;
  key: string;
  pinned: boolean;
}

/**
 * The interactive chronology: an SVG time axis from 1996 to today with one lane per kind of
 * event. Drag to pan; wheel, pinch, buttons or keys to zoom. Markers are links (one event)
 * or buttons that zoom into, or list, a crowded date.
 */
export function Timeline({
  events,
  summits,
  highlight,
}: {
  events: ChronologyEvent[];
  summits: Map<string, SummitSummary>;
  highlight: { kind: ChronologyKind | null; state: string | null };
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const helpId = useId();
  const { ref: sizeRef, width } = useElementSize();
  const [svg, setSvg] = useState<SVGSVGElement | null>(null);
  const bounds = useMemo(() => timelineBounds(new Date()), []);
  const [domain, setDomain] = useState<Domain>(bounds);
  const [focus, setFocus] = useState<Focus | null>(null);
  const plotWidth = Math.max(1, width - 2 * MARGIN_X);
  const gestures = useTimelineGestures({ svg, plotWidth, bounds, domain, setDomain });
  const lanes = useMemo(() => eventsByLane(events), [events]);

  const clusters = useMemo(() => {
    const byLane = {} as Record<ChronologyKind, Cluster<TimedEvent>[]>;
    for (const lane of LANES) {
      const placed = lanes[lane].map((item) => ({ item, x: MARGIN_X + toX(item.t, domain, plotWidth) }));
      byLane[lane] = cluster(placed, CLUSTER_GAP, (item) => String(item.index)).filter(
        (c) => c.x >= -CLUSTER_GAP && c.x <= width + CLUSTER_GAP,
      );
    }
    return byLane;
  }, [lanes, domain, plotWidth, width]);

  const zoom = (factor: number) => setDomain((d) => zoomDomain(d, factor, 0.5, bounds, MIN_SPAN));

  /** What selecting a marker does: open its one event, zoom into a spread, or list one date. */
  const actionOf = (c: Cluster<TimedEvent>): MarkerAction => {
    if (c.items.length === 1) return 'open';
    const times = c.items.map((item) => item.t);
    const spread = Math.max(...times) - Math.min(...times);
    return spread > 0 && domain.end - domain.start > MIN_SPAN * 1.05 ? 'zoom' : 'list';
  };

  const activate = (lane: ChronologyKind, c: Cluster<TimedEvent>) => {
    const action = actionOf(c);
    const [only] = c.items;
    if (action === 'open' && only) {
      navigate(subjectPath(only.event.subject));
    } else if (action === 'zoom') {
      const times = c.items.map((item) => item.t);
      const min = Math.min(...times);
      const max = Math.max(...times);
      const span = Math.max(MIN_SPAN, Math.min((domain.end - domain.start) / 4, (max - min) * 6));
      setDomain(centerOn((min + max) / 2, span, bounds, MIN_SPAN));
      setFocus(null);
    } else {
      setFocus({ lane, key: c.key, pinned: true });
    }
  };

  const onKeyDown = (event: KeyboardEvent<SVGSVGElement>) => {
    const change = keyToDomain(event.key, event.shiftKey, bounds);
    if (change) {
      event.preventDefault();
      setDomain(change);
    }
  };

  const focused = focus ? clusters[focus.lane].find((c) => c.key === focus.key) : undefined;
  const span = domain.end - domain.start;
  const showingFormat = (time: number) => {
    const iso = new Date(Math.min(time, Date.now())).toISOString().slice(0, span > 3 * 365 * DAY ? 4 : 7);
    return locale.date(iso);
  };
  const showing = t('home.showing', { from: showingFormat(domain.start), to: showingFormat(domain.end) });
  const showLabels = span < 15 * 365 * DAY;
  const isDimmed = (c: Cluster<TimedEvent>, lane: ChronologyKind) =>
    (highlight.kind !== null && highlight.kind !== lane) ||
    (highlight.state !== null && !c.items.some((item) => item.event.states.includes(highlight.state ?? '')));

  return (
    <div className={classes.root}>
      <div className={classes.toolbar}>
        <Text className={classes.showing} aria-live="polite">
          {showing}
        </Text>
        <Group gap="xs">
          <ActionIcon
            variant="default"
            size="lg"
            onClick={() => zoom(1 / 1.6)}
            aria-label={t('home.zoomOut')}
          >
            <span aria-hidden="true">−</span>
          </ActionIcon>
          <ActionIcon variant="default" size="lg" onClick={() => zoom(1.6)} aria-label={t('home.zoomIn')}>
            <span aria-hidden="true">+</span>
          </ActionIcon>
          <Button
            variant="default"
            size="sm"
            onClick={() => setDomain(bounds)}
            disabled={span >= bounds.end - bounds.start}
          >
            {t('home.reset')}
          </Button>
        </Group>
      </div>
      <div className={classes.plot} ref={sizeRef}>
        {width > 0 && (
          // biome-ignore lint/a11y/useSemanticElements: an SVG cannot be a <fieldset>; it takes the group role.
          <svg
            ref={setSvg}
            className={classes.svg}
            width={width}
            height={SVG_HEIGHT}
            viewBox={`0 0 ${width} ${SVG_HEIGHT}`}
            role="group"
            aria-label={t('home.timelineLabel', {
              from: showingFormat(domain.start),
              to: showingFormat(domain.end),
            })}
            aria-describedby={helpId}
            // biome-ignore lint/a11y/noNoninteractiveTabindex: the plot itself takes keys to pan and zoom.
            tabIndex={0}
            onKeyDown={onKeyDown}
            onPointerDown={(event) => {
              const target = event.target instanceof Element ? event.target : null;
              if (focus?.pinned && !target?.closest('[data-key]')) setFocus(null);
              gestures.onPointerDown(event);
            }}
            onPointerMove={gestures.onPointerMove}
            onPointerUp={gestures.onPointerUp}
            onPointerCancel={gestures.onPointerCancel}
            onClickCapture={gestures.onClickCapture}
            onPointerLeave={() => setFocus((f) => (f?.pinned ? f : null))}
          >
            <TimelineAxis domain={domain} width={width} plotWidth={plotWidth} />
            {LANES.map((lane) =>
              clusters[lane].map((c, i, all) => {
                const only = c.items.length === 1 ? c.items[0] : undefined;
                const city = lane === 'summit' && only ? summits.get(only.event.subject.id)?.city : undefined;
                const label = city ? locale.text(city) : undefined;
                const room = Math.min(
                  c.x - (all[i - 1]?.x ?? Number.NEGATIVE_INFINITY),
                  (all[i + 1]?.x ?? Number.POSITIVE_INFINITY) - c.x,
                );
                return (
                  <TimelineMarker
                    key={c.key}
                    lane={lane}
                    cluster={c}
                    y={markerY(lane)}
                    action={actionOf(c)}
                    label={label && showLabels && labelWidth(label) + 10 < room ? label : undefined}
                    dimmed={isDimmed(c, lane)}
                    onActivate={() => activate(lane, c)}
                    onShow={() => setFocus((f) => (f?.pinned ? f : { lane, key: c.key, pinned: false }))}
                    onHide={() => setFocus((f) => (f?.pinned ? f : null))}
                  />
                );
              }),
            )}
          </svg>
        )}
        {focus &&
          focused &&
          (focus.pinned ? (
            <TimelineEventList
              items={focused.items}
              x={Math.min(Math.max(focused.x, 120), width - 120)}
              y={markerY(focus.lane)}
              below={focus.lane === 'summit' || focus.lane === 'document'}
              onClose={() => {
                setFocus(null);
                svg?.querySelector<SVGElement>(`[data-key="${focus.key}"]`)?.focus();
              }}
            />
          ) : (
            <TimelineTooltip
              items={focused.items}
              x={Math.min(Math.max(focused.x, 120), width - 120)}
              y={markerY(focus.lane)}
              below={focus.lane === 'summit' || focus.lane === 'document'}
              action={actionOf(focused)}
            />
          ))}
      </div>
      <div className={classes.footer}>
        <ul className={classes.legend} aria-label={t('home.legend')}>
          {LANES.map((lane) => (
            <li key={lane} className={classes.legendItem}>
              <LegendSwatch kind={lane} />
              {t(`lane.${lane}`)}
            </li>
          ))}
        </ul>
        <Text id={helpId} className={classes.help}>
          {t('home.timelineHelp')}
        </Text>
      </div>
    </div>
  );
}
