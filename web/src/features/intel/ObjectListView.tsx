import { Button, Group, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { Pager } from '../../components/Pager.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import classes from './intel.module.css';
import { ObjectsTable } from './ObjectsTable.tsx';
import { useObjects } from './queries.ts';
import type { EditableType } from './types.ts';
import { useIntelText } from './useIntelText.ts';
import { useSearchState } from './useSearchState.ts';

const PAGE_SIZE = 25;

/**
 * A list page of one family of objects (organizations, reports): a words filter kept in the
 * address, a page of the table at a time, and the way to add one for contributors.
 */
export function ObjectListView({
  types,
  title,
  lead,
  dateLabel,
  newType,
  newLabel,
}: {
  types: readonly string[];
  title: string;
  lead: string;
  dateLabel: string;
  newType: EditableType;
  newLabel: string;
}) {
  const { t, access } = useIntelText();
  usePageTitle(title);
  const search = useSearchState();
  const q = search.get('q');
  const objects = useObjects({ types, q, limit: PAGE_SIZE, offset: (search.page - 1) * PAGE_SIZE });
  return (
    <>
      <PageHeader title={title} lead={lead} crumbs={[{ to: '/intel', label: t('home.title') }]}>
        {access.contribute && (
          <Button component={Link} to={`/intel/new?type=${newType}`} mt="md">
            {newLabel}
          </Button>
        )}
      </PageHeader>
      <WordsFilter key={q} initial={q} onSearch={(next) => search.set({ q: next })} />
      <QueryState query={objects}>
        {(result) => (
          <>
            <Text size="sm" c="gray.7" my="sm" role="status">
              {t('search.count', { count: result.total })}
            </Text>
            <ObjectsTable
              items={result.items}
              label={title}
              showType={types.length > 1}
              dateLabel={dateLabel}
            />
            <Pager total={result.total} pageSize={PAGE_SIZE} page={search.page} onChange={search.setPage} />
          </>
        )}
      </QueryState>
    </>
  );
}

function WordsFilter({ initial, onSearch }: { initial: string; onSearch: (q: string) => void }) {
  const { t } = useIntelText();
  const [q, setQ] = useState(initial);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(q.trim());
  };
  return (
    <search aria-label={t('search.filter')}>
      <form onSubmit={submit}>
        <Group align="flex-end" gap="sm" className={classes.filterRow}>
          <TextInput
            className={classes.grow}
            label={t('search.q')}
            value={q}
            onChange={(event) => setQ(event.currentTarget.value)}
          />
          <Button type="submit" variant="outline">
            {t('search.submit')}
          </Button>
        </Group>
      </form>
    </search>
  );
}
