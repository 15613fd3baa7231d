import { Group, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useStateDetail } from '../../api/queries.ts';
import type { StateDetail } from '../../api/types.ts';
import { StatusBadge } from '../../components/Badges.tsx';
import { DocumentList } from '../../components/DocumentList.tsx';
import { PageHeader, Section } from '../../components/PageHeader.tsx';
import { Provenance } from '../../components/Provenance.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { RouterAnchor } from '../../components/RouterAnchor.tsx';
import sectionClasses from '../../components/Section.module.css';
import { useLocale } from '../../lib/useLocale.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { useSummitName } from '../summits/useSummitName.ts';
import classes from './StatePage.module.css';
import { StatusHistoryBar } from './StatusHistoryBar.tsx';
import { StatusPeriods } from './StatusPeriods.tsx';

/** `/states/:code`: a state's status history, the summits it hosted and its documents. */
export function StatePage() {
  const { code = '' } = useParams();
  const state = useStateDetail(code.toUpperCase());
  return <QueryState query={state}>{(data) => <StateView state={data} />}</QueryState>;
}

function StateView({ state }: { state: StateDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const summitName = useSummitName();
  const name = locale.text(state.name);
  usePageTitle(name);
  const periods = [...state.statuses].sort((a, b) => a.from.localeCompare(b.from));

  return (
    <>
      <PageHeader
        title={name}
        eyebrow={`${t('states.code')}: ${state.code}`}
        crumbs={[{ to: '/states', label: t('states.breadcrumb') }]}
      >
        <Group gap="xs" mt="md">
          <Text size="sm" c="gray.7">
            {t('states.current')}
          </Text>
          <StatusBadge status={state.statusAt?.status ?? null} />
          {state.statusAt && (
            <Text size="sm" c="gray.7">
              {t('common.since', { date: locale.date(state.statusAt.from) })}
            </Text>
          )}
        </Group>
      </PageHeader>

      <Section id="history" title={t('states.history')}>
        <div className={sectionClasses.card}>
          <StatusHistoryBar name={name} periods={periods} />
          <StatusPeriods periods={periods} />
        </div>
      </Section>

      <Section id="summits" title={t('states.summitsHosted')}>
        {state.summitsHosted.length === 0 ? (
          <Text c="gray.7">{t('states.noSummits')}</Text>
        ) : (
          <List className={classes.summits} listStyleType="none" spacing={0}>
            {state.summitsHosted.map((summit) => (
              <List.Item key={summit.id} className={classes.summit}>
                <RouterAnchor to={`/summits/${summit.id}`} fw={550}>
                  {summitName(summit)}
                </RouterAnchor>
                <Text size="sm" c="gray.7" component="span" className={classes.summitDate}>
                  {locale.dateRange(summit.start, summit.end)}
                </Text>
              </List.Item>
            ))}
          </List>
        )}
      </Section>

      <Section id="documents" title={t('states.documents')}>
        <DocumentList documents={state.documents} empty={t('states.noDocuments')} />
      </Section>

      <Provenance
        confidence={state.confidence}
        sources={state.sources}
        notes={state.notes}
        conflicts={state.conflicts}
      />
    </>
  );
}
