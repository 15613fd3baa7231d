import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StatusPeriod } from '../../api/types.ts';
import { ConfidenceBadge, StatusBadge } from '../../components/Badges.tsx';
import { sourceLabel } from '../../lib/format.ts';
import { useLocale } from '../../lib/useLocale.ts';
import classes from './StatusPeriods.module.css';

/** The sources of one period, as short links on one line. */
function PeriodSources({ sources }: { sources: string[] }) {
  if (sources.length === 0) return null;
  return (
    <Text size="xs" c="gray.7" className={classes.sources}>
      {sources.map((url, i) => (
        <span key={url}>
          {i > 0 && ' · '}
          <Anchor href={url} target="_blank" rel="noopener noreferrer" size="xs" title={url}>
            {sourceLabel(url, 32)}
          </Anchor>
        </span>
      ))}
    </Text>
  );
}

/**
 * A state's status periods: a table on wide screens, a list of cards on phones (only one of
 * the two is displayed, so assistive technology meets only one).
 */
export function StatusPeriods({ periods }: { periods: StatusPeriod[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const until = (period: StatusPeriod) => (period.to ? locale.date(period.to) : t('common.present'));

  return (
    <>
      <Table verticalSpacing="sm" className={`${classes.table} ${classes.wide}`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('states.period.status')}</Table.Th>
            <Table.Th scope="col">{t('states.period.from')}</Table.Th>
            <Table.Th scope="col">{t('states.period.to')}</Table.Th>
            <Table.Th scope="col">{t('states.period.how')}</Table.Th>
            <Table.Th scope="col">{t('common.confidence')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {periods.map((period) => (
            <Table.Tr key={`${period.status}-${period.from}`}>
              <Table.Td className={classes.nowrap}>
                <StatusBadge status={period.status} size="sm" />
              </Table.Td>
              <Table.Td className={classes.date}>{locale.date(period.from)}</Table.Td>
              <Table.Td className={classes.date}>{until(period)}</Table.Td>
              <Table.Td>
                <Text size="sm">{period.how}</Text>
                <PeriodSources sources={period.sources} />
              </Table.Td>
              <Table.Td className={classes.nowrap}>
                <ConfidenceBadge confidence={period.confidence} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <ol className={`${classes.cards} ${classes.narrow}`}>
        {periods.map((period) => (
          <li key={`${period.status}-${period.from}`} className={classes.card}>
            <div className={classes.cardHead}>
              <StatusBadge status={period.status} size="sm" />
              <ConfidenceBadge confidence={period.confidence} />
            </div>
            <Text size="sm" fw={600} className={classes.date}>
              {t('common.dateRange', { from: locale.date(period.from), to: until(period) })}
            </Text>
            <Text size="sm">{period.how}</Text>
            <PeriodSources sources={period.sources} />
          </li>
        ))}
      </ol>
    </>
  );
}
