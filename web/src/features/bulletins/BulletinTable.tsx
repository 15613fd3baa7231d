import { Table, Text } from '@mantine/core';
import { RouterAnchor } from '../../components/RouterAnchor.tsx';
import { TableFrame } from '../../components/TableFrame.tsx';
import { TlpBadge } from '../intel/IntelBadges.tsx';
import classes from './bulletins.module.css';
import type { BulletinSummary } from './types.ts';
import { useBulletinText } from './useBulletinText.ts';

/** A list of bulletins: title (a link), period, marking, when built. */
export function BulletinTable({ items, label }: { items: BulletinSummary[]; label: string }) {
  const { t, period, date } = useBulletinText();
  if (items.length === 0) return <Text className={classes.empty}>{t('list.empty')}</Text>;
  return (
    <TableFrame label={label} minWidth={640}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('list.column.title')}</Table.Th>
          <Table.Th scope="col">{t('list.column.period')}</Table.Th>
          <Table.Th scope="col">{t('list.column.marking')}</Table.Th>
          <Table.Th scope="col">{t('list.column.language')}</Table.Th>
          <Table.Th scope="col">{t('list.column.built')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((b) => (
          <Table.Tr key={b.id}>
            <Table.Td>
              <RouterAnchor to={`/bulletins/${encodeURIComponent(b.id)}`}>{b.title}</RouterAnchor>
            </Table.Td>
            <Table.Td>{period(b.from, b.to)}</Table.Td>
            <Table.Td>
              <TlpBadge tlp={b.tlp} />
            </Table.Td>
            <Table.Td>{b.language.toUpperCase()}</Table.Td>
            <Table.Td>{date(b.createdAt.slice(0, 10))}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </TableFrame>
  );
}
