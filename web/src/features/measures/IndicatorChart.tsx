import { LineChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { chartOption } from './chart.model.ts';
import classes from './measures.module.css';
import type { Indicator } from './types.ts';
import { useMeasuresText } from './useMeasuresText.ts';

// Only the parts this chart uses, so the measures page's bundle stays small (and no other page loads it).
echarts.use([LineChart, GridComponent, MarkLineComponent, TooltipComponent, SVGRenderer]);

/**
 * An indicator's measured values over time against its target line, drawn by ECharts as SVG at
 * the width of its card. For assistive technology it is one image whose name says what it shows;
 * the table of values beside it is its accessible equivalent.
 */
export function IndicatorChart({ indicator }: { indicator: Indicator }) {
  const { t, number, date } = useMeasuresText();
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const node = element.current;
    if (!node) return;
    const instance = echarts.init(node, null, { renderer: 'svg' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(node);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(
      chartOption(indicator, { target: t('chart.target'), value: t('chart.series'), number, date }),
      true,
    );
  }, [indicator, t, number, date]);

  const latest = indicator.latest
    ? ` ${t('chart.latest', { value: number(indicator.latest.value), date: date(indicator.latest.date) })}`
    : '';
  const label = `${t('chart.label', {
    name: indicator.name,
    count: indicator.measurements.length,
    target: number(indicator.target),
  })}${latest}`;
  return <div ref={element} className={classes.chart} role="img" aria-label={label} data-chart="indicator" />;
}
