import { useElementSize } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { StatusPeriod } from '../../api/types.ts';
import { parseIsoDate } from '../../lib/format.ts';
import { useLocale } from '../../lib/useLocale.ts';
import classes from './StatusHistoryBar.module.css';

const START_YEAR = 1996;
const HEIGHT = 44;
const PAD = 14;

/** A state's statuses as coloured segments along the years 1996 to today, with year ticks. */
export function StatusHistoryBar({ name, periods }: { name: string; periods: StatusPeriod[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { ref, width } = useElementSize();
  const start = Date.UTC(START_YEAR, 0, 1);
  const now = Date.now();
  const end = Date.UTC(new Date(now).getUTCFullYear() + 1, 0, 1);
  const inner = Math.max(1, width - 2 * PAD);
  const x = (time: number) => PAD + ((time - start) / (end - start)) * inner;
  const years: number[] = [];
  const step = width < 500 ? 10 : width < 900 ? 4 : 2;
  for (let year = START_YEAR; year <= new Date(end).getUTCFullYear(); year += 1) {
    if (year % step === 0) years.push(year);
  }

  return (
    <div ref={ref} className={classes.root}>
      {width > 0 && (
        <svg
          width={width}
          height={HEIGHT}
          role="img"
          aria-label={t('states.historyChart', {
            name,
            from: locale.year(START_YEAR),
            to: locale.year(new Date(now).getUTCFullYear()),
          })}
        >
          <rect className={classes.track} x={PAD} y={4} width={inner} height={18} rx={4} />
          {periods.map((period) => {
            const from = parseIsoDate(period.from)?.getTime() ?? start;
            const to = period.to ? (parseIsoDate(period.to)?.getTime() ?? now) : now;
            const left = x(Math.max(from, start));
            return (
              <rect
                key={`${period.status}-${period.from}`}
                className={classes.segment}
                data-status={period.status}
                x={left}
                y={4}
                width={Math.max(2, x(to) - left)}
                height={18}
              >
                <title>{`${t(`status.${period.status}`)}: ${locale.date(period.from)} – ${period.to ? locale.date(period.to) : t('common.present')}`}</title>
              </rect>
            );
          })}
          {years.map((year) => (
            <g key={year}>
              <line
                className={classes.tick}
                x1={x(Date.UTC(year, 0, 1))}
                x2={x(Date.UTC(year, 0, 1))}
                y1={22}
                y2={27}
              />
              <text className={classes.label} x={x(Date.UTC(year, 0, 1))} y={39} textAnchor="middle">
                {year}
              </text>
            </g>
          ))}
        </svg>
      )}
      <ul className={classes.legend}>
        {[...new Set(periods.map((period) => period.status))].map((status) => (
          <li key={status} className={classes.legendItem}>
            <span className={classes.swatch} data-status={status} aria-hidden="true" />
            {t(`status.${status}`)}
          </li>
        ))}
      </ul>
    </div>
  );
}
