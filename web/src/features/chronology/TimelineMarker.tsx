import { useTranslation } from 'react-i18next';
import type { ChronologyKind } from '../../api/types.ts';
import { useLocale } from '../../lib/useLocale.ts';
import { MarkerShape } from './MarkerShape.tsx';
import classes from './Timeline.module.css';
import { subjectPath, type TimedEvent } from './timeline.model.ts';
import type { Cluster } from './timeline.scale.ts';

export type MarkerAction = 'open' | 'zoom' | 'list';

/**
 * One marker on a lane: a link when it stands for one event, a button when it gathers
 * several (selecting it zooms in, or lists them when they share a date).
 */
export function TimelineMarker({
  lane,
  cluster,
  y,
  action,
  label,
  dimmed,
  onActivate,
  onShow,
  onHide,
}: {
  lane: ChronologyKind;
  cluster: Cluster<TimedEvent>;
  y: number;
  action: MarkerAction;
  label: string | undefined;
  dimmed: boolean;
  onActivate: () => void;
  onShow: () => void;
  onHide: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const count = cluster.items.length;
  const first = cluster.items[0];
  const last = cluster.items[count - 1];
  if (!first || !last) return null;
  const r = count > 9 ? 11 : count > 1 ? 9.5 : lane === 'summit' ? 7.5 : 6;
  const common = {
    className: classes.marker,
    transform: `translate(${cluster.x.toFixed(1)} ${y})`,
    'data-dimmed': dimmed,
    'data-key': cluster.key,
    onPointerEnter: onShow,
    onPointerLeave: onHide,
    onFocus: onShow,
    onBlur: onHide,
  };
  const body = (
    <>
      <circle className={classes.ring} r={r + 6} />
      <MarkerShape kind={lane} r={r} />
      {count > 1 && (
        <text className={classes.count} textAnchor="middle" dy={lane === 'status' ? '0.6em' : '0.35em'}>
          {count > 99 ? '99+' : count}
        </text>
      )}
      {label && (
        <text className={classes.cityLabel} textAnchor="middle" y={r + 15}>
          {label}
        </text>
      )}
    </>
  );

  if (action === 'open') {
    const path = subjectPath(first.event.subject);
    return (
      <a
        {...common}
        href={path}
        aria-label={`${t(`kind.${lane}`)}, ${locale.date(first.event.date)}: ${locale.text(first.event.title)}`}
        onClick={(event) => {
          if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
          event.preventDefault();
          onActivate();
        }}
      >
        {body}
      </a>
    );
  }

  const dates =
    first.event.date === last.event.date
      ? locale.date(first.event.date)
      : t('common.dateRange', { from: locale.date(first.event.date), to: locale.date(last.event.date) });
  return (
    // biome-ignore lint/a11y/useSemanticElements: an SVG group cannot be a <button>; it takes the role.
    <g
      {...common}
      role="button"
      tabIndex={0}
      aria-label={`${t(`lane.${lane}`)}, ${dates}: ${t(action === 'zoom' ? 'home.clusterHint' : 'home.listHint', { count })}`}
      onClick={onActivate}
      onKeyDown={(event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          onActivate();
        }
      }}
    >
      {body}
    </g>
  );
}
