import { Alert, Button, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { todayIso } from '../../lib/format.ts';
import classes from './conventions.module.css';
import { CONVENTIONS } from './i18n.ts';
import { useAddLaw, useAddNote } from './queries.ts';

/** The API's refusal, for display under the form, and the field it names (if any). */
function useRefusal(error: unknown) {
  const { t } = useTranslation(CONVENTIONS);
  if (!error) return { message: null, field: undefined };
  const message = t('error.refused', { message: error instanceof Error ? error.message : String(error) });
  return { message, field: error instanceof ApiError ? error.field : undefined };
}

const optional = (value: string) => (value.trim() === '' ? undefined : value.trim());

/** Adds a national implementing law of the state under the instrument. */
export function LawForm({ instrument, state }: { instrument: string; state: string }) {
  const { t } = useTranslation(CONVENTIONS);
  const add = useAddLaw();
  const [fields, setFields] = useState({ title: '', titleEn: '', adopted: '', url: '', note: '' });
  const [tried, setTried] = useState(false);
  const refusal = useRefusal(add.error);
  const set = (name: keyof typeof fields) => (event: { currentTarget: { value: string } }) =>
    setFields({ ...fields, [name]: event.currentTarget.value });
  const missing = (name: 'title' | 'adopted') =>
    tried && fields[name].trim() === '' ? t('lawForm.required') : undefined;
  const fault = (name: string) => (refusal.field === name ? refusal.message : undefined);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    add.reset();
    if (fields.title.trim() === '' || fields.adopted === '') return;
    const input = {
      state,
      instrument,
      title: fields.title.trim(),
      adopted: fields.adopted,
      ...(optional(fields.titleEn) ? { titleEn: optional(fields.titleEn) } : {}),
      ...(optional(fields.url) ? { url: optional(fields.url) } : {}),
      ...(optional(fields.note) ? { note: optional(fields.note) } : {}),
    };
    add.mutate(input as Parameters<typeof add.mutate>[0], {
      onSuccess: () => {
        setFields({ title: '', titleEn: '', adopted: '', url: '', note: '' });
        setTried(false);
      },
    });
  };

  return (
    <form className={classes.form} onSubmit={submit} noValidate aria-labelledby="law-form-title">
      <h3 id="law-form-title" className={classes.formTitle}>
        {t('lawForm.title')}
      </h3>
      <TextInput
        label={t('lawForm.name')}
        required
        value={fields.title}
        onChange={set('title')}
        error={missing('title') ?? fault('title')}
      />
      <TextInput
        label={t('lawForm.nameEn')}
        value={fields.titleEn}
        onChange={set('titleEn')}
        error={fault('titleEn')}
      />
      <TextInput
        type="date"
        label={t('lawForm.adopted')}
        required
        value={fields.adopted}
        onChange={set('adopted')}
        error={missing('adopted') ?? fault('adopted')}
      />
      <TextInput
        type="url"
        label={t('lawForm.url')}
        value={fields.url}
        onChange={set('url')}
        error={fault('url')}
      />
      <Textarea
        label={t('lawForm.note')}
        autosize
        minRows={2}
        value={fields.note}
        onChange={set('note')}
        error={fault('note')}
      />
      {refusal.message && !refusal.field && (
        <Alert color="red.9" variant="light" role="alert">
          {refusal.message}
        </Alert>
      )}
      <div>
        <Button type="submit" loading={add.isPending}>
          {t('lawForm.submit')}
        </Button>
      </div>
    </form>
  );
}

/** Writes a note on the harmonization of the state's laws with the instrument. */
export function NoteForm({ instrument, state }: { instrument: string; state: string }) {
  const { t } = useTranslation(CONVENTIONS);
  const add = useAddNote();
  const [text, setText] = useState('');
  const [date, setDate] = useState(todayIso());
  const [tried, setTried] = useState(false);
  const refusal = useRefusal(add.error);
  const fault = (name: string) => (refusal.field === name ? refusal.message : undefined);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    add.reset();
    if (text.trim() === '') return;
    add.mutate(
      { state, instrument, text: text.trim(), ...(date ? { date } : {}) },
      {
        onSuccess: () => {
          setText('');
          setTried(false);
        },
      },
    );
  };

  return (
    <form className={classes.form} onSubmit={submit} noValidate aria-labelledby="note-form-title">
      <h3 id="note-form-title" className={classes.formTitle}>
        {t('noteForm.title')}
      </h3>
      <Textarea
        label={t('noteForm.text')}
        required
        autosize
        minRows={3}
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
        error={(tried && text.trim() === '' ? t('noteForm.required') : undefined) ?? fault('text')}
      />
      <TextInput
        type="date"
        label={t('noteForm.date')}
        value={date}
        onChange={(event) => setDate(event.currentTarget.value)}
        error={fault('date')}
      />
      {refusal.message && !refusal.field && (
        <Alert color="red.9" variant="light" role="alert">
          {refusal.message}
        </Alert>
      )}
      <div>
        <Button type="submit" loading={add.isPending}>
          {t('noteForm.submit')}
        </Button>
      </div>
    </form>
  );
}
