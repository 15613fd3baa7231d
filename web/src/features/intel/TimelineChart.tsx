import { Table, Text } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { TableFrame } from '../../components/TableFrame.tsx';
import classes from './intel.module.css';
import { everyYear, niceCeiling, ticks } from './timeline.model.ts';
import type { Timeline } from './types.ts';
import { useIntelText } from './useIntelText.ts';

const HEIGHT = 220;
const LEFT = 36;
const RIGHT = 8;
const TOP = 12;
const BOTTOM = 28;

/**
 * An organization's incidents per year as SVG bars (every year from the first to the last, so
 * quiet years show), with a title and a description for screen readers and the figures per year
 * as a table below, which is the chart's accessible equivalent.
 */
export function TimelineChart({ timeline, id }: { timeline: Timeline; id: string }) {
  const { t } = useIntelText();
  if (timeline.years.length === 0) return <Text c="gray.7">{t('timeline.empty')}</Text>;
  return <Chart timeline={timeline} id={id} />;
}

/** The chart drawn at the width of its frame, so its text keeps its size on a phone. */
function Chart({ timeline, id }: { timeline: Timeline; id: string }) {
  const { t, number } = useIntelText();
  const { ref, width: measured } = useElementSize<HTMLDivElement>();
  const WIDTH = Math.max(280, Math.round(measured) || 640);
  const years = everyYear(timeline.years);
  const top = niceCeiling(Math.max(...years.map((y) => y.incidents)));
  const plotWidth = WIDTH - LEFT - RIGHT;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const slot = plotWidth / years.length;
  const barWidth = Math.max(2, Math.min(40, slot * 0.7));
  const y = (value: number) => TOP + plotHeight - (value / top) * plotHeight;
  // Label every year while they fit; otherwise every n-th.
  const every = Math.max(1, Math.ceil(years.length / Math.floor(plotWidth / 40)));
  const total = years.reduce((sum, year) => sum + year.incidents, 0);
  const busiest = years.reduce((best, year) => (year.incidents > best.incidents ? year : best));
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  return (
    <figure className={classes.chart}>
      <div ref={ref}>
        <svg
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          className={classes.chartSvg}
          role="img"
          aria-labelledby={`${titleId} ${descId}`}
        >
          <title id={titleId}>{t('timeline.chartTitle')}</title>
          <desc id={descId}>
            {t('timeline.chartDesc', {
              total: number(total),
              from: years[0]?.year,
              to: years.at(-1)?.year,
              busiest: busiest.year,
              most: number(busiest.incidents),
            })}
          </desc>
          {ticks(top).map((tick) => (
            <g key={tick} className={classes.chartTick}>
              <line x1={LEFT} x2={WIDTH - RIGHT} y1={y(tick)} y2={y(tick)} />
              <text x={LEFT - 6} y={y(tick)} dy="0.32em" textAnchor="end">
                {number(tick)}
              </text>
            </g>
          ))}
          {years.map((year, index) => {
            const x = LEFT + index * slot + (slot - barWidth) / 2;
            return (
              <g key={year.year}>
                <rect
                  className={classes.chartBar}
                  x={x}
                  y={y(year.incidents)}
                  width={barWidth}
                  height={Math.max(0, TOP + plotHeight - y(year.incidents))}
                >
                  <title>{t('timeline.bar', { year: year.year, count: year.incidents })}</title>
                </rect>
                {index % every === 0 && (
                  <text
                    className={classes.chartLabel}
                    x={x + barWidth / 2}
                    y={HEIGHT - 8}
                    textAnchor="middle"
                  >
                    {year.year}
                  </text>
                )}
              </g>
            );
          })}
        </svg>
      </div>
      <details className={classes.figures}>
        <summary>{t('timeline.figures')}</summary>
        <TableFrame label={t('timeline.figures')} minWidth={320}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('timeline.year')}</Table.Th>
              <Table.Th scope="col">{t('timeline.incidents')}</Table.Th>
              <Table.Th scope="col">{t('incidents.column.killed')}</Table.Th>
              <Table.Th scope="col">{t('incidents.column.wounded')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {timeline.years.map((year) => (
              <Table.Tr key={year.year}>
                <Table.Th scope="row">{year.year}</Table.Th>
                <Table.Td>{number(year.incidents)}</Table.Td>
                <Table.Td>{number(year.killed)}</Table.Td>
                <Table.Td>{number(year.wounded)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </TableFrame>
      </details>
    </figure>
  );
}
