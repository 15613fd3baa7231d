import { Table, Text } from '@mantine/core';
import { RouterAnchor } from '../../components/RouterAnchor.tsx';
import { TableFrame, tableClasses } from '../../components/TableFrame.tsx';
import { TlpBadge } from './IntelBadges.tsx';
import classes from './intel.module.css';
import type { IncidentRow } from './types.ts';
import { useIntelText } from './useIntelText.ts';

/** Where an incident happened, in words: city, region, country (what is known of them). */
export function placeOf(row: Pick<IncidentRow, 'city' | 'country' | 'countryCode'>): string {
  return [row.city, row.country ?? row.countryCode].filter(Boolean).join(', ');
}

/**
 * Incidents as a table: name (a link), date, place, attack types, perpetrators, killed and
 * wounded, TLP. It is the accessible equivalent of the map drawn from the same rows.
 */
export function IncidentTable({ rows, label }: { rows: readonly IncidentRow[]; label: string }) {
  const { t, day, number } = useIntelText();
  if (rows.length === 0) {
    return (
      <Text c="gray.7" className={classes.empty}>
        {t('incidents.empty')}
      </Text>
    );
  }
  const count = (value: number | null) => (value === null ? '—' : number(value));
  return (
    <TableFrame label={label} minWidth={880}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('incidents.column.name')}</Table.Th>
          <Table.Th scope="col">{t('incidents.column.date')}</Table.Th>
          <Table.Th scope="col">{t('incidents.column.place')}</Table.Th>
          <Table.Th scope="col">{t('incidents.column.attack')}</Table.Th>
          <Table.Th scope="col">{t('incidents.column.perpetrators')}</Table.Th>
          <Table.Th scope="col" className={classes.numeric}>
            {t('incidents.column.killed')}
          </Table.Th>
          <Table.Th scope="col" className={classes.numeric}>
            {t('incidents.column.wounded')}
          </Table.Th>
          <Table.Th scope="col">{t('incidents.column.tlp')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.id}>
            <Table.Th scope="row" className={classes.nameCell}>
              <RouterAnchor to={`/intel/incidents/${encodeURIComponent(row.id)}`}>{row.name}</RouterAnchor>
            </Table.Th>
            <Table.Td className={tableClasses.tight}>
              {row.date ? <time dateTime={row.date}>{day(row.date)}</time> : '—'}
            </Table.Td>
            <Table.Td>{placeOf(row) || '—'}</Table.Td>
            <Table.Td>{row.attackTypes.join(', ') || '—'}</Table.Td>
            <Table.Td>{row.perpetrators.join(', ') || '—'}</Table.Td>
            <Table.Td className={classes.numeric}>{count(row.killed)}</Table.Td>
            <Table.Td className={classes.numeric}>{count(row.wounded)}</Table.Td>
            <Table.Td className={tableClasses.tight}>
              <TlpBadge tlp={row.tlp} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </TableFrame>
  );
}
