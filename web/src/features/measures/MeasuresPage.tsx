import { Alert, Anchor, Badge, Button, Group, NativeSelect, Table, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { PageHeader, Section } from '../../components/PageHeader.tsx';
import { Pager } from '../../components/Pager.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { TableFrame } from '../../components/TableFrame.tsx';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import classes from './measures.module.css';
import { useMeasures } from './queries.ts';
import { MEASURE_CATEGORIES, MEASURE_KINDS, type MeasureSummary } from './types.ts';
import { useMeasuresText } from './useMeasuresText.ts';

const PAGE_SIZE = 50;
const FILTERS = ['kind', 'category', 'state', 'from', 'to'] as const;
type Filter = Record<(typeof FILTERS)[number], string>;

/**
 * `/measures`: the joint exercises, operations and trainings the reader may see, filtered by
 * kind, category, state and period (kept in the address), a page at a time, earliest first.
 */
export function MeasuresPage() {
  const { t, access, me } = useMeasuresText();
  usePageTitle(t('list.title'));
  const [params, setParams] = useSearchParams();
  const filter = Object.fromEntries(FILTERS.map((key) => [key, params.get(key) ?? ''])) as Filter;
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const measures = useMeasures({ ...filter, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }, access.read);
  const apply = (next: Filter) => {
    const search = new URLSearchParams();
    for (const key of FILTERS) if (next[key]) search.set(key, next[key]);
    setParams(search);
  };
  const setPage = (next: number) => {
    const search = new URLSearchParams(params);
    if (next <= 1) search.delete('page');
    else search.set('page', String(next));
    setParams(search);
  };

  return (
    <>
      <PageHeader title={t('list.title')} lead={t('list.lead')}>
        {access.create && (
          <Group mt="md">
            <Button component={Link} to="/measures/new">
              {t('list.new')}
            </Button>
          </Group>
        )}
      </PageHeader>
      {me.isPending ? null : !access.read ? (
        <Alert variant="light" color="sco.8">
          {access.signedIn ? (
            t('list.outside')
          ) : (
            <Anchor component={Link} to="/signin">
              {t('list.signIn')}
            </Anchor>
          )}
        </Alert>
      ) : (
        <>
          <MeasureFilter key={JSON.stringify(filter)} initial={filter} onApply={apply} />
          <QueryState query={measures}>
            {(result) => (
              <Section id="measures" title={t('list.table')}>
                <Text size="sm" c="gray.7" mb="sm" role="status">
                  {t('list.count', { count: result.total })}
                </Text>
                {result.items.length === 0 ? (
                  <Text>{t('list.empty')}</Text>
                ) : (
                  <MeasureTable rows={result.items} />
                )}
                <Pager total={result.total} pageSize={PAGE_SIZE} page={page} onChange={setPage} />
              </Section>
            )}
          </QueryState>
        </>
      )}
    </>
  );
}

function MeasureFilter({ initial, onApply }: { initial: Filter; onApply: (next: Filter) => void }) {
  const { t, states, text } = useMeasuresText();
  const [draft, setDraft] = useState(initial);
  const set = (key: keyof Filter) => (event: { currentTarget: { value: string } }) =>
    setDraft({ ...draft, [key]: event.currentTarget.value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
  };
  const any = { value: '', label: t('list.any') };
  const members = states
    .filter((s) => s.statuses.some((p) => p.status === 'member' || p.status === 'shanghai-five'))
    .map((s) => ({ value: s.code, label: text(s.name) }))
    .sort((a, b) => a.label.localeCompare(b.label));
  return (
    <search aria-label={t('list.filter')} className={classes.filter}>
      <form onSubmit={submit}>
        <div className={classes.filterRow}>
          <NativeSelect
            label={t('list.kind')}
            value={draft.kind}
            onChange={set('kind')}
            data={[any, ...MEASURE_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))]}
          />
          <NativeSelect
            label={t('list.category')}
            value={draft.category}
            onChange={set('category')}
            data={[any, ...MEASURE_CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))]}
          />
          <NativeSelect
            label={t('list.state')}
            value={draft.state}
            onChange={set('state')}
            data={[any, ...members]}
          />
          <TextInput type="date" label={t('list.from')} value={draft.from} onChange={set('from')} />
          <TextInput type="date" label={t('list.to')} value={draft.to} onChange={set('to')} />
        </div>
        <Group gap="sm">
          <Button type="submit">{t('list.submit')}</Button>
          <Button
            variant="subtle"
            onClick={() => {
              const empty = { kind: '', category: '', state: '', from: '', to: '' };
              setDraft(empty);
              onApply(empty);
            }}
          >
            {t('list.clear')}
          </Button>
        </Group>
      </form>
    </search>
  );
}

function MeasureTable({ rows }: { rows: MeasureSummary[] }) {
  const { t, name, dateRange, place, participant, number } = useMeasuresText();
  return (
    <TableFrame label={t('list.table')} minWidth={760}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('column.name')}</Table.Th>
          <Table.Th>{t('column.kind')}</Table.Th>
          <Table.Th>{t('column.dates')}</Table.Th>
          <Table.Th>{t('column.places')}</Table.Th>
          <Table.Th>{t('column.participants')}</Table.Th>
          <Table.Th>{t('column.indicators')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((m) => (
          <Table.Tr key={m.id}>
            <Table.Td>
              <Anchor component={Link} to={`/measures/${encodeURIComponent(m.id)}`}>
                {name(m.name)}
              </Anchor>
              <Group gap={4} mt={4}>
                {m.categories.map((c) => (
                  <Badge key={c} variant="light" color="sco.8" size="sm">
                    {t(`category.${c}`)}
                  </Badge>
                ))}
              </Group>
            </Table.Td>
            <Table.Td>{t(`kind.${m.kind}`)}</Table.Td>
            <Table.Td>{dateRange(m.start, m.end)}</Table.Td>
            <Table.Td>{m.places.map(place).join('; ')}</Table.Td>
            <Table.Td>{m.participants.map(participant).join(', ')}</Table.Td>
            <Table.Td>{number(m.indicators)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </TableFrame>
  );
}
