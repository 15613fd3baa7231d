import { Button, Select, SimpleGrid, Text, TextInput, Title } from '@mantine/core';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useStates } from '../../api/queries.ts';
import { STATUSES, type StateSummary, type StatusName } from '../../api/types.ts';
import { StatusBadge } from '../../components/Badges.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { todayIso } from '../../lib/format.ts';
import { useLocale } from '../../lib/useLocale.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import classes from './StatesPage.module.css';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function parseStatus(value: string | null): StatusName | undefined {
  return (STATUSES as readonly string[]).includes(value ?? '') ? (value as StatusName) : undefined;
}

/** `/states`: every state with its status on a chosen date, grouped by status. */
export function StatesPage() {
  const { t } = useTranslation();
  usePageTitle(t('states.title'));
  const [params, setParams] = useSearchParams();
  const today = todayIso();
  const atParam = params.get('at') ?? '';
  const at = ISO_DATE.test(atParam) ? atParam : today;
  const status = parseStatus(params.get('status'));
  const states = useStates({ at, status });
  const dateId = useId();

  const update = (next: { at?: string; status?: StatusName | undefined }) => {
    const search = new URLSearchParams(params);
    const nextAt = 'at' in next ? next.at : at;
    if (nextAt && nextAt !== today) search.set('at', nextAt);
    else search.delete('at');
    const nextStatus = 'status' in next ? next.status : status;
    if (nextStatus) search.set('status', nextStatus);
    else search.delete('status');
    setParams(search, { replace: true, preventScrollReset: true });
  };

  return (
    <>
      <PageHeader title={t('states.title')} lead={t('states.intro')} />
      <div className={classes.controls}>
        <TextInput
          id={dateId}
          type="date"
          label={t('states.at')}
          value={at}
          min="1996-01-01"
          max={today}
          onChange={(event) => {
            const value = event.currentTarget.value;
            if (ISO_DATE.test(value)) update({ at: value });
          }}
          className={classes.control}
        />
        <Button variant="default" onClick={() => update({ at: today })} disabled={at === today}>
          {t('states.today')}
        </Button>
        <Select
          label={t('states.statusFilter')}
          placeholder={t('states.allStatuses')}
          data={STATUSES.map((value) => ({ value, label: t(`statusGroup.${value}`) }))}
          value={status ?? null}
          clearable
          onChange={(value) => update({ status: parseStatus(value) })}
          className={classes.control}
        />
      </div>
      <QueryState query={states}>
        {(items) => <StatusGroups states={items} loading={states.isPlaceholderData} />}
      </QueryState>
    </>
  );
}

function StatusGroups({ states, loading }: { states: StateSummary[]; loading: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const groups = useMemo(() => {
    const byStatus = new Map<StatusName | 'none', StateSummary[]>();
    for (const state of states) {
      const key = state.statusAt?.status ?? 'none';
      byStatus.set(key, [...(byStatus.get(key) ?? []), state]);
    }
    const order: (StatusName | 'none')[] = [
      'member',
      'shanghai-five',
      'observer',
      'dialogue-partner',
      'partner',
      'suspended',
      'none',
    ];
    return order
      .filter((key) => byStatus.has(key))
      .map((key) => ({
        key,
        states: (byStatus.get(key) ?? []).sort((a, b) =>
          locale.text(a.name).localeCompare(locale.text(b.name), locale.language),
        ),
      }));
  }, [states, locale.text, locale.language]);

  return (
    <div aria-busy={loading} className={classes.groups}>
      <Text role="status" c="gray.7" size="sm">
        {t('states.count', { count: states.length })}
      </Text>
      {groups.length === 0 && <Text c="gray.7">{t('states.empty')}</Text>}
      {groups.map((group) => (
        <section key={group.key} aria-labelledby={`group-${group.key}`} className={classes.group}>
          <Title order={2} id={`group-${group.key}`} className={classes.groupTitle}>
            {t(`statusGroup.${group.key}`)}{' '}
            <span className={classes.groupCount}>{locale.number(group.states.length)}</span>
          </Title>
          <SimpleGrid
            cols={{ base: 1, xs: 2, md: 3, lg: 4 }}
            spacing="sm"
            component="ul"
            className={classes.grid}
          >
            {group.states.map((state) => (
              <li key={state.code} className={classes.card} data-status={state.statusAt?.status ?? 'none'}>
                <div className={classes.cardHead}>
                  <Link to={`/states/${state.code}`} className={classes.cardLink}>
                    {locale.text(state.name)}
                  </Link>
                  <span className={classes.code}>{state.code}</span>
                </div>
                {state.statusAt && (
                  <div className={classes.cardMeta}>
                    <StatusBadge status={state.statusAt.status} size="sm" />
                    <span className={classes.since}>
                      {t('common.since', { date: locale.date(state.statusAt.from) })}
                    </span>
                  </div>
                )}
              </li>
            ))}
          </SimpleGrid>
        </section>
      ))}
    </div>
  );
}
