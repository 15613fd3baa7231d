import { Alert, Anchor, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { PageHeader, Section } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { sourceLabel } from '../../lib/format.ts';
import { useLocale } from '../../lib/useLocale.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import classes from './conventions.module.css';
import { LawForm, NoteForm } from './Forms.tsx';
import { CONVENTIONS } from './i18n.ts';
import { useCell, useRemoveLaw, useRemoveNote } from './queries.ts';
import { StatusText } from './StatusText.tsx';
import type { Cell } from './types.ts';

/**
 * One state under one instrument: its status, the signature, instruments and entry into force
 * with their sources, its national implementing laws and the notes on harmonization, with the
 * forms to add them for those the policy lets.
 */
export function CellPage() {
  const { instrument = '', state = '' } = useParams();
  const [params] = useSearchParams();
  const cell = useCell(instrument, state, params.get('at') ?? '');
  return <QueryState query={cell}>{(data) => <CellView cell={data} />}</QueryState>;
}

function CellView({ cell }: { cell: Cell }) {
  const { t } = useTranslation(CONVENTIONS);
  const locale = useLocale();
  const stateName = locale.text(cell.state.name);
  const instrumentName = t(`instrument.${cell.instrument.id}`);
  usePageTitle(`${stateName} · ${instrumentName}`);
  const removeLaw = useRemoveLaw();
  const removeNote = useRemoveNote();
  const later = cell.inForceFor && cell.inForceFor > cell.asOf ? cell.inForceFor : null;

  return (
    <>
      <PageHeader
        crumbs={[{ to: '/conventions', label: t('cell.crumb') }]}
        eyebrow={locale.text(cell.instrument.title)}
        title={`${stateName} · ${instrumentName}`}
      >
        <Text size="lg" mt="sm">
          <StatusText facts={cell} recorded={cell.instrument.recorded} />
        </Text>
        {later && <Text c="gray.7">{t('cell.inForceLater', { date: locale.date(later) })}</Text>}
      </PageHeader>

      <Section id="life" title={t('cell.life')}>
        {cell.events.length === 0 ? (
          <Text c="gray.7">{cell.instrument.recorded ? t('cell.noEvents') : t('matrix.unrecorded')}</Text>
        ) : (
          <ul className={classes.list}>
            {cell.events.map((event) => (
              <li key={`${event.kind}-${event.date}`} className={classes.item}>
                <Text fw={600}>
                  {t(`kind.${event.kind}`)} · {locale.date(event.date)}
                </Text>
                {event.notes && <Text size="sm">{event.notes}</Text>}
                <Text size="sm" c="gray.7">
                  {t('cell.confidence', {
                    value: t(`confidenceValue.${event.confidence}`, { defaultValue: event.confidence }),
                  })}
                </Text>
                {event.sources.length > 0 && (
                  <Group gap="xs" mt={4}>
                    <Text size="sm">{t('cell.sources')}:</Text>
                    {event.sources.map((url) => (
                      <Anchor key={url} href={url} size="sm" rel="noreferrer" target="_blank">
                        {sourceLabel(url)}
                      </Anchor>
                    ))}
                  </Group>
                )}
              </li>
            ))}
          </ul>
        )}
      </Section>

      {cell.laws === null || cell.notes === null ? (
        <Alert variant="light" mt="xl">
          {t('matrix.signIn')}
        </Alert>
      ) : (
        <>
          <Section id="laws" title={t('cell.laws')}>
            {cell.laws.length === 0 ? (
              <Text c="gray.7">{t('cell.noLaws')}</Text>
            ) : (
              <ul className={classes.list}>
                {cell.laws.map((law) => (
                  <li key={law.id} className={classes.item}>
                    <Text fw={600}>{law.title}</Text>
                    {law.titleEn && <Text size="sm">{law.titleEn}</Text>}
                    <Text size="sm" c="gray.7">
                      {t('cell.adopted', { date: locale.date(law.adopted) })}
                    </Text>
                    {law.note && <Text size="sm">{law.note}</Text>}
                    <Group gap="md" mt={4}>
                      {law.url && (
                        <Anchor href={law.url} size="sm" rel="noreferrer" target="_blank">
                          {t('cell.link')}
                        </Anchor>
                      )}
                      {law.abilities.delete && (
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red.9"
                          loading={removeLaw.isPending && removeLaw.variables === law.id}
                          aria-label={t('cell.removeLaw', { title: law.title })}
                          onClick={() => removeLaw.mutate(law.id)}
                        >
                          {t('cell.remove')}
                        </Button>
                      )}
                    </Group>
                  </li>
                ))}
              </ul>
            )}
            {cell.abilities.createLaw && <LawForm instrument={cell.instrument.id} state={cell.state.code} />}
          </Section>

          <Section id="notes" title={t('cell.notes')}>
            {cell.notes.length === 0 ? (
              <Text c="gray.7">{t('cell.noNotes')}</Text>
            ) : (
              <ul className={classes.list}>
                {cell.notes.map((note) => (
                  <li key={note.id} className={classes.item}>
                    <Text size="sm" c="gray.7">
                      {t('cell.by', {
                        organization: note.organization ? locale.text(note.organization.name) : '—',
                        date: locale.date(note.date),
                      })}
                    </Text>
                    <Text className={classes.noteText}>{note.text}</Text>
                    {note.abilities.delete && (
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red.9"
                        mt={4}
                        loading={removeNote.isPending && removeNote.variables === note.id}
                        aria-label={t('cell.removeNote', { date: locale.date(note.date) })}
                        onClick={() => removeNote.mutate(note.id)}
                      >
                        {t('cell.remove')}
                      </Button>
                    )}
                  </li>
                ))}
              </ul>
            )}
            {cell.abilities.createNote && (
              <NoteForm instrument={cell.instrument.id} state={cell.state.code} />
            )}
          </Section>
        </>
      )}
    </>
  );
}
