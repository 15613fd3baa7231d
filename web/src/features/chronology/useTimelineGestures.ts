import { type Dispatch, type PointerEvent, type SetStateAction, useEffect, useRef } from 'react';
import { MARGIN_X, MIN_SPAN } from './timeline.model.ts';
import { clampDomain, type Domain, zoomDomain } from './timeline.scale.ts';

const DRAG_THRESHOLD = 4;

/**
 * Pointer, wheel and pinch handling for the timeline: drag pans, the wheel (or a pinch)
 * zooms around the pointer, a horizontal wheel pans. A drag that moved suppresses the click
 * that would otherwise open the marker it started on.
 */
export function useTimelineGestures({
  svg,
  plotWidth,
  bounds,
  domain,
  setDomain,
}: {
  svg: SVGSVGElement | null;
  plotWidth: number;
  bounds: Domain;
  domain: Domain;
  setDomain: Dispatch<SetStateAction<Domain>>;
}) {
  const pointers = useRef(new Map<number, number>());
  const drag = useRef<{ startX: number; start: Domain; moved: boolean; pointerId: number } | null>(null);
  const pinch = useRef<{ distance: number } | null>(null);
  const suppressClick = useRef(false);
  const latest = useRef(domain);
  latest.current = domain;

  /** The anchor (0..1 across the plot) of a client x coordinate. */
  const anchorAt = (clientX: number): number => {
    const left = svg?.getBoundingClientRect().left ?? 0;
    return Math.min(1, Math.max(0, (clientX - left - MARGIN_X) / plotWidth));
  };

  // Wheel listeners must be non-passive to keep the page from scrolling while zooming.
  useEffect(() => {
    if (!svg || plotWidth <= 0) return;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const anchor = Math.min(
        1,
        Math.max(0, (event.clientX - svg.getBoundingClientRect().left - MARGIN_X) / plotWidth),
      );
      if (Math.abs(event.deltaX) > Math.abs(event.deltaY)) {
        setDomain((domain) => {
          const shift = (event.deltaX / plotWidth) * (domain.end - domain.start);
          return clampDomain({ start: domain.start + shift, end: domain.end + shift }, bounds, MIN_SPAN);
        });
        return;
      }
      const scale = event.deltaMode === 1 ? 40 : event.deltaMode === 2 ? 400 : 1;
      const factor = Math.exp((-event.deltaY * scale) / 500);
      setDomain((domain) => zoomDomain(domain, factor, anchor, bounds, MIN_SPAN));
    };
    svg.addEventListener('wheel', onWheel, { passive: false });
    return () => svg.removeEventListener('wheel', onWheel);
  }, [svg, plotWidth, bounds, setDomain]);

  const startDrag = (pointerId: number, clientX: number) => {
    drag.current = { startX: clientX, start: latest.current, moved: false, pointerId };
  };

  const onPointerDown = (event: PointerEvent<SVGSVGElement>) => {
    if (event.pointerType === 'mouse' && event.button !== 0) return;
    pointers.current.set(event.pointerId, event.clientX);
    if (pointers.current.size === 1) {
      suppressClick.current = false;
      startDrag(event.pointerId, event.clientX);
    } else if (pointers.current.size === 2) {
      const [a = 0, b = 0] = [...pointers.current.values()];
      pinch.current = { distance: Math.max(1, Math.abs(a - b)) };
      drag.current = null;
      event.currentTarget.setPointerCapture(event.pointerId);
    }
  };

  const onPointerMove = (event: PointerEvent<SVGSVGElement>) => {
    if (!pointers.current.has(event.pointerId)) return;
    pointers.current.set(event.pointerId, event.clientX);
    if (pinch.current && pointers.current.size >= 2) {
      const [a = 0, b = 0] = [...pointers.current.values()];
      const distance = Math.max(1, Math.abs(a - b));
      const factor = distance / pinch.current.distance;
      pinch.current.distance = distance;
      const anchor = anchorAt((a + b) / 2);
      setDomain((domain) => zoomDomain(domain, factor, anchor, bounds, MIN_SPAN));
      suppressClick.current = true;
      return;
    }
    const current = drag.current;
    if (!current || current.pointerId !== event.pointerId) return;
    const dx = event.clientX - current.startX;
    if (!current.moved && Math.abs(dx) > DRAG_THRESHOLD) {
      current.moved = true;
      event.currentTarget.setPointerCapture(event.pointerId);
    }
    if (current.moved) {
      const shift = (-dx / plotWidth) * (current.start.end - current.start.start);
      setDomain(
        clampDomain({ start: current.start.start + shift, end: current.start.end + shift }, bounds, MIN_SPAN),
      );
    }
  };

  const onPointerEnd = (event: PointerEvent<SVGSVGElement>) => {
    pointers.current.delete(event.pointerId);
    if (drag.current?.moved) suppressClick.current = true;
    if (pointers.current.size < 2) pinch.current = null;
    const [remaining] = [...pointers.current.entries()];
    if (remaining) startDrag(remaining[0], remaining[1]);
    else drag.current = null;
  };

  /** Swallows the click that ends a drag or a pinch. */
  const onClickCapture = (event: { preventDefault(): void; stopPropagation(): void }) => {
    if (!suppressClick.current) return;
    suppressClick.current = false;
    event.preventDefault();
    event.stopPropagation();
  };

  return {
    onPointerDown,
    onPointerMove,
    onPointerUp: onPointerEnd,
    onPointerCancel: onPointerEnd,
    onClickCapture,
    isDragging: () => drag.current?.moved === true,
  };
}
