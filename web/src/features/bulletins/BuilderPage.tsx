import {
  Alert,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Select,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { NotFound } from '../../components/NotFound.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { SignedIn } from '../identity/SignedIn.tsx';
import { TlpBadge } from '../intel/IntelBadges.tsx';
import { type BuilderForm, requestOf } from './builder.model.ts';
import classes from './bulletins.module.css';
import { useBuild, usePreview } from './queries.ts';
import { LANGUAGES, REGIONS, SECTIONS } from './types.ts';
import { buildsBulletins, useBulletinText } from './useBulletinText.ts';

const LANGUAGE_NAMES = { en: 'English', ru: 'Русский', zh: '中文' } as const;

/**
 * `/bulletins/new`: the builder. The form on one side, on the other a live preview of the
 * bulletin (its HTML, drawn by the server from what the analyst may read now) and the marking it
 * would carry. Building stores it and opens its page.
 */
export function BuilderPage() {
  return <SignedIn>{(me) => (buildsBulletins(me) ? <Builder /> : <NotFound />)}</SignedIn>;
}

function Builder() {
  const { t, language } = useBulletinText();
  usePageTitle(t('builder.title'));
  const navigate = useNavigate();
  const year = new Date().getUTCFullYear() - 1;
  const [form, setForm] = useState<BuilderForm>({
    title: '',
    language: language as BuilderForm['language'],
    from: `${year}-01-01`,
    to: `${year}-12-31`,
    states: '',
    regions: ['central-asia'],
    sections: ['overview', 'incidents', 'organizations'],
    note: '',
    topIncidents: 10,
  });
  const set =
    <K extends keyof BuilderForm>(key: K) =>
    (value: BuilderForm[K]) =>
      setForm((f) => ({ ...f, [key]: value }));
  const [debounced] = useDebouncedValue(form, 500);
  const preview = usePreview(requestOf(debounced));
  const build = useBuild();
  const error = build.error ?? preview.error;
  const field = error instanceof ApiError ? error.field : undefined;
  const fieldError = (name: string) => (field === name ? error?.message : undefined);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const request = requestOf(form);
    if (request)
      build.mutate(request, { onSuccess: (b) => navigate(`/bulletins/${encodeURIComponent(b.id)}`) });
  };

  return (
    <>
      <PageHeader
        title={t('builder.title')}
        lead={t('builder.lead')}
        crumbs={[{ to: '/bulletins', label: t('list.title') }]}
      />
      <div className={classes.layout}>
        <form className={classes.form} onSubmit={submit} noValidate aria-label={t('builder.title')}>
          <TextInput
            label={t('builder.name')}
            required
            value={form.title}
            onChange={(e) => set('title')(e.currentTarget.value)}
            error={fieldError('title')}
          />
          <Select
            label={t('builder.language')}
            data={LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
            value={form.language}
            onChange={(v) => v && set('language')(v as BuilderForm['language'])}
            allowDeselect={false}
          />
          <Group grow>
            <TextInput
              type="date"
              label={t('builder.from')}
              value={form.from}
              onChange={(e) => set('from')(e.currentTarget.value)}
              error={fieldError('from')}
            />
            <TextInput
              type="date"
              label={t('builder.to')}
              value={form.to}
              onChange={(e) => set('to')(e.currentTarget.value)}
              error={fieldError('to')}
            />
          </Group>
          <TextInput
            label={t('builder.states')}
            description={t('builder.statesHint')}
            value={form.states}
            onChange={(e) => set('states')(e.currentTarget.value)}
            error={fieldError('states')}
          />
          <Checkbox.Group label={t('builder.regions')} value={form.regions} onChange={set('regions')}>
            <Group gap="xs" mt={4}>
              {REGIONS.map((r) => (
                <Checkbox key={r} value={r} label={t(`builder.region.${r}`)} />
              ))}
            </Group>
          </Checkbox.Group>
          <Checkbox.Group
            label={t('builder.sections')}
            value={form.sections}
            onChange={set('sections')}
            error={fieldError('sections')}
          >
            <Group gap="xs" mt={4}>
              {SECTIONS.map((s) => (
                <Checkbox key={s} value={s} label={t(`builder.section.${s}`)} />
              ))}
            </Group>
          </Checkbox.Group>
          <NumberInput
            label={t('builder.top')}
            min={1}
            max={100}
            value={form.topIncidents}
            onChange={(v) => set('topIncidents')(typeof v === 'number' ? v : 10)}
          />
          <Textarea
            label={t('builder.note')}
            autosize
            minRows={3}
            value={form.note}
            onChange={(e) => set('note')(e.currentTarget.value)}
          />
          {error && !field && (
            <Alert color="red.9" variant="light" role="alert">
              {error.message}
            </Alert>
          )}
          <div>
            <Button type="submit" loading={build.isPending} disabled={requestOf(form) === null}>
              {t('builder.build')}
            </Button>
          </div>
        </form>
        <section aria-labelledby="preview-title">
          <div className={classes.previewHead}>
            <h2 id="preview-title">{t('builder.preview')}</h2>
            {preview.data && (
              <Text size="sm" role="status">
                {t('builder.marking')} <TlpBadge tlp={preview.data.tlp} /> ·{' '}
                {t('builder.parts', { count: preview.data.parts })}
              </Text>
            )}
          </div>
          {preview.data ? (
            // The server escapes every value and writes no script; the frame inherits this page's
            // Content-Security-Policy, which runs no inline script either. (A sandbox without
            // scripts would also shut out the accessibility checker, which reads the preview.)
            <iframe
              className={classes.preview}
              title={t('builder.previewFrame')}
              srcDoc={preview.data.html}
            />
          ) : (
            <Text className={classes.empty}>{t('builder.previewWaiting')}</Text>
          )}
        </section>
      </div>
    </>
  );
}
