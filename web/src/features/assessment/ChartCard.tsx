import { Button, Group, Table } from '@mantine/core';
import { type ECharts, init } from 'echarts/core';
import { useEffect, useRef } from 'react';
import { TableFrame } from '../../components/TableFrame.tsx';
import classes from './assessment.module.css';
import { type ChartTable, toCsv } from './csv.model.ts';
import { type ChartOption, chartOption, type OptionSettings } from './echarts.ts';
import { useAssessmentText } from './useAssessmentText.ts';

/** Makes the browser save `href` as `fileName`. */
function download(href: string, fileName: string) {
  const link = document.createElement('a');
  link.href = href;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
}

/**
 * One chart of the dashboard: its title, the ECharts picture (an image with a name and a short
 * description for screen readers), "Download PNG" and "Download CSV", and the same figures as a
 * table, which is the picture's accessible equivalent. The container is marked `data-ready` once
 * ECharts has drawn it.
 */
export function ChartCard({
  id,
  title,
  description,
  table,
  settings,
  fileName,
}: {
  id: string;
  title: string;
  description: string;
  table: ChartTable;
  settings: OptionSettings;
  fileName: string;
}) {
  const { t, number } = useAssessmentText();
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);

  useEffect(() => {
    const node = element.current;
    if (!node) return;
    const instance = init(node, undefined, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('finished', () => node.setAttribute('data-ready', 'true'));
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(node);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  // Drawn again only when the figures or the kind of chart change (not on every render of the page).
  const key = JSON.stringify([table, settings.kind, settings.last, settings.cbrn, settings.max]);
  const latest = useRef(settings);
  latest.current = settings;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the figures are compared by value (`key`).
  useEffect(() => {
    const option: ChartOption = chartOption(table, latest.current);
    chart.current?.setOption(option, { notMerge: true });
  }, [key]);

  const downloadPng = () => {
    const url = chart.current?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' });
    if (url) download(url, `${fileName}.png`);
  };
  const downloadCsv = () => {
    const url = URL.createObjectURL(new Blob([toCsv(table)], { type: 'text/csv;charset=utf-8' }));
    download(url, `${fileName}.csv`);
    setTimeout(() => URL.revokeObjectURL(url), 0);
  };
  const headingId = `${id}-title`;
  return (
    <figure className={classes.card} aria-labelledby={headingId}>
      <h3 id={headingId} className={classes.cardTitle}>
        {title}
      </h3>
      <div
        ref={element}
        className={classes.chart}
        role="img"
        aria-label={`${title}. ${description}`}
        data-chart={id}
      />
      <Group gap="xs" mt="xs">
        <Button size="xs" variant="outline" onClick={downloadPng} aria-label={t('chart.pngOf', { title })}>
          {t('chart.png')}
        </Button>
        <Button size="xs" variant="outline" onClick={downloadCsv} aria-label={t('chart.csvOf', { title })}>
          {t('chart.csv')}
        </Button>
      </Group>
      <details className={classes.figures}>
        <summary>{t('chart.figures')}</summary>
        <TableFrame
          label={t('chart.figuresOf', { title })}
          minWidth={Math.min(900, 120 * table.columns.length)}
        >
          <Table.Thead>
            <Table.Tr>
              {table.columns.map((column) => (
                <Table.Th key={column} scope="col">
                  {column}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {table.rows.map((row) => (
              <Table.Tr key={String(row[0])}>
                <Table.Th scope="row">{row[0]}</Table.Th>
                {row.slice(1).map((cell, i) => (
                  <Table.Td key={table.columns[i + 1]} className={classes.numeric}>
                    {typeof cell === 'number' ? number(cell) : '–'}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </TableFrame>
      </details>
    </figure>
  );
}
