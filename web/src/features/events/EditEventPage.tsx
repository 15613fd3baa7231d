import { Alert } from '@mantine/core';
import { useParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { SignedIn } from '../identity/SignedIn.tsx';
import { EventForm } from './EventForm.tsx';
import { valuesOf } from './eventForm.model.ts';
import { useEvent } from './queries.ts';
import type { EventView } from './types.ts';
import { useEventsText } from './useEventsText.ts';

/** `/events/:id/edit`: change an event (its organizing organization); calendars see a new SEQUENCE. */
export function EditEventPage() {
  const { id = '' } = useParams();
  return <SignedIn>{() => <EditEventView id={id} />}</SignedIn>;
}

function EditEventView({ id }: { id: string }) {
  const event = useEvent(id);
  return <QueryState query={event}>{(data) => <EditEventForm event={data} />}</QueryState>;
}

function EditEventForm({ event }: { event: EventView }) {
  const text = useEventsText();
  const { t } = text;
  const title = t('form.editTitle', { title: text.text(event.title) });
  usePageTitle(title);
  return (
    <>
      <PageHeader
        title={title}
        crumbs={[
          { to: '/events', label: t('calendar.title') },
          { to: `/events/${encodeURIComponent(event.id)}`, label: text.text(event.title) },
        ]}
      />
      {event.abilities.update && event.status !== 'cancelled' ? (
        <EventForm initial={valuesOf(event)} id={event.id} />
      ) : (
        <Alert color="ochre.8" variant="light">
          {t('form.notOrganizer')}
        </Alert>
      )}
    </>
  );
}
