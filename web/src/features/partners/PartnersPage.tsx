import { Badge, Table, Text } from '@mantine/core';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { RouterAnchor } from '../../components/RouterAnchor.tsx';
import { TableFrame, tableClasses } from '../../components/TableFrame.tsx';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { SignedIn } from '../identity/SignedIn.tsx';
import { PartnerDialog } from './PartnerForms.tsx';
import classes from './partners.module.css';
import { usePartners } from './queries.ts';
import type { PartnerStatus, PartnerSummary } from './types.ts';
import { usePartnersText } from './usePartnersText.ts';

/** A partner's status: active, or suspended (its endpoints are not pulled). */
export function StatusBadge({ status }: { status: PartnerStatus }) {
  const { t } = usePartnersText();
  return (
    <Badge variant="light" color={status === 'active' ? 'pine.8' : 'gray.7'}>
      {t(`status.${status}`)}
    </Badge>
  );
}

/** `/partners`: the registry of partner centers the reader may see (a partner center sees its own). */
export function PartnersPage() {
  const { t } = usePartnersText();
  usePageTitle(t('list.title'));
  return (
    <SignedIn>
      {(me) => (
        <>
          <PageHeader title={t('list.title')} lead={t('list.lead')}>
            {me.effectiveRoles.includes('admin') && (
              <div className={classes.toolbar}>
                <PartnerDialog />
              </div>
            )}
          </PageHeader>
          <PartnerList />
        </>
      )}
    </SignedIn>
  );
}

function PartnerList() {
  const { t } = usePartnersText();
  const partners = usePartners();
  return (
    <QueryState query={partners}>
      {(result) =>
        result.items.length === 0 ? (
          <Text c="gray.7">{t('list.empty')}</Text>
        ) : (
          <>
            <Text size="sm" c="gray.7" my="sm" role="status">
              {t('list.count', { count: result.total })}
            </Text>
            <TableFrame label={t('list.title')} minWidth={860}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('list.column.name')}</Table.Th>
                  <Table.Th scope="col">{t('list.column.kind')}</Table.Th>
                  <Table.Th scope="col">{t('list.column.seat')}</Table.Th>
                  <Table.Th scope="col">{t('list.column.status')}</Table.Th>
                  <Table.Th scope="col">{t('list.column.agreements')}</Table.Th>
                  <Table.Th scope="col">{t('list.column.endpoints')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {result.items.map((partner) => (
                  <PartnerRow key={partner.id} partner={partner} />
                ))}
              </Table.Tbody>
            </TableFrame>
          </>
        )
      }
    </QueryState>
  );
}

function PartnerRow({ partner }: { partner: PartnerSummary }) {
  const { t, text, number, lastPull } = usePartnersText();
  return (
    <Table.Tr>
      <Table.Th scope="row" fw={550}>
        <RouterAnchor to={`/partners/${encodeURIComponent(partner.id)}`}>{text(partner.name)}</RouterAnchor>
      </Table.Th>
      <Table.Td>{t(`kind.${partner.kind}`)}</Table.Td>
      <Table.Td>{partner.seat ?? '—'}</Table.Td>
      <Table.Td className={tableClasses.tight}>
        <StatusBadge status={partner.status} />
      </Table.Td>
      <Table.Td className={tableClasses.tight}>{number(partner.agreementsCount)}</Table.Td>
      <Table.Td>
        {partner.endpoints.length === 0 ? (
          <span className={tableClasses.muted}>{t('list.noEndpoints')}</span>
        ) : (
          <ul className={classes.pulls}>
            {partner.endpoints.map((e) => (
              <li key={e.id}>
                {t(`direction.${e.direction}`)}: {lastPull(e)}
              </li>
            ))}
          </ul>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
