import { Table, Text } from '@mantine/core';
import { RouterAnchor } from '../../components/RouterAnchor.tsx';
import { TableFrame, tableClasses } from '../../components/TableFrame.tsx';
import { TlpBadge, TypeBadge } from './IntelBadges.tsx';
import classes from './intel.module.css';
import { objectPath } from './paths.ts';
import type { ObjectSummary } from './types.ts';
import { useIntelText } from './useIntelText.ts';

/**
 * A table of objects: name (a link to its page), TLP, type, when it happened or was first seen,
 * and the creating organization; the empty state when there are none.
 */
export function ObjectsTable({
  items,
  label,
  showType = true,
  dateLabel,
}: {
  items: readonly ObjectSummary[];
  label: string;
  showType?: boolean;
  /** The heading of the date column (what `happened` means for these objects). */
  dateLabel?: string;
}) {
  const { t, day, orgName } = useIntelText();
  if (items.length === 0) {
    return (
      <Text c="gray.7" className={classes.empty}>
        {t('objects.empty')}
      </Text>
    );
  }
  return (
    <TableFrame label={label} minWidth={showType ? 900 : 780}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('objects.column.name')}</Table.Th>
          <Table.Th scope="col">{t('objects.column.tlp')}</Table.Th>
          {showType && <Table.Th scope="col">{t('objects.column.type')}</Table.Th>}
          <Table.Th scope="col">{dateLabel ?? t('objects.column.date')}</Table.Th>
          <Table.Th scope="col">{t('objects.column.creator')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((item) => (
          <Table.Tr key={item.id}>
            <Table.Th scope="row" className={classes.nameCell}>
              <RouterAnchor to={objectPath(item.type, item.id)}>{item.name ?? item.id}</RouterAnchor>
            </Table.Th>
            <Table.Td className={tableClasses.tight}>
              <TlpBadge tlp={item.tlp} />
            </Table.Td>
            {showType && (
              <Table.Td className={tableClasses.tight}>
                <TypeBadge type={item.type} />
              </Table.Td>
            )}
            <Table.Td className={tableClasses.tight}>
              {item.happened ? <time dateTime={item.happened}>{day(item.happened)}</time> : '—'}
            </Table.Td>
            <Table.Td className={`${tableClasses.muted} ${classes.creatorCell}`}>
              {orgName(item.creatorOrg)}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </TableFrame>
  );
}
