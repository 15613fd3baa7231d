import { Badge, Progress, Table, Text, VisuallyHidden } from '@mantine/core';
import { TableFrame } from '../../components/TableFrame.tsx';
import { IndicatorChart } from './IndicatorChart.tsx';
import { MeasurementForm } from './IndicatorForms.tsx';
import classes from './measures.module.css';
import type { Indicator } from './types.ts';
import { useMeasuresText } from './useMeasuresText.ts';

/**
 * One indicator: its target and direction, what the server computed from its measurements
 * (latest value, progress to target, trend, on track), the chart, the values as a table, and,
 * for those who may edit the measure, the form to add a measurement.
 */
export function IndicatorCard({
  measureId,
  indicator,
  editable,
}: {
  measureId: string;
  indicator: Indicator;
  editable: boolean;
}) {
  const { t, number, date } = useMeasuresText();
  const titleId = `indicator-${indicator.id}`;
  const percent = indicator.progress === null ? null : Math.round(indicator.progress * 100);
  const onTrack =
    indicator.onTrack === null
      ? t('indicators.unknown')
      : indicator.onTrack
        ? t('indicators.yes')
        : t('indicators.no');
  return (
    <article className={classes.card} aria-labelledby={titleId}>
      <h3 id={titleId} className={classes.cardTitle}>
        {indicator.name}
      </h3>
      <Text size="sm" c="gray.7">
        {t(`direction.${indicator.direction}`)} · {indicator.unit}
        {indicator.met && (
          <Badge ml="xs" color="teal.9" variant="light" size="sm">
            {t('indicators.met')}
          </Badge>
        )}
      </Text>
      <dl className={classes.figures}>
        <div>
          <dt>{t('indicators.target')}</dt>
          <dd>{number(indicator.target)}</dd>
        </div>
        <div>
          <dt>{t('indicators.latest')}</dt>
          <dd>{indicator.latest ? number(indicator.latest.value) : t('indicators.noValue')}</dd>
        </div>
        <div>
          <dt>{t('indicators.trend')}</dt>
          <dd>{indicator.trend ? t(`trend.${indicator.trend}`) : t('indicators.unknown')}</dd>
        </div>
        <div>
          <dt>{t('indicators.onTrack')}</dt>
          <dd>{onTrack}</dd>
        </div>
        {indicator.baseline !== null && (
          <div>
            <dt>{t('indicators.baseline')}</dt>
            <dd>{number(indicator.baseline)}</dd>
          </div>
        )}
        {indicator.due && (
          <div>
            <dt>{t('indicators.due')}</dt>
            <dd>{date(indicator.due)}</dd>
          </div>
        )}
      </dl>
      {percent !== null && (
        <Progress
          value={percent}
          color="sco.7"
          aria-label={`${t('indicators.progress')}: ${percent} %`}
          title={`${percent} %`}
        />
      )}
      {indicator.measurements.length === 0 ? (
        <Text size="sm" c="gray.7">
          {t('chart.empty')}
        </Text>
      ) : (
        <>
          <IndicatorChart indicator={indicator} />
          <TableFrame label={t('indicators.values', { name: indicator.name })} minWidth={280}>
            <caption>
              <VisuallyHidden>{t('indicators.values', { name: indicator.name })}</VisuallyHidden>
            </caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('indicators.date')}</Table.Th>
                <Table.Th>{t('indicators.value')}</Table.Th>
                <Table.Th>{t('indicators.note')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {indicator.measurements.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td>{date(m.date)}</Table.Td>
                  <Table.Td>{number(m.value)}</Table.Td>
                  <Table.Td>
                    {m.note}
                    {m.source && (
                      <>
                        {m.note ? ' · ' : ''}
                        <a href={m.source} rel="noreferrer">
                          {new URL(m.source).hostname}
                        </a>
                      </>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </TableFrame>
        </>
      )}
      {editable && <MeasurementForm measureId={measureId} indicator={indicator} />}
    </article>
  );
}
