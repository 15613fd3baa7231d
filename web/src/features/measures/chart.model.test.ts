import { describe, expect, it } from 'vitest';
import { chartOption, timeOf } from './chart.model.ts';
import type { Indicator } from './types.ts';

const indicator = (values: [string, number][], target = 100): Indicator => ({
  id: 'i',
  name: 'Officers trained',
  unit: 'people',
  target,
  baseline: null,
  direction: 'higher-is-better',
  due: null,
  measurements: values.map(([date, value], n) => ({
    id: String(n),
    date,
    value,
    note: null,
    source: null,
    recordedAt: '',
    recordedBy: '',
  })),
  latest: null,
  progress: null,
  trend: null,
  onTrack: null,
  met: false,
});

const labels = { target: 'Target', value: 'Measured', number: String, date: (d: string) => d };

describe('the indicator chart', () => {
  it('draws the measurements in date order against the target line', () => {
    const option = chartOption(
      indicator([
        ['2024-03-01', 60],
        ['2024-01-01', 20],
      ]),
      labels,
    );
    const [series] = option.series;
    expect(series?.data).toEqual([
      [timeOf('2024-01-01'), 20],
      [timeOf('2024-03-01'), 60],
    ]);
    expect(series?.markLine?.data).toEqual([{ yAxis: 100 }]);
    expect(series?.markLine?.label.formatter).toBe('Target 100');
  });

  it('keeps the target in view with a series that spans the measurements at the target value', () => {
    const option = chartOption(
      indicator(
        [
          ['2024-01-01', 500],
          ['2024-02-01', 600],
        ],
        100,
      ),
      labels,
    );
    expect(option.series[1]?.data).toEqual([
      [timeOf('2024-01-01'), 100],
      [timeOf('2024-02-01'), 100],
    ]);
    expect(option.series[1]?.lineStyle).toEqual({ opacity: 0 });
  });
});
