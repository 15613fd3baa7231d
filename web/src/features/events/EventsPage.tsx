import { Alert, Anchor, Badge, Button, Group, SegmentedControl, Select, Text, Title } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { useMe } from '../../api/queries.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { LoadError, Loading } from '../../components/QueryState.tsx';
import { todayIso } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { mayPlanEvents } from './access.ts';
import {
  addDays,
  eventsByDay,
  eventsOfMonth,
  monthBounds,
  monthGrid,
  monthOf,
  shiftMonth,
} from './calendar.model.ts';
import classes from './events.module.css';
import { calendarUrl, useEvents } from './queries.ts';
import { EVENT_KINDS, type EventSummary } from './types.ts';
import { useEventsText } from './useEventsText.ts';

/**
 * `/events`: the calendar of seminars, conferences, symposiums and expert meetings, a month at a
 * time as a grid or a list, with the month's calendar file. Signed out, the public events only.
 */
export function EventsPage() {
  const text = useEventsText();
  const { t, language } = text;
  usePageTitle(t('calendar.title'));
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const month = monthOf(params.get('month'), todayIso());
  const view = params.get('view') === 'list' ? 'list' : 'month';
  const kind = params.get('kind') ?? '';
  const weeks = monthGrid(month);
  const gridFirst = weeks[0]?.[0]?.date ?? `${month}-01`;
  const gridLast = weeks.at(-1)?.at(-1)?.date ?? monthBounds(month).last;
  // A day more on each side: timed events are placed on the reader's local days.
  const events = useEvents({
    from: addDays(gridFirst, -1),
    to: addDays(gridLast, 1),
    kind: kind || undefined,
  });
  const set = (changes: Record<string, string | null>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      { replace: false },
    );
  const signedIn = Boolean(me.data?.user);
  const { first, last } = monthBounds(month);

  return (
    <>
      <PageHeader title={t('calendar.title')} lead={t('calendar.lead')}>
        {mayPlanEvents(me.data) && (
          <Button component={Link} to="/events/new" mt="md">
            {t('calendar.new')}
          </Button>
        )}
      </PageHeader>
      {!signedIn && !me.isPending && (
        <Alert color="sco.7" variant="light" mb="md">
          {t('calendar.anonymous')}
        </Alert>
      )}
      <div className={classes.toolbar}>
        <Group gap="xs">
          <Button
            variant="default"
            onClick={() => set({ month: shiftMonth(month, -1) })}
            aria-label={t('calendar.previous')}
          >
            ‹
          </Button>
          <Title order={2} className={classes.monthTitle} aria-live="polite">
            {text.monthName(month)}
          </Title>
          <Button
            variant="default"
            onClick={() => set({ month: shiftMonth(month, 1) })}
            aria-label={t('calendar.next')}
          >
            ›
          </Button>
          <Button variant="subtle" onClick={() => set({ month: null })}>
            {t('calendar.today')}
          </Button>
        </Group>
        <Group gap="sm" align="flex-end">
          <SegmentedControl
            aria-label={t('calendar.view.label')}
            value={view}
            onChange={(value) => set({ view: value === 'list' ? 'list' : null })}
            data={[
              { value: 'month', label: t('calendar.view.month') },
              { value: 'list', label: t('calendar.view.list') },
            ]}
          />
          <Select
            label={t('filter.kind')}
            className={classes.kindFilter}
            value={kind}
            onChange={(value) => set({ kind: value || null })}
            data={[
              { value: '', label: t('filter.allKinds') },
              ...EVENT_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) })),
            ]}
            allowDeselect={false}
          />
        </Group>
      </div>
      {events.isPending ? (
        <Loading />
      ) : events.isError ? (
        <LoadError onRetry={() => void events.refetch()} />
      ) : view === 'list' ? (
        <EventList events={eventsOfMonth(events.data.items, month)} />
      ) : (
        <MonthGrid month={month} weeks={weeks} events={events.data.items} />
      )}
      <Text size="sm" mt="md">
        <Anchor href={calendarUrl({ from: first, to: last, lang: language })} download>
          {t('calendar.download', { month: text.monthName(month) })}
        </Anchor>
      </Text>
    </>
  );
}

function EventLink({ event, compact }: { event: EventSummary; compact?: boolean }) {
  const { t, text } = useEventsText();
  const cancelled = event.status === 'cancelled';
  return (
    <Anchor
      component={Link}
      to={`/events/${encodeURIComponent(event.id)}`}
      className={compact ? classes.chip : undefined}
      data-kind={event.kind}
      data-cancelled={cancelled || undefined}
      title={compact ? text(event.title) : undefined}
    >
      {text(event.title)}
      {cancelled && <span className={classes.visuallyHidden}> ({t('status.cancelled')})</span>}
    </Anchor>
  );
}

function MonthGrid({
  month,
  weeks,
  events,
}: {
  month: string;
  weeks: ReturnType<typeof monthGrid>;
  events: EventSummary[];
}) {
  const text = useEventsText();
  const days = weeks.flat().map((d) => d.date);
  const byDay = eventsByDay(events, days);
  const today = todayIso();
  return (
    <div className={classes.gridFrame}>
      <table className={classes.grid}>
        <caption className={classes.visuallyHidden}>{text.monthName(month)}</caption>
        <thead>
          <tr>
            {text.weekdays().map((name) => (
              <th key={name} scope="col">
                {name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week[0]?.date}>
              {week.map((day) => {
                const list = byDay.get(day.date) ?? [];
                return (
                  <td
                    key={day.date}
                    className={classes.day}
                    data-outside={!day.inMonth || undefined}
                    data-today={day.date === today || undefined}
                  >
                    <time dateTime={day.date} className={classes.dayNumber}>
                      <span aria-hidden="true">{Number(day.date.slice(8))}</span>
                      <span className={classes.visuallyHidden}>{text.date(day.date)}</span>
                    </time>
                    {list.length > 0 && (
                      <ul className={classes.dayEvents}>
                        {list.map((event) => (
                          <li key={event.id}>
                            <EventLink event={event} compact />
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function EventList({ events }: { events: EventSummary[] }) {
  const text = useEventsText();
  const { t } = text;
  if (events.length === 0) return <Text c="gray.7">{t('calendar.empty')}</Text>;
  return (
    <ul className={classes.list}>
      {events.map((event) => (
        <li key={event.id} className={classes.listItem}>
          <Text size="sm" c="gray.7">
            {text.when(event)}
          </Text>
          <Title order={3} className={classes.listTitle}>
            <EventLink event={event} />
          </Title>
          <Group gap="xs">
            <Badge variant="light" color="sco.7">
              {t(`kind.${event.kind}`)}
            </Badge>
            {event.status === 'cancelled' && (
              <Badge variant="filled" color="red.9">
                {t('status.cancelled')}
              </Badge>
            )}
            <Text size="sm">
              {text.where(event.place)} · {text.text(event.organizer.name)}
            </Text>
          </Group>
        </li>
      ))}
    </ul>
  );
}
