import { Progress, SegmentedControl, Table, Text, VisuallyHidden } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { Pager } from '../../components/Pager.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { RouterAnchor } from '../../components/RouterAnchor.tsx';
import { TableFrame, tableClasses } from '../../components/TableFrame.tsx';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { SignedIn, type SignedInMe } from '../identity/SignedIn.tsx';
import { DecisionStatusBadge } from './CouncilBadges.tsx';
import classes from './council.module.css';
import { positionCount } from './decision.model.ts';
import { useDecisions } from './queries.ts';
import { DECISION_STATUSES, type DecisionStatus } from './types.ts';
import { useCouncilText } from './useCouncilText.ts';

const PAGE_SIZE = 20;

const isStatus = (value: string | null): value is DecisionStatus =>
  (DECISION_STATUSES as readonly string[]).includes(value ?? '');

/** `/council/decisions`: every decision, newest first, filtered by status (`?status=`), a page at a time (`?page=`). */
export function DecisionsPage() {
  return <SignedIn>{(me) => <DecisionsView me={me} />}</SignedIn>;
}

function DecisionsView({ me }: { me: SignedInMe }) {
  const { t, locale, ruleLabel, moment } = useCouncilText();
  usePageTitle(t('list.title'));
  const [params, setParams] = useSearchParams();
  const requested = params.get('status');
  const status = isStatus(requested) ? requested : undefined;
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const decisions = useDecisions({ status, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const delegation = me.organization.stateCode !== null;

  const update = (next: { status?: string; page?: number }) => {
    const search = new URLSearchParams(params);
    if (next.status !== undefined) {
      if (next.status === 'all') search.delete('status');
      else search.set('status', next.status);
      search.delete('page');
    }
    if (next.page !== undefined) {
      if (next.page <= 1) search.delete('page');
      else search.set('page', String(next.page));
    }
    setParams(search);
  };

  return (
    <>
      <PageHeader title={t('list.title')} lead={t('list.intro')} />
      <div className={classes.toolbar}>
        <SegmentedControl
          aria-label={t('list.filter')}
          value={status ?? 'all'}
          onChange={(value) => update({ status: value })}
          data={[
            { value: 'all', label: t('list.all') },
            ...DECISION_STATUSES.map((value) => ({ value, label: t(`status.${value}`) })),
          ]}
        />
        {delegation && <RouterAnchor to="/council/delegation">{t('list.awaiting')}</RouterAnchor>}
      </div>
      <QueryState query={decisions}>
        {(result) => (
          <>
            <Text size="sm" c="gray.7" mb="sm" role="status">
              {t('list.count', { count: result.total })}
            </Text>
            {result.items.length === 0 ? (
              <Text c="gray.7">{t('list.empty')}</Text>
            ) : (
              <TableFrame label={t('list.title')} minWidth={860}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('list.column.title')}</Table.Th>
                    <Table.Th scope="col">{t('list.column.rule')}</Table.Th>
                    <Table.Th scope="col">{t('list.column.status')}</Table.Th>
                    <Table.Th scope="col">{t('list.column.opened')}</Table.Th>
                    <Table.Th scope="col">{t('list.column.positions')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {result.items.map((decision) => {
                    const { stated, of } = positionCount(decision);
                    return (
                      <Table.Tr key={decision.id}>
                        <Table.Th scope="row" className={classes.titleCell}>
                          <RouterAnchor to={`/council/decisions/${encodeURIComponent(decision.id)}`}>
                            {locale.text(decision.title)}
                          </RouterAnchor>
                        </Table.Th>
                        <Table.Td>{ruleLabel(decision)}</Table.Td>
                        <Table.Td className={tableClasses.tight}>
                          <DecisionStatusBadge status={decision.status} />
                        </Table.Td>
                        <Table.Td className={tableClasses.tight}>
                          <time dateTime={decision.openedAt}>{moment(decision.openedAt)}</time>
                        </Table.Td>
                        <Table.Td className={tableClasses.tight}>
                          <div className={classes.progress}>
                            <span aria-hidden="true">{t('list.positions', { stated, of })}</span>
                            <VisuallyHidden>{t('list.positionsLabel', { stated, of })}</VisuallyHidden>
                            <Progress
                              value={of ? (stated / of) * 100 : 0}
                              size="sm"
                              color="sco.7"
                              aria-hidden="true"
                            />
                          </div>
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </TableFrame>
            )}
            <Pager
              total={result.total}
              pageSize={PAGE_SIZE}
              page={page}
              onChange={(next) => update({ page: next })}
            />
          </>
        )}
      </QueryState>
    </>
  );
}
