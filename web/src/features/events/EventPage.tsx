import { Alert, Anchor, Badge, Button, Group, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Facts } from '../../components/Facts.tsx';
import { PageHeader, Section } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { RouterAnchor } from '../../components/RouterAnchor.tsx';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import classes from './events.module.css';
import { eventCalendarUrl, useCancelEvent, useEvent } from './queries.ts';
import type { EventView } from './types.ts';
import { useEventsText } from './useEventsText.ts';

/** `/events/:id`: one event with its agenda, materials and participants, and its calendar file. */
export function EventPage() {
  const { id = '' } = useParams();
  const event = useEvent(id);
  return <QueryState query={event}>{(data) => <EventDetails event={data} />}</QueryState>;
}

function EventDetails({ event }: { event: EventView }) {
  const text = useEventsText();
  const { t, language } = text;
  const title = text.text(event.title);
  usePageTitle(title);
  const cancelled = event.status === 'cancelled';
  const description = event.description[language] ?? event.description.en;
  const place = event.place;
  return (
    <>
      <PageHeader
        title={title}
        eyebrow={t(`kind.${event.kind}`)}
        crumbs={[{ to: '/events', label: t('calendar.title') }]}
      >
        <Group gap="xs" mt="sm">
          <Badge variant="light" color={event.audience === 'public' ? 'pine.8' : 'sco.7'}>
            {t(`audience.${event.audience}`)}
          </Badge>
          {cancelled && (
            <Badge variant="filled" color="red.9">
              {t('status.cancelled')}
            </Badge>
          )}
        </Group>
        <Group gap="sm" mt="md">
          <Button component="a" href={eventCalendarUrl(event.id, language)} download variant="filled">
            {t('event.addToCalendar')}
          </Button>
          {event.abilities.update && !cancelled && (
            <Button component={Link} to={`/events/${encodeURIComponent(event.id)}/edit`} variant="outline">
              {t('event.edit')}
            </Button>
          )}
        </Group>
      </PageHeader>
      {cancelled && (
        <Alert color="red.9" variant="light" mb="md" title={t('status.cancelled')}>
          {event.cancelReason
            ? t('event.cancelledBecause', { reason: event.cancelReason })
            : t('event.cancelledNotice')}
        </Alert>
      )}
      <Facts
        label={t('event.details')}
        items={[
          { label: t('event.when'), value: text.when(event) },
          {
            label: t('event.where'),
            value:
              place.kind === 'online' && place.url ? (
                <Anchor href={place.url} rel="noreferrer noopener" target="_blank">
                  {text.where(place)}
                </Anchor>
              ) : (
                text.where(place)
              ),
          },
          { label: t('event.organizer'), value: text.text(event.organizer.name) },
          { label: t('event.audience'), value: t(`audience.${event.audience}`) },
        ]}
      />
      {!event.allDay && (
        <Text size="sm" c="gray.7" mt="xs">
          {t('event.zone', { zone: text.zone() })}
        </Text>
      )}
      {description && (
        <Section id="description" title={t('event.description')}>
          <Text className={classes.prose}>{description}</Text>
        </Section>
      )}
      <Section id="agenda" title={t('event.agenda')}>
        {event.agenda.length === 0 ? (
          <Text c="gray.7">{t('event.none')}</Text>
        ) : (
          <table className={classes.agendaTable}>
            <thead>
              <tr>
                <th scope="col">{t('event.agendaTime')}</th>
                <th scope="col">{t('event.agendaItem')}</th>
                <th scope="col">{t('event.speakerRole')}</th>
              </tr>
            </thead>
            <tbody>
              {event.agenda.map((item) => (
                <tr key={`${item.time}-${item.title}`}>
                  <td className={classes.agendaTime}>{item.time.replace('T', ' ')}</td>
                  <td>{item.title}</td>
                  <td>{item.speakerRole ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>
      <Section id="materials" title={t('event.materials')}>
        {event.materials.length === 0 ? (
          <Text c="gray.7">{t('event.none')}</Text>
        ) : (
          <ul className={classes.plain}>
            {event.materials.map((m) => (
              <li key={`${m.title}-${m.url ?? m.documentId}`}>
                {m.url ? (
                  <Anchor href={m.url} rel="noreferrer noopener" target="_blank">
                    {m.title}
                  </Anchor>
                ) : (
                  <RouterAnchor to={`/documents/${encodeURIComponent(m.documentId ?? '')}`}>
                    {m.title}
                  </RouterAnchor>
                )}
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section id="participants" title={t('event.participants')}>
        {event.participants.organizations.length + event.participants.others.length === 0 ? (
          <Text c="gray.7">{t('event.none')}</Text>
        ) : (
          <ul className={classes.plain}>
            {event.participants.organizations.map((o) => (
              <li key={o.id}>{text.text(o.name)}</li>
            ))}
            {event.participants.others.map((name) => (
              <li key={name}>{name}</li>
            ))}
          </ul>
        )}
      </Section>
      {event.abilities.cancel && !cancelled && <CancelPanel id={event.id} />}
    </>
  );
}

/** Cancels the event, with an optional reason; it stays listed, marked cancelled. */
function CancelPanel({ id }: { id: string }) {
  const { t } = useEventsText();
  const [reason, setReason] = useState('');
  const cancel = useCancelEvent(id);
  return (
    <Section id="cancel" title={t('event.cancelTitle')}>
      <form
        className={classes.form}
        onSubmit={(e) => {
          e.preventDefault();
          cancel.mutate(reason);
        }}
      >
        <Textarea
          label={t('event.cancelReason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          autosize
          minRows={2}
        />
        {cancel.error && (
          <Alert color="red.9" variant="light" role="alert">
            {t('form.refused', { message: cancel.error.message })}
          </Alert>
        )}
        <div>
          <Button type="submit" color="red.9" variant="outline" loading={cancel.isPending}>
            {t('event.cancelButton')}
          </Button>
        </div>
      </form>
    </Section>
  );
}
