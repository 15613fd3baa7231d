import type { ChronologyKind } from '../../api/types.ts';
import classes from './Timeline.module.css';

/**
 * Each kind has its own shape as well as its own colour, so the lanes stay distinguishable
 * without colour: circle (summit), diamond (document), triangle (status), square (appointment).
 */
export function MarkerShape({ kind, r }: { kind: ChronologyKind; r: number }) {
  switch (kind) {
    case 'summit':
      return <circle className={classes.shape} data-kind={kind} r={r} />;
    case 'document': {
      const d = r * 1.25;
      return <path className={classes.shape} data-kind={kind} d={`M0 ${-d}L${d} 0L0 ${d}L${-d} 0Z`} />;
    }
    case 'status': {
      const d = r * 1.3;
      return (
        <path className={classes.shape} data-kind={kind} d={`M0 ${-d}L${d} ${d * 0.8}L${-d} ${d * 0.8}Z`} />
      );
    }
    case 'appointment': {
      const d = r * 0.95;
      return (
        <rect className={classes.shape} data-kind={kind} x={-d} y={-d} width={2 * d} height={2 * d} rx={2} />
      );
    }
  }
}

/** The same shape in a small standalone SVG, for the legend. */
export function LegendSwatch({ kind }: { kind: ChronologyKind }) {
  return (
    <svg width="16" height="16" viewBox="-8 -8 16 16" aria-hidden="true" focusable="false">
      <MarkerShape kind={kind} r={5.5} />
    </svg>
  );
}
