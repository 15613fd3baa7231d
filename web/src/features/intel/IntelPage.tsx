import { Button, Chip, Group, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { PageHeader, Section } from '../../components/PageHeader.tsx';
import { Pager } from '../../components/Pager.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { RouterAnchor } from '../../components/RouterAnchor.tsx';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import classes from './intel.module.css';
import { ObjectsTable } from './ObjectsTable.tsx';
import { exportUrl, incidentsCsvUrl, useObjects } from './queries.ts';
import { useIntelText } from './useIntelText.ts';
import { useSearchState } from './useSearchState.ts';

const PAGE_SIZE = 25;

/** The types offered as filter chips (the others are found by words). */
const FILTER_TYPES = [
  'threat-actor',
  'intrusion-set',
  'campaign',
  'incident',
  'report',
  'location',
  'identity',
  'relationship',
] as const;

/**
 * `/intel`: the information center's front page. Links to its parts, full-text search over the
 * objects the reader may see (words, types, dates; all kept in the address), and exports of what
 * the reader may see: the search's objects as a STIX bundle, and the incidents as CSV.
 */
export function IntelPage() {
  const { t, access } = useIntelText();
  usePageTitle(t('home.title'));
  const search = useSearchState();
  const filter = {
    q: search.get('q'),
    types: search.list('type'),
    from: search.get('from'),
    to: search.get('to'),
  };
  const objects = useObjects({ ...filter, limit: PAGE_SIZE, offset: (search.page - 1) * PAGE_SIZE });

  const parts = [
    { to: '/intel/organizations', key: 'organizations', show: true },
    { to: '/intel/incidents', key: 'incidents', show: true },
    { to: '/intel/reports', key: 'reports', show: true },
    { to: '/intel/list', key: 'list', show: access.signedIn },
    { to: '/intel/new', key: 'new', show: access.contribute },
    { to: '/intel/import', key: 'import', show: access.analyse },
  ].filter((part) => part.show);

  return (
    <>
      <PageHeader title={t('home.title')} lead={t('home.lead')} />
      <nav aria-label={t('home.parts')}>
        <ul className={classes.cards}>
          {parts.map((part) => (
            <li key={part.key} className={classes.card}>
              <RouterAnchor to={part.to} className={classes.cardTitle}>
                {t(`home.part.${part.key}.title`)}
              </RouterAnchor>
              <Text size="sm" c="gray.7">
                {t(`home.part.${part.key}.text`)}
              </Text>
            </li>
          ))}
        </ul>
      </nav>
      {!access.signedIn && (
        <Text c="gray.7" mt="md">
          {t('home.anonymous')}{' '}
          <RouterAnchor to="/signin?next=%2Fintel" underline="always">
            {t('home.signIn')}
          </RouterAnchor>
        </Text>
      )}

      <Section id="search" title={t('search.title')}>
        <SearchForm key={JSON.stringify(filter)} initial={filter} onSearch={(next) => search.set(next)} />
        <QueryState query={objects}>
          {(result) => (
            <>
              <Text size="sm" c="gray.7" my="sm" role="status">
                {t('search.count', { count: result.total })}
              </Text>
              <ObjectsTable items={result.items} label={t('search.results')} />
              <Pager total={result.total} pageSize={PAGE_SIZE} page={search.page} onChange={search.setPage} />
            </>
          )}
        </QueryState>
      </Section>

      <Section id="export" title={t('export.title')}>
        <Text c="gray.7" mb="sm">
          {t('export.text')}
        </Text>
        <Group gap="sm">
          <Button component="a" href={exportUrl(filter)} download="sco-intel-bundle.json" variant="outline">
            {t('export.stix')}
          </Button>
          <Button component="a" href={incidentsCsvUrl()} download="sco-incidents.csv" variant="outline">
            {t('export.csv')}
          </Button>
        </Group>
      </Section>
    </>
  );
}

interface Filter {
  q: string;
  types: string[];
  from: string;
  to: string;
}

/** The search form: words, dates and types, sent to the address when submitted. */
function SearchForm({
  initial,
  onSearch,
}: {
  initial: Filter;
  onSearch: (next: Record<string, string | string[] | undefined>) => void;
}) {
  const { t } = useIntelText();
  const [draft, setDraft] = useState(initial);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch({ q: draft.q.trim(), type: draft.types, from: draft.from, to: draft.to });
  };
  return (
    <search aria-label={t('search.title')}>
      <form className={classes.searchForm} onSubmit={submit}>
        <div className={classes.fieldRow}>
          <TextInput
            className={classes.grow}
            label={t('search.q')}
            description={t('search.qHelp')}
            value={draft.q}
            onChange={(event) => setDraft({ ...draft, q: event.currentTarget.value })}
          />
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
        </div>
        <fieldset className={classes.fieldset}>
          <legend className={classes.legend}>{t('search.types')}</legend>
          <Chip.Group multiple value={draft.types} onChange={(types) => setDraft({ ...draft, types })}>
            <Group gap="xs">
              {FILTER_TYPES.map((type) => (
                <Chip key={type} value={type} size="sm" variant="outline">
                  {t(`type.${type}`)}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
        </fieldset>
        <Group gap="sm">
          <Button type="submit">{t('search.submit')}</Button>
          <Button
            variant="subtle"
            onClick={() => {
              setDraft({ q: '', types: [], from: '', to: '' });
              onSearch({ q: undefined, type: undefined, from: undefined, to: undefined });
            }}
          >
            {t('search.clear')}
          </Button>
        </Group>
      </form>
    </search>
  );
}
