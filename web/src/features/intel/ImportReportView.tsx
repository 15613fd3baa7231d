import { Alert, Table, Text } from '@mantine/core';
import { Section } from '../../components/PageHeader.tsx';
import { TableFrame, tableClasses } from '../../components/TableFrame.tsx';
import classes from './intel.module.css';
import type { ImportReport } from './types.ts';
import { useIntelText } from './useIntelText.ts';

const COUNTS = ['read', 'created', 'versioned', 'unchanged', 'rejected'] as const;

/** What an import did: whether it landed, its counts, and each fault of the rejected records. */
export function ImportReportView({ report, refused }: { report: ImportReport; refused?: string }) {
  const { t, number } = useIntelText();
  return (
    <Section id="report" title={t('import.report')}>
      <div role="status">
        {report.landed ? (
          <Alert color="pine.8" variant="light" title={t('import.landed')}>
            {report.rejected > 0
              ? t('import.landedPartly', { count: report.rejected })
              : t('import.landedAll')}
          </Alert>
        ) : (
          <Alert color="red.9" variant="light" title={t('import.notLanded')}>
            {refused ?? t('import.nothing')}
          </Alert>
        )}
      </div>
      <dl className={classes.counts}>
        {COUNTS.map((count) => (
          <div key={count} className={classes.count} data-count={count}>
            <dt>{t(`import.counts.${count}`)}</dt>
            <dd>{number(report[count])}</dd>
          </div>
        ))}
      </dl>
      {report.rejections.length > 0 && (
        <>
          <Text fw={600} mt="md" mb="xs">
            {t('import.rejections')}
          </Text>
          <TableFrame label={t('import.rejections')} minWidth={560}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('import.column.at')}</Table.Th>
                <Table.Th scope="col">{t('import.column.field')}</Table.Th>
                <Table.Th scope="col">{t('import.column.problem')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.rejections.map((rejection, at) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a record may have the same fault twice.
                <Table.Tr key={at}>
                  <Table.Td className={tableClasses.code}>{rejection.at}</Table.Td>
                  <Table.Td className={tableClasses.code}>{rejection.field}</Table.Td>
                  <Table.Td lang="en">{rejection.problem}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </TableFrame>
        </>
      )}
    </Section>
  );
}
