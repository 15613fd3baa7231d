import { Alert, Button, Checkbox, MultiSelect, Select, TagsInput, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { RouterAnchor } from '../../components/RouterAnchor.tsx';
import classes from './intel.module.css';
import {
  type FormField,
  fieldMessage,
  fieldOf,
  type ObjectFormValues,
  problemsOf,
  toStix,
} from './objectForm.model.ts';
import { objectPath } from './paths.ts';
import { useObjects, useSaveObject } from './queries.ts';
import { RecipientFields } from './RecipientFields.tsx';
import { TlpField } from './TlpField.tsx';
import { raised, recipientsOf, tlpName } from './tlp.ts';
import { EDITABLE_TYPES, type EditableType, ORGANIZATION_TYPES, type StixObject } from './types.ts';
import { useIntelText } from './useIntelText.ts';

/**
 * The form of a threat actor, intrusion set, incident or report: what it is, its TLP level (each
 * level explained) and recipients. Editing sends the stored object with the changes as a new
 * version (same id). Checks what the server requires before sending; a refusal is shown on the
 * field it names (`error.details.field`), or above the button. The answer says the level stored,
 * which the server raises to the strictest of the objects referenced.
 */
export function ObjectForm({ initial, base }: { initial: ObjectFormValues; base?: StixObject }) {
  const { t, access } = useIntelText();
  const [values, setValues] = useState(initial);
  const [tried, setTried] = useState(false);
  const [lowerMarking, setLowerMarking] = useState(false);
  const save = useSaveObject();
  const organizations = useObjects({ types: ORGANIZATION_TYPES, limit: 500, offset: 0 });
  const problems = problemsOf(values);
  const refused = save.error instanceof ApiError ? fieldOf(save.error.field) : null;
  const set = <K extends keyof ObjectFormValues>(key: K, value: ObjectFormValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));
  const error = (field: FormField): string | undefined => {
    const problem = tried ? problems[field] : undefined;
    if (problem) return t(`form.problem.${problem}`);
    if (refused === field && save.error instanceof ApiError)
      return fieldMessage(save.error.message, save.error.field);
    return undefined;
  };
  const input = (
    field: 'name' | 'country' | 'countryCode' | 'city' | 'latitude' | 'longitude' | 'killed' | 'wounded',
  ) => ({
    label: t(`form.field.${field}`),
    value: values[field],
    onChange: (event: React.ChangeEvent<HTMLInputElement>) => set(field, event.currentTarget.value),
    error: error(field),
  });
  const date = (field: 'firstSeen' | 'lastSeen' | 'published' | 'date') => ({
    type: 'date',
    label: t(`form.field.${field}`),
    value: values[field],
    onChange: (event: React.ChangeEvent<HTMLInputElement>) => set(field, event.currentTarget.value),
    error: error(field),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    save.reset();
    if (Object.keys(problemsOf(values)).length > 0) return;
    const who = recipientsOf(values.tlp);
    save.mutate({
      object: toStix(values, base),
      tlp: tlpName(values.tlp),
      ...(who === 'organizations' ? { recipientOrgs: values.recipientOrgs } : {}),
      ...(who === 'users' ? { recipientUsers: values.recipientUsers } : {}),
      ...(lowerMarking ? { lowerMarking: true } : {}),
    });
  };
  const organization = values.type === 'threat-actor' || values.type === 'intrusion-set';

  return (
    <form className={classes.form} onSubmit={submit} noValidate>
      <Select
        label={t('form.field.type')}
        data={EDITABLE_TYPES.map((type) => ({ value: type, label: t(`type.${type}`) }))}
        value={values.type}
        onChange={(type) => type && set('type', type as EditableType)}
        disabled={base !== undefined}
        allowDeselect={false}
      />
      <TextInput {...input('name')} required />
      <Textarea
        label={t('form.field.description')}
        value={values.description}
        onChange={(event) => set('description', event.currentTarget.value)}
        error={error('description')}
        autosize
        minRows={3}
      />
      {organization && (
        <>
          <TagsInput
            label={t('form.field.aliases')}
            description={t('form.help.aliases')}
            value={values.aliases}
            onChange={(aliases) => set('aliases', aliases)}
            error={error('aliases')}
          />
          <div className={classes.fieldRow}>
            <TextInput {...date('firstSeen')} />
            <TextInput {...date('lastSeen')} />
          </div>
        </>
      )}
      {values.type === 'report' && (
        <>
          <TextInput {...date('published')} required />
          <TagsInput
            label={t('form.field.objectRefs')}
            description={t('form.help.objectRefs')}
            value={values.objectRefs}
            onChange={(refs) => set('objectRefs', refs)}
            error={error('objectRefs')}
            required
          />
        </>
      )}
      {values.type === 'incident' && (
        <fieldset className={classes.fieldset}>
          <legend className={classes.legend}>{t('form.incident')}</legend>
          <div className={classes.fieldRow}>
            <TextInput {...date('date')} />
            <TextInput {...input('country')} />
            <TextInput {...input('countryCode')} description={t('form.help.countryCode')} maxLength={2} />
            <TextInput {...input('city')} />
          </div>
          <div className={classes.fieldRow}>
            <TextInput {...input('latitude')} inputMode="decimal" />
            <TextInput {...input('longitude')} inputMode="decimal" />
            <TextInput {...input('killed')} inputMode="numeric" />
            <TextInput {...input('wounded')} inputMode="numeric" />
          </div>
          <MultiSelect
            label={t('form.field.perpetratorRefs')}
            description={t('form.help.perpetratorRefs')}
            data={(organizations.data?.items ?? []).map((o) => ({ value: o.id, label: o.name ?? o.id }))}
            value={values.perpetratorRefs}
            onChange={(refs) => set('perpetratorRefs', refs)}
            error={error('perpetratorRefs')}
            searchable
            nothingFoundMessage={t('recipients.none')}
          />
        </fieldset>
      )}
      <TlpField value={values.tlp} onChange={(tlp) => set('tlp', tlp)} error={error('tlp')} />
      <RecipientFields
        tlp={values.tlp}
        organizations={values.recipientOrgs}
        users={values.recipientUsers}
        onOrganizations={(ids) => set('recipientOrgs', ids)}
        onUsers={(ids) => set('recipientUsers', ids)}
        errors={{ recipientOrgs: error('recipientOrgs'), recipientUsers: error('recipientUsers') }}
      />
      {access.analyse && (
        <Checkbox
          label={t('form.lowerMarking')}
          description={t('form.help.lowerMarking')}
          checked={lowerMarking}
          onChange={(event) => setLowerMarking(event.currentTarget.checked)}
        />
      )}
      {save.error && !refused && (
        <Alert color="red.9" variant="light" role="alert">
          {t('form.refused', { message: save.error.message })}
        </Alert>
      )}
      {tried && Object.keys(problems).length > 0 && (
        <Alert color="red.9" variant="light" role="alert">
          {t('form.fix')}
        </Alert>
      )}
      <div>
        <Button type="submit" loading={save.isPending}>
          {base ? t('form.saveVersion') : t('form.create')}
        </Button>
      </div>
      {save.isSuccess && (
        <Alert
          color="pine.8"
          variant="light"
          role="status"
          title={t(`form.saved.${save.data.written ?? 'created'}`)}
        >
          <p className={classes.savedText}>
            {raised(values.tlp, save.data.tlp)
              ? t('form.raised', { asked: tlpName(values.tlp), stored: tlpName(save.data.tlp) })
              : t('form.stored', { stored: tlpName(save.data.tlp) })}
          </p>
          <RouterAnchor to={objectPath(save.data.object.type, save.data.object.id)}>
            {t('form.open')}
          </RouterAnchor>
        </Alert>
      )}
    </form>
  );
}
