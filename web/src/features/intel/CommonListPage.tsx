import { Table, Text } from '@mantine/core';
import { PageHeader, Section } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { RouterAnchor } from '../../components/RouterAnchor.tsx';
import { TableFrame, tableClasses } from '../../components/TableFrame.tsx';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { SignedIn } from '../identity/SignedIn.tsx';
import { TlpBadge } from './IntelBadges.tsx';
import classes from './intel.module.css';
import { Reservations } from './ListingStatus.tsx';
import { nameOf } from './ObjectHeader.tsx';
import { objectPath } from './paths.ts';
import { useCommonList, useObjectsById } from './queries.ts';
import type { ListEntry } from './types.ts';
import { useIntelText } from './useIntelText.ts';

/**
 * `/intel/list`: the common list of organizations, as adopted Council decisions made it: each
 * listed organization with its decision (a link to the Council's board), date and reservations,
 * then every entry in order. Signed-in users only.
 */
export function CommonListPage() {
  return <SignedIn>{() => <CommonListView />}</SignedIn>;
}

function CommonListView() {
  const { t } = useIntelText();
  usePageTitle(t('list.title'));
  const list = useCommonList();
  return (
    <>
      <PageHeader
        title={t('list.title')}
        lead={t('list.lead')}
        crumbs={[{ to: '/intel', label: t('home.title') }]}
      />
      <QueryState query={list}>
        {(data) => (
          <>
            <Section id="listed" title={t('list.current', { count: data.items.length })}>
              <Entries entries={data.items} label={t('list.current', { count: data.items.length })} />
            </Section>
            <Section id="history" title={t('list.history')}>
              <Entries entries={[...data.history].reverse()} label={t('list.history')} withAction />
            </Section>
          </>
        )}
      </QueryState>
    </>
  );
}

function Entries({
  entries,
  label,
  withAction = false,
}: {
  entries: ListEntry[];
  label: string;
  withAction?: boolean;
}) {
  const { t, text, moment } = useIntelText();
  const views = useObjectsById([...new Set(entries.map((e) => e.objectId))]);
  const byId = new Map(views.filter((v) => v).map((v) => [v?.object.id, v]));
  if (entries.length === 0) {
    return (
      <Text c="gray.7" className={classes.empty}>
        {t('list.empty')}
      </Text>
    );
  }
  return (
    <TableFrame label={label} minWidth={760}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('list.column.organization')}</Table.Th>
          {withAction && <Table.Th scope="col">{t('list.column.action')}</Table.Th>}
          <Table.Th scope="col">{t('list.column.decision')}</Table.Th>
          <Table.Th scope="col">{t('list.column.date')}</Table.Th>
          <Table.Th scope="col">{t('list.column.reservations')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {entries.map((entry) => {
          const view = byId.get(entry.objectId);
          return (
            <Table.Tr key={`${entry.decisionId}:${entry.objectId}`}>
              <Table.Th scope="row" className={classes.nameCell}>
                {view ? (
                  <span className={classes.refBadges}>
                    <RouterAnchor to={objectPath(view.object.type, entry.objectId)}>
                      {nameOf(view)}
                    </RouterAnchor>
                    <TlpBadge tlp={view.tlp} />
                  </span>
                ) : (
                  <code className={classes.id}>{entry.objectId}</code>
                )}
              </Table.Th>
              {withAction && (
                <Table.Td className={tableClasses.tight}>{t(`list.action.${entry.action}`)}</Table.Td>
              )}
              <Table.Td>
                <RouterAnchor to={`/council/decisions/${encodeURIComponent(entry.decisionId)}`}>
                  {text(entry.decision)}
                </RouterAnchor>
              </Table.Td>
              <Table.Td className={tableClasses.tight}>
                <time dateTime={entry.decidedAt}>{moment(entry.decidedAt)}</time>
              </Table.Td>
              <Table.Td>
                {entry.reservations.length ? (
                  <Reservations items={entry.reservations} />
                ) : (
                  t('list.noReservations')
                )}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </TableFrame>
  );
}
