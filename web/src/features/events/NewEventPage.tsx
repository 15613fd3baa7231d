import { Alert } from '@mantine/core';
import { PageHeader } from '../../components/PageHeader.tsx';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { SignedIn } from '../identity/SignedIn.tsx';
import { mayPlanEvents } from './access.ts';
import { EventForm } from './EventForm.tsx';
import { emptyEvent } from './eventForm.model.ts';
import { useEventsText } from './useEventsText.ts';

/** `/events/new`: plan an event (Secretariat officers, RATS analysts, administrators). */
export function NewEventPage() {
  return <SignedIn>{(me) => <NewEventView me={me} />}</SignedIn>;
}

function NewEventView({
  me,
}: {
  me: Parameters<typeof mayPlanEvents>[0] & { organization: { id: string } };
}) {
  const { t } = useEventsText();
  usePageTitle(t('form.newTitle'));
  return (
    <>
      <PageHeader
        title={t('form.newTitle')}
        lead={t('form.newLead')}
        crumbs={[{ to: '/events', label: t('calendar.title') }]}
      />
      {mayPlanEvents(me) ? (
        <EventForm initial={emptyEvent(me.organization.id)} />
      ) : (
        <Alert color="ochre.8" variant="light">
          {t('form.notPlanner')}
        </Alert>
      )}
    </>
  );
}
