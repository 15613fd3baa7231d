import { CloseButton } from '@mantine/core';
import { type CSSProperties, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocale } from '../../lib/useLocale.ts';
import classes from './Timeline.module.css';
import { subjectPath, type TimedEvent } from './timeline.model.ts';

const MAX_HOVER_ITEMS = 5;

interface CardProps {
  items: TimedEvent[];
  x: number;
  y: number;
  below: boolean;
}

/** Where the card sits: it follows its marker, which moves as the timeline pans and zooms. */
function position({ x, y, below }: Pick<CardProps, 'x' | 'y' | 'below'>): CSSProperties {
  return {
    '--tip-x': `${x}px`,
    '--tip-y': `${below ? y + 18 : y - 18}px`,
    '--tip-shift': below ? '0' : '-100%',
  } as CSSProperties;
}

/** "7 June 2002", or a range when the events span several days. */
function useDates(items: TimedEvent[]): string {
  const { t } = useTranslation();
  const locale = useLocale();
  const first = items[0]?.event.date ?? '';
  const last = items[items.length - 1]?.event.date ?? '';
  return first === last
    ? locale.date(first)
    : t('common.dateRange', { from: locale.date(first), to: locale.date(last) });
}

/** The passive card shown while a marker is hovered or focused: names its events. */
export function TimelineTooltip({
  items,
  x,
  y,
  below,
  action,
}: CardProps & { action: 'open' | 'zoom' | 'list' }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const dates = useDates(items);
  const shown = items.slice(0, MAX_HOVER_ITEMS);
  return (
    <div className={classes.tooltip} style={position({ x, y, below })} data-pinned={false} role="tooltip">
      <div className={classes.tipDate}>{dates}</div>
      <ul className={classes.tipList}>
        {shown.map(({ event, index }) => (
          <li key={index} className={classes.tipItem}>
            <span className={classes.dot} data-kind={event.kind} aria-hidden="true" />
            <span>{locale.text(event.title)}</span>
          </li>
        ))}
      </ul>
      {items.length > shown.length && (
        <div className={classes.tipHint}>{t('common.more', { count: items.length - shown.length })}</div>
      )}
      <div className={classes.tipHint}>
        {action === 'open'
          ? t('home.openHint')
          : t(action === 'zoom' ? 'home.clusterHint' : 'home.listHint', { count: items.length })}
      </div>
    </div>
  );
}

/** The card a crowded date opens: links to each of its events; Escape or × closes it. */
export function TimelineEventList({ items, x, y, below, onClose }: CardProps & { onClose: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const dates = useDates(items);
  const cardRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    cardRef.current?.querySelector<HTMLElement>('a')?.focus();
  }, []);

  return (
    <div
      ref={cardRef}
      className={classes.tooltip}
      style={position({ x, y, below })}
      data-pinned={true}
      role="dialog"
      aria-label={dates}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      <div className={classes.tipHead}>
        <span className={classes.tipDate}>{dates}</span>
        <CloseButton size="sm" aria-label={t('nav.close')} onClick={onClose} />
      </div>
      <ul className={classes.tipList}>
        {items.map(({ event, index }) => (
          <li key={index} className={classes.tipItem}>
            <span className={classes.dot} data-kind={event.kind} aria-hidden="true" />
            <Link to={subjectPath(event.subject)}>{locale.text(event.title)}</Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
