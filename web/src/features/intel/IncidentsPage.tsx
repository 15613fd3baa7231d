import { Button, Group, MultiSelect, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { PageHeader, Section } from '../../components/PageHeader.tsx';
import { Pager } from '../../components/Pager.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { LOCALES } from '../../i18n/index.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { countryOptions } from './countries.ts';
import { IncidentMap } from './IncidentMap.tsx';
import { IncidentTable } from './IncidentTable.tsx';
import classes from './intel.module.css';
import { incidentsCsvUrl, useIncidents } from './queries.ts';
import { useIntelText } from './useIntelText.ts';
import { useSearchState } from './useSearchState.ts';

const PAGE_SIZE = 50;

/**
 * `/intel/incidents`: the incidents the reader may see, filtered by dates, countries and words
 * (kept in the address), a page at a time, on a map and in a table; the table is the map's
 * accessible equivalent.
 */
export function IncidentsPage() {
  const { t, access } = useIntelText();
  usePageTitle(t('incidents.title'));
  const search = useSearchState();
  const filter = {
    from: search.get('from'),
    to: search.get('to'),
    q: search.get('q'),
    countries: search.list('country'),
  };
  const incidents = useIncidents({ ...filter, limit: PAGE_SIZE, offset: (search.page - 1) * PAGE_SIZE });
  return (
    <>
      <PageHeader
        title={t('incidents.title')}
        lead={t('incidents.lead')}
        crumbs={[{ to: '/intel', label: t('home.title') }]}
      >
        <Group gap="sm" mt="md">
          {access.contribute && (
            <Button component={Link} to="/intel/new?type=incident" variant="filled">
              {t('incidents.new')}
            </Button>
          )}
          <Button component="a" href={incidentsCsvUrl()} download="sco-incidents.csv" variant="outline">
            {t('export.csv')}
          </Button>
        </Group>
      </PageHeader>
      <IncidentFilter
        key={JSON.stringify(filter)}
        initial={filter}
        onSearch={(next) => search.set({ from: next.from, to: next.to, q: next.q, country: next.countries })}
      />
      <QueryState query={incidents}>
        {(result) => (
          <>
            <Text size="sm" c="gray.7" my="sm" role="status">
              {t('incidents.count', { count: result.total })}
            </Text>
            <Section id="map" title={t('map.heading')}>
              <IncidentMap rows={result.items} />
            </Section>
            <Section id="table" title={t('incidents.tableTitle')}>
              <IncidentTable rows={result.items} label={t('incidents.tableTitle')} />
              <Pager total={result.total} pageSize={PAGE_SIZE} page={search.page} onChange={search.setPage} />
            </Section>
          </>
        )}
      </QueryState>
    </>
  );
}

interface Filter {
  from: string;
  to: string;
  q: string;
  countries: string[];
}

function IncidentFilter({ initial, onSearch }: { initial: Filter; onSearch: (next: Filter) => void }) {
  const { t, language } = useIntelText();
  const [draft, setDraft] = useState(initial);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch({ ...draft, q: draft.q.trim() });
  };
  return (
    <search aria-label={t('incidents.filter')}>
      <form className={classes.searchForm} onSubmit={submit}>
        <div className={classes.fieldRow}>
          <TextInput
            type="date"
            label={t('search.from')}
            value={draft.from}
            onChange={(event) => setDraft({ ...draft, from: event.currentTarget.value })}
          />
          <TextInput
            type="date"
            label={t('search.to')}
            value={draft.to}
            onChange={(event) => setDraft({ ...draft, to: event.currentTarget.value })}
          />
          <MultiSelect
            className={classes.grow}
            label={t('incidents.countries')}
            data={countryOptions(LOCALES[language])}
            value={draft.countries}
            onChange={(countries) => setDraft({ ...draft, countries })}
            searchable
            clearable
            clearButtonProps={{ 'aria-label': t('form.clear') }}
            nothingFoundMessage={t('recipients.none')}
          />
          <TextInput
            className={classes.grow}
            label={t('search.q')}
            value={draft.q}
            onChange={(event) => setDraft({ ...draft, q: event.currentTarget.value })}
          />
        </div>
        <Group gap="sm">
          <Button type="submit">{t('search.submit')}</Button>
          <Button
            variant="subtle"
            onClick={() => {
              const empty = { from: '', to: '', q: '', countries: [] };
              setDraft(empty);
              onSearch(empty);
            }}
          >
            {t('search.clear')}
          </Button>
        </Group>
      </form>
    </search>
  );
}
