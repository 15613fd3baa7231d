import { Select, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CHRONOLOGY_KINDS,
  type ChronologyEvent,
  type ChronologyKind,
  type StateSummary,
} from '../../api/types.ts';
import { KindBadge } from '../../components/Badges.tsx';
import { RouterAnchor } from '../../components/RouterAnchor.tsx';
import { useLocale } from '../../lib/useLocale.ts';
import classes from './ChronologyList.module.css';
import { subjectPath } from './timeline.model.ts';

export interface ChronologyFilter {
  kind: ChronologyKind | null;
  state: string | null;
}

/** The events that pass the list's filters (kind of event, state involved). */
export function filterEvents(events: ChronologyEvent[], filter: ChronologyFilter): ChronologyEvent[] {
  return events.filter(
    (event) =>
      (filter.kind === null || event.kind === filter.kind) &&
      (filter.state === null || event.states.includes(filter.state)),
  );
}

/**
 * The chronology as a plain list grouped by year: the accessible equivalent of the timeline,
 * filterable by kind of event and by state.
 */
export function ChronologyList({
  events,
  states,
  filter,
  onFilter,
}: {
  events: ChronologyEvent[];
  states: StateSummary[];
  filter: ChronologyFilter;
  onFilter: (next: ChronologyFilter) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const shown = useMemo(() => filterEvents(events, filter), [events, filter]);
  const years = useMemo(() => {
    const groups = new Map<string, ChronologyEvent[]>();
    for (const event of shown) {
      const year = event.date.slice(0, 4);
      const group = groups.get(year) ?? [];
      group.push(event);
      groups.set(year, group);
    }
    return [...groups.entries()];
  }, [shown]);
  const stateOptions = useMemo(
    () =>
      states
        .map((state) => ({ value: state.code, label: locale.text(state.name) }))
        .sort((a, b) => a.label.localeCompare(b.label, locale.language)),
    [states, locale.text, locale.language],
  );

  return (
    <div>
      <div className={classes.filters}>
        <Select
          className={classes.filter}
          label={t('home.filterKind')}
          placeholder={t('home.allKinds')}
          data={CHRONOLOGY_KINDS.map((kind) => ({ value: kind, label: t(`kind.${kind}`) }))}
          value={filter.kind}
          clearable
          onChange={(value) => onFilter({ ...filter, kind: (value as ChronologyKind | null) ?? null })}
        />
        <Select
          className={classes.filter}
          label={t('home.filterState')}
          placeholder={t('home.allStates')}
          data={stateOptions}
          value={filter.state}
          searchable
          clearable
          nothingFoundMessage="—"
          onChange={(value) => onFilter({ ...filter, state: value ?? null })}
        />
        <Text className={classes.count} role="status">
          {t('home.listCount', { count: shown.length })}
        </Text>
      </div>
      {years.length === 0 ? (
        <Text c="gray.7">{t('home.listEmpty')}</Text>
      ) : (
        <>
          <nav aria-label={t('home.yearNav')}>
            <ul className={classes.years}>
              {years.map(([year]) => (
                <li key={year}>
                  <a className={classes.yearLink} href={`#year-${year}`}>
                    {year}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          {years.map(([year, group]) => (
            <section key={year} className={classes.year} aria-labelledby={`year-${year}`}>
              <Title order={3} id={`year-${year}`} className={classes.yearTitle}>
                {year}
              </Title>
              <ol className={classes.events}>
                {group.map((event) => (
                  <li
                    key={`${event.kind}:${event.subject.type}:${event.subject.id}:${event.date}:${event.title.en}`}
                    className={classes.event}
                  >
                    <time className={classes.date} dateTime={event.date}>
                      {locale.date(event.date)}
                    </time>
                    <span>
                      <KindBadge kind={event.kind} />
                    </span>
                    <span className={classes.title}>
                      <RouterAnchor to={subjectPath(event.subject)}>{locale.text(event.title)}</RouterAnchor>
                    </span>
                  </li>
                ))}
              </ol>
            </section>
          ))}
        </>
      )}
    </div>
  );
}
