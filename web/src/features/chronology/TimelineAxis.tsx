import { useTranslation } from 'react-i18next';
import { LOCALES } from '../../i18n/index.ts';
import { useLocale } from '../../lib/useLocale.ts';
import classes from './Timeline.module.css';
import { ERA_HEIGHT, ERAS, LANE_HEIGHT, LANES, LANES_BOTTOM, laneTops, MARGIN_X } from './timeline.model.ts';
import { type Domain, ticks, toX } from './timeline.scale.ts';

/**
 * The static parts of the timeline: era strip (Shanghai Five, SCO), lane bands and labels,
 * grid lines, the time axis with year or month ticks, and a line at today.
 */
export function TimelineAxis({
  domain,
  width,
  plotWidth,
}: {
  domain: Domain;
  width: number;
  plotWidth: number;
}) {
  const { t } = useTranslation();
  const { language, year } = useLocale();
  const tops = laneTops();
  const x = (time: number) => MARGIN_X + toX(time, domain, plotWidth);
  const monthFormat = new Intl.DateTimeFormat(LOCALES[language], { month: 'short', timeZone: 'UTC' });
  const now = Date.now();

  return (
    // biome-ignore lint/a11y/noAriaHiddenOnFocusable: a plain SVG group is not focusable; the axis is decoration.
    <g aria-hidden="true">
      {LANES.map((lane, i) => (
        <rect
          key={lane}
          className={i % 2 === 0 ? classes.laneBand : classes.laneBandAlt}
          x={0}
          y={tops[lane]}
          width={width}
          height={LANE_HEIGHT[lane]}
        />
      ))}
      {ERAS.map((era) => {
        const left = Math.max(0, x(era.start));
        const right = Math.min(width, era.end === null ? width : x(era.end));
        if (right <= left) return null;
        const label = era.key === 'sco' ? t('app.short') : t('statusGroup.shanghai-five');
        return (
          <g key={era.key}>
            <rect
              className={era.key === 'sco' ? classes.era : classes.eraFive}
              x={left}
              y={2}
              width={right - left}
              height={ERA_HEIGHT - 4}
              rx={3}
            />
            {right - left > label.length * 7 + 12 && (
              <text className={classes.eraLabel} x={left + 6} y={ERA_HEIGHT - 7}>
                {label}
              </text>
            )}
          </g>
        );
      })}
      {ticks(domain, plotWidth).map((tick) => {
        const tx = x(tick.t);
        const major = tick.month === null;
        return (
          <g key={tick.t}>
            <line
              className={`${classes.grid} ${major ? classes.gridMajor : ''}`}
              x1={tx}
              x2={tx}
              y1={ERA_HEIGHT}
              y2={LANES_BOTTOM + 5}
            />
            <text
              className={`${classes.tickLabel} ${major ? classes.tickLabelMajor : ''}`}
              x={tx}
              y={LANES_BOTTOM + 19}
              textAnchor={tx < 24 ? 'start' : tx > width - 24 ? 'end' : 'middle'}
            >
              {major ? year(tick.year) : monthFormat.format(new Date(tick.t))}
            </text>
          </g>
        );
      })}
      <line className={classes.axisLine} x1={0} x2={width} y1={LANES_BOTTOM} y2={LANES_BOTTOM} />
      {LANES.map((lane) => (
        <text key={lane} className={classes.laneLabel} x={8} y={tops[lane] + 14}>
          {t(`lane.${lane}`)}
        </text>
      ))}
      {now >= domain.start && now <= domain.end && (
        <g>
          <line className={classes.today} x1={x(now)} x2={x(now)} y1={ERA_HEIGHT} y2={LANES_BOTTOM} />
          <text className={classes.todayLabel} x={x(now) - 4} y={ERA_HEIGHT + 12} textAnchor="end">
            {t('states.today')}
          </text>
        </g>
      )}
    </g>
  );
}
