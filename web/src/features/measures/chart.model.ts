import type { Indicator } from './types.ts';

/**
 * The ECharts option of an indicator's card: the measured values over time as a line, the target
 * as a dashed horizontal line, the value axis stretched to show both. Pure, so it is tested
 * without a browser; the component only draws it.
 */

/** Colours of the one visual system (SCO blue; ochre for the target), dark enough on white. */
export const CHART_COLORS = { line: '#1a5fa3', target: '#954400', grid: '#dee2e6', text: '#495057' };

export interface ChartLabels {
  target: string;
  value: string;
  /** A value as the interface language writes it. */
  number: (value: number) => string;
  /** A date as the interface language writes it. */
  date: (iso: string) => string;
}

/** Time in milliseconds of an ISO date, at noon UTC so that no time zone moves it to another day. */
export const timeOf = (iso: string) => Date.parse(`${iso}T12:00:00Z`);

export function chartOption(indicator: Indicator, labels: ChartLabels) {
  const points = [...indicator.measurements]
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    .map((m) => [timeOf(m.date), m.value] as [number, number]);
  const span = points.length ? [points[0]?.[0] as number, points.at(-1)?.[0] as number] : [];
  const axisText = { color: CHART_COLORS.text, fontSize: 11 };
  return {
    animation: false,
    grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis' as const,
      valueFormatter: (value: unknown) => (typeof value === 'number' ? labels.number(value) : String(value)),
    },
    xAxis: {
      type: 'time' as const,
      axisLabel: {
        ...axisText,
        hideOverlap: true,
        formatter: (ms: number) => labels.date(new Date(ms).toISOString().slice(0, 10)),
      },
      splitLine: { show: false },
    },
    yAxis: {
      type: 'value' as const,
      scale: true,
      axisLabel: { ...axisText, formatter: (value: number) => labels.number(value) },
      splitLine: { lineStyle: { color: CHART_COLORS.grid } },
    },
    series: [
      {
        type: 'line' as const,
        name: labels.value,
        data: points,
        showSymbol: true,
        symbolSize: 7,
        lineStyle: { color: CHART_COLORS.line, width: 2 },
        itemStyle: { color: CHART_COLORS.line },
        markLine: {
          symbol: 'none',
          silent: true,
          lineStyle: { color: CHART_COLORS.target, type: 'dashed' as const, width: 2 },
          label: {
            formatter: `${labels.target} ${labels.number(indicator.target)}`,
            color: CHART_COLORS.target,
            position: 'insideEndTop' as const,
          },
          data: [{ yAxis: indicator.target }],
        },
      },
      {
        // Not drawn: it only makes the value axis reach the target, so the target line is always in view.
        type: 'line' as const,
        name: labels.target,
        data: span.map((time) => [time, indicator.target] as [number, number]),
        showSymbol: false,
        silent: true,
        lineStyle: { opacity: 0 },
        tooltip: { show: false },
      },
    ],
  };
}
