import { Anchor } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useAllStates, useChronology, useSummits } from '../../api/queries.ts';
import { CHRONOLOGY_KINDS, type ChronologyKind } from '../../api/types.ts';
import { PageHeader, Section } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { type ChronologyFilter, ChronologyList } from './ChronologyList.tsx';
import { Timeline } from './Timeline.tsx';
import { summitIndex } from './timeline.model.ts';

function parseKind(value: string | null): ChronologyKind | null {
  return (CHRONOLOGY_KINDS as readonly string[]).includes(value ?? '') ? (value as ChronologyKind) : null;
}

/** Home: the chronology from 1996 to today, as an interactive timeline and as a list. */
export function HomePage() {
  const { t } = useTranslation();
  usePageTitle(t('home.title'));
  const chronology = useChronology();
  const summits = useSummits();
  const states = useAllStates();
  const [params, setParams] = useSearchParams();
  const filter: ChronologyFilter = { kind: parseKind(params.get('kind')), state: params.get('state') };
  const summitsById = useMemo(() => summitIndex(summits.data), [summits.data]);

  const setFilter = (next: ChronologyFilter) => {
    const search = new URLSearchParams();
    if (next.kind) search.set('kind', next.kind);
    if (next.state) search.set('state', next.state);
    setParams(search, { replace: true, preventScrollReset: true });
  };

  return (
    <>
      <PageHeader title={t('home.title')} lead={t('home.intro')} />
      <Section id="timeline" title={t('home.timelineTitle')}>
        <Anchor href="#events" className="skip-inline" size="sm">
          {t('home.skipToList')}
        </Anchor>
        <QueryState query={chronology}>
          {(events) => <Timeline events={events} summits={summitsById} highlight={filter} />}
        </QueryState>
      </Section>
      <Section id="events" title={t('home.listTitle')}>
        <QueryState query={chronology}>
          {(events) => (
            <ChronologyList events={events} states={states.data ?? []} filter={filter} onFilter={setFilter} />
          )}
        </QueryState>
      </Section>
    </>
  );
}
