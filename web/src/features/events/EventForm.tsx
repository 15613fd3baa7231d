import {
  Alert,
  Button,
  Checkbox,
  Group,
  MultiSelect,
  Radio,
  Select,
  TagsInput,
  Textarea,
  TextInput,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { useOrganizations } from '../../api/queries.ts';
import {
  type AgendaRow,
  type EventFormValues,
  type MaterialRow,
  problemsOf,
  toInput,
} from './eventForm.model.ts';
import classes from './events.module.css';
import { useSaveEvent } from './queries.ts';
import { EVENT_KINDS, type EventKind } from './types.ts';
import { useEventsText } from './useEventsText.ts';

/**
 * The form of an event: what and when (whole days, or local times sent with the reader's offset),
 * where, who organizes and takes part, for whom, the agenda and the materials. Checks what it can
 * before sending; a refusal is shown on the field the server names, or above the button.
 */
export function EventForm({ initial, id }: { initial: EventFormValues; id?: string }) {
  const text = useEventsText();
  const { t } = text;
  const navigate = useNavigate();
  const [values, setValues] = useState(initial);
  const [tried, setTried] = useState(false);
  const save = useSaveEvent(id);
  const organizations = useOrganizations();
  const orgOptions = (organizations.data?.items ?? []).map((o) => ({
    value: o.id,
    label: text.text(o.name),
  }));
  const problems = problemsOf(values);
  const refusedField = save.error instanceof ApiError ? save.error.field : undefined;
  const set = <K extends keyof EventFormValues>(key: K, value: EventFormValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));
  const error = (field: string): string | undefined => {
    const problem = tried ? problems[field] : undefined;
    if (problem) return t(`form.problem.${problem}`);
    if (refusedField === field && save.error) return save.error.message;
    return undefined;
  };
  const shownRefusal = save.error && !(refusedField && fieldShown(refusedField));
  const input = (field: keyof EventFormValues, apiField: string, label: string) => ({
    label,
    value: values[field] as string,
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
      set(field, e.currentTarget.value as never),
    error: error(apiField),
  });
  const setRow = <R,>(key: 'agenda' | 'materials', i: number, change: Partial<R>) =>
    setValues((current) => ({
      ...current,
      [key]: (current[key] as R[]).map((row, j) => (j === i ? { ...row, ...change } : row)),
    }));
  const removeRow = (key: 'agenda' | 'materials', i: number) =>
    setValues((current) => ({ ...current, [key]: (current[key] as unknown[]).filter((_, j) => j !== i) }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    save.reset();
    if (Object.keys(problemsOf(values)).length > 0) return;
    save.mutate(toInput(values), {
      onSuccess: (saved) => navigate(`/events/${encodeURIComponent(saved.id)}`),
    });
  };
  const dateType = values.allDay ? 'date' : 'datetime-local';

  return (
    <form className={classes.form} onSubmit={submit} noValidate>
      <Select
        label={t('form.field.kind')}
        data={EVENT_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
        value={values.kind}
        onChange={(k) => k && set('kind', k as EventKind)}
        allowDeselect={false}
        error={error('kind')}
      />
      <fieldset className={classes.fieldset}>
        <legend className={classes.legend}>{t('form.titles')}</legend>
        <TextInput {...input('titleEn', 'title.en', t('form.field.titleEn'))} required />
        <TextInput {...input('titleRu', 'title.ru', t('form.field.titleRu'))} lang="ru" />
        <TextInput {...input('titleZh', 'title.zh', t('form.field.titleZh'))} lang="zh" />
      </fieldset>
      <fieldset className={classes.fieldset}>
        <legend className={classes.legend}>{t('form.descriptions')}</legend>
        <Textarea
          {...input('descriptionEn', 'description.en', t('form.field.descriptionEn'))}
          autosize
          minRows={3}
        />
        <Textarea
          {...input('descriptionRu', 'description.ru', t('form.field.descriptionRu'))}
          autosize
          minRows={2}
          lang="ru"
        />
        <Textarea
          {...input('descriptionZh', 'description.zh', t('form.field.descriptionZh'))}
          autosize
          minRows={2}
          lang="zh"
        />
      </fieldset>
      <fieldset className={classes.fieldset}>
        <legend className={classes.legend}>{t('form.when')}</legend>
        <Checkbox
          label={t('form.field.allDay')}
          checked={values.allDay}
          onChange={(e) => {
            const allDay = e.currentTarget.checked;
            setValues((c) => ({ ...c, allDay, start: '', end: '' }));
          }}
        />
        <div className={classes.fieldRow}>
          <TextInput
            {...input('start', 'start', values.allDay ? t('form.field.firstDay') : t('form.field.start'))}
            type={dateType}
            required
          />
          <TextInput
            {...input('end', 'end', values.allDay ? t('form.field.lastDay') : t('form.field.end'))}
            type={dateType}
            required
          />
        </div>
        {!values.allDay && <p className={classes.help}>{t('form.help.zone', { zone: text.zone() })}</p>}
      </fieldset>
      <fieldset className={classes.fieldset}>
        <legend className={classes.legend}>{t('form.where')}</legend>
        <Checkbox
          label={t('form.field.online')}
          checked={values.online}
          onChange={(e) => set('online', e.currentTarget.checked)}
        />
        {values.online ? (
          <TextInput {...input('url', 'place.url', t('form.field.url'))} type="url" />
        ) : (
          <div className={classes.fieldRow}>
            <TextInput {...input('city', 'place.city', t('form.field.city'))} required />
            <TextInput
              {...input('country', 'place.country', t('form.field.country'))}
              description={t('form.help.country')}
              maxLength={2}
              required
            />
          </div>
        )}
      </fieldset>
      <fieldset className={classes.fieldset}>
        <legend className={classes.legend}>{t('form.who')}</legend>
        <Select
          label={t('form.field.organizer')}
          data={orgOptions}
          value={values.organizer || null}
          onChange={(v) => set('organizer', v ?? '')}
          searchable
          required
          error={error('organizer')}
        />
        <MultiSelect
          label={t('form.field.organizations')}
          data={orgOptions.filter((o) => o.value !== values.organizer)}
          value={values.organizations}
          onChange={(ids) => set('organizations', ids)}
          searchable
          error={error('participants.organizations') ?? firstRowError('participants.organizations')}
        />
        <TagsInput
          label={t('form.field.others')}
          description={t('form.help.others')}
          value={values.others}
          onChange={(names) => set('others', names)}
        />
        <Radio.Group
          label={t('form.field.audience')}
          description={t('form.help.audience')}
          value={values.audience}
          onChange={(v) => set('audience', v === 'public' ? 'public' : 'community')}
        >
          <Group gap="lg" mt="xs">
            <Radio value="community" label={t('audience.community')} />
            <Radio value="public" label={t('audience.public')} />
          </Group>
        </Radio.Group>
      </fieldset>
      <fieldset className={classes.fieldset}>
        <legend className={classes.legend}>{t('event.agenda')}</legend>
        {values.agenda.map((row, i) => (
          <div className={classes.fieldRow} key={`agenda-${i.toString()}`}>
            <TextInput
              label={t('form.field.time', { n: i + 1 })}
              description={t('form.help.time')}
              value={row.time}
              onChange={(e) => setRow<AgendaRow>('agenda', i, { time: e.currentTarget.value })}
              error={error(`agenda.${i}.time`)}
            />
            <TextInput
              label={t('form.field.itemTitle', { n: i + 1 })}
              value={row.title}
              onChange={(e) => setRow<AgendaRow>('agenda', i, { title: e.currentTarget.value })}
              error={error(`agenda.${i}.title`)}
            />
            <TextInput
              label={t('form.field.speakerRole', { n: i + 1 })}
              description={t('form.help.speakerRole')}
              value={row.speakerRole}
              onChange={(e) => setRow<AgendaRow>('agenda', i, { speakerRole: e.currentTarget.value })}
            />
            <Button variant="outline" color="red.9" onClick={() => removeRow('agenda', i)}>
              {t('form.removeItem', { n: i + 1 })}
            </Button>
          </div>
        ))}
        <div>
          <Button
            variant="light"
            onClick={() => set('agenda', [...values.agenda, { time: '', title: '', speakerRole: '' }])}
          >
            {t('form.addItem')}
          </Button>
        </div>
      </fieldset>
      <fieldset className={classes.fieldset}>
        <legend className={classes.legend}>{t('event.materials')}</legend>
        {values.materials.map((row, i) => (
          <div className={classes.fieldRow} key={`material-${i.toString()}`}>
            <TextInput
              label={t('form.field.materialTitle', { n: i + 1 })}
              value={row.title}
              onChange={(e) => setRow<MaterialRow>('materials', i, { title: e.currentTarget.value })}
              error={error(`materials.${i}.title`)}
            />
            <TextInput
              label={t('form.field.link', { n: i + 1 })}
              type="url"
              value={row.link}
              onChange={(e) => setRow<MaterialRow>('materials', i, { link: e.currentTarget.value })}
              error={error(`materials.${i}.url`)}
            />
            <TextInput
              label={t('form.field.documentId', { n: i + 1 })}
              description={t('form.help.documentId')}
              value={row.documentId}
              onChange={(e) => setRow<MaterialRow>('materials', i, { documentId: e.currentTarget.value })}
              error={error(`materials.${i}.documentId`)}
            />
            <Button variant="outline" color="red.9" onClick={() => removeRow('materials', i)}>
              {t('form.removeMaterial', { n: i + 1 })}
            </Button>
          </div>
        ))}
        <div>
          <Button
            variant="light"
            onClick={() => set('materials', [...values.materials, { title: '', link: '', documentId: '' }])}
          >
            {t('form.addMaterial')}
          </Button>
        </div>
      </fieldset>
      {shownRefusal && (
        <Alert color="red.9" variant="light" role="alert">
          {t('form.refused', { message: save.error?.message ?? '' })}
        </Alert>
      )}
      {tried && Object.keys(problems).length > 0 && (
        <Alert color="red.9" variant="light" role="alert">
          {t('form.fix')}
        </Alert>
      )}
      <div>
        <Button type="submit" loading={save.isPending}>
          {id ? t('form.save') : t('form.create')}
        </Button>
      </div>
    </form>
  );

  /** The refusal of one participating organization, shown on the list. */
  function firstRowError(prefix: string): string | undefined {
    return refusedField?.startsWith(`${prefix}.`) && save.error ? save.error.message : undefined;
  }
}

/** Fields the form shows its refusal on (the others are reported above the button). */
function fieldShown(field: string): boolean {
  return (
    /^(kind|title\.(en|ru|zh)|description\.(en|ru|zh)|start|end|place\.(url|city|country)|organizer)$/.test(
      field,
    ) ||
    /^participants\.organizations(\.\d+)?$/.test(field) ||
    /^agenda\.\d+\.(time|title)$/.test(field) ||
    /^materials\.\d+\.(title|url|documentId)$/.test(field)
  );
}
