import { BarChart, type BarSeriesOption, LineChart, type LineSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  type GridComponentOption,
  LegendComponent,
  type LegendComponentOption,
  TooltipComponent,
  type TooltipComponentOption,
} from 'echarts/components';
import { type ComposeOption, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import type { ChartTable } from './csv.model.ts';

/**
 * The parts of Apache ECharts the dashboard uses, and only those (line and bar charts, axes,
 * legend, tooltip, the canvas renderer that makes the PNG), so the page's bundle stays lean; and
 * the charts' options, made from a chart's table so that the picture, its CSV and its text
 * alternative show the same figures.
 */
use([LineChart, BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = ComposeOption<
  LineSeriesOption | BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

/** Twelve colours that stay apart from each other (and the region's line is dark grey). */
const PALETTE = [
  '#1f77b4',
  '#d62728',
  '#2ca02c',
  '#9467bd',
  '#ff7f0e',
  '#8c564b',
  '#e377c2',
  '#17becf',
  '#bcbd22',
  '#393b79',
  '#637939',
  '#ad494a',
];
const REGION_COLOUR = '#333333';
const OTHER_COLOUR = '#a3a3a3';
const CBRN_COLOUR = '#6a00a8';

export interface OptionSettings {
  kind: 'line' | 'stacked' | 'bar';
  /** Formats numbers on the axis and in the tooltip, in the interface language. */
  format: (value: number) => string;
  /** The last column is the region (drawn dark and dashed), or "other" (grey). */
  last?: 'region' | 'other';
  /** Columns (by header) to draw in the CBRN colour. */
  cbrn?: readonly string[];
  /** The value axis's top (the index: 10). */
  max?: number;
}

/** The option of a chart whose first column is the year and the others are its series. */
export function chartOption(table: ChartTable, settings: OptionSettings): ChartOption {
  const years = table.rows.map((row) => String(row[0]));
  const names = table.columns.slice(1);
  const series = names.map((name, i) => {
    const data = table.rows.map((row) => row[i + 1] ?? null) as (number | null)[];
    const isLast = i === names.length - 1;
    let colour = PALETTE[i % PALETTE.length] as string;
    if (settings.cbrn?.includes(name)) colour = CBRN_COLOUR;
    if (isLast && settings.last === 'other') colour = OTHER_COLOUR;
    if (isLast && settings.last === 'region') colour = REGION_COLOUR;
    if (settings.kind === 'line')
      return {
        type: 'line' as const,
        name,
        data,
        color: colour,
        symbolSize: 5,
        lineStyle:
          isLast && settings.last === 'region' ? { width: 3, type: 'dashed' as const } : { width: 2 },
      };
    return {
      type: 'bar' as const,
      name,
      data,
      color: colour,
      ...(settings.kind === 'stacked' ? { stack: 'all' } : {}),
      barMaxWidth: 36,
    };
  });
  const legend = settings.kind !== 'bar';
  return {
    animation: false,
    textStyle: { fontFamily: 'inherit' },
    grid: { left: 8, right: 16, top: 16, bottom: legend ? 40 : 8, containLabel: true },
    legend: legend ? { type: 'scroll', bottom: 0, textStyle: { color: '#333' } } : { show: false },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (value) => (typeof value === 'number' ? settings.format(value) : '–'),
    },
    xAxis: { type: 'category', data: years, axisLabel: { color: '#444' } },
    yAxis: {
      type: 'value',
      ...(settings.max !== undefined ? { max: settings.max } : {}),
      minInterval: settings.kind === 'line' && settings.max !== undefined ? 0 : 1,
      axisLabel: { color: '#444', formatter: (value: number) => settings.format(value) },
    },
    series,
  };
}
