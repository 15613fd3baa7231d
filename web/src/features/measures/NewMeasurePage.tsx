import {
  Alert,
  Button,
  Checkbox,
  Group,
  MultiSelect,
  NativeSelect,
  Textarea,
  TextInput,
} from '@mantine/core';
import { type FormEvent, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { LOCALES } from '../../i18n/index.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import classes from './measures.module.css';
import { useCreateMeasure } from './queries.ts';
import {
  MEASURE_CATEGORIES,
  MEASURE_KINDS,
  type MeasureCategory,
  type MeasureKind,
  type NewMeasureInput,
} from './types.ts';
import { countryName, useMeasuresText } from './useMeasuresText.ts';

/** Every assigned ISO 3166 alpha-2 code Intl names, for the place fields. */
function allCountries(locale: string): { value: string; label: string }[] {
  const codes: string[] = [];
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      const label = countryName(code, locale);
      if (label !== code) codes.push(code);
    }
  }
  return codes
    .map((value) => ({ value, label: countryName(value, locale) }))
    .sort((x, y) => x.label.localeCompare(y.label, locale));
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/**
 * `/measures/new`: records a joint exercise, operation or training (Secretariat officers, RATS
 * analysts, administrators), then opens its page, where indicators are added.
 */
export function NewMeasurePage() {
  const { t, access, states, bodies, text, language, me } = useMeasuresText();
  usePageTitle(t('newMeasure.title'));
  const navigate = useNavigate();
  const create = useCreateMeasure();
  const [kind, setKind] = useState<MeasureKind>('exercise');
  const [categories, setCategories] = useState<MeasureCategory[]>([]);
  const [names, setNames] = useState({ en: '', ru: '', zh: '' });
  const [period, setPeriod] = useState({ start: '', end: '' });
  const [places, setPlaces] = useState([{ key: 0, country: '', region: '' }]);
  const nextPlace = useRef(1);
  const [participantStates, setParticipantStates] = useState<string[]>([]);
  const [participantBodies, setParticipantBodies] = useState<string[]>([]);
  const [objectives, setObjectives] = useState('');
  const [outcomes, setOutcomes] = useState('');
  const [source, setSource] = useState({ citation: '', url: '' });
  const [notes, setNotes] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});

  if (me.isPending) return null;
  if (!access.create) {
    return (
      <>
        <PageHeader title={t('newMeasure.title')} />
        <Alert variant="light" color="sco.8">
          {t('newMeasure.cannot')}
        </Alert>
      </>
    );
  }

  const field = create.error instanceof ApiError ? create.error.field : undefined;
  const message = create.error?.message;
  const error = (name: string) => local[name] ?? (field === name ? message : undefined);
  const errorStartingWith = (prefix: string) => (field?.startsWith(prefix) ? message : undefined);
  const countries = allCountries(LOCALES[language]);
  const members = states
    .filter((s) => s.statuses.some((p) => p.status === 'member' || p.status === 'shanghai-five'))
    .map((s) => ({ value: s.code, label: text(s.name) }))
    .sort((a, b) => a.label.localeCompare(b.label));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const faults: Record<string, string> = {};
    if (!names.en.trim()) faults['name.en'] = t('form.required');
    if (!period.start) faults.start = t('form.required');
    if (!period.end) faults.end = t('form.required');
    places.forEach((p, i) => {
      if (!p.country) faults[`places.${i}.country`] = t('form.required');
    });
    setLocal(faults);
    if (Object.keys(faults).length) return;
    const input: NewMeasureInput = {
      kind,
      categories,
      name: {
        en: names.en.trim(),
        ...(names.ru.trim() ? { ru: names.ru.trim() } : {}),
        ...(names.zh.trim() ? { zh: names.zh.trim() } : {}),
      },
      start: period.start,
      end: period.end,
      places: places.map((p) => ({
        country: p.country,
        ...(p.region.trim() ? { region: p.region.trim() } : {}),
      })),
      participants: [
        ...participantStates.map((id) => ({ kind: 'state' as const, id })),
        ...participantBodies.map((id) => ({ kind: 'body' as const, id })),
      ],
      objectives: lines(objectives),
      outcomes: lines(outcomes),
      sources: source.citation.trim()
        ? [{ citation: source.citation.trim(), url: source.url.trim() || null }]
        : [],
      ...(notes.trim() ? { notes: notes.trim() } : {}),
    };
    create.mutate(input, { onSuccess: (view) => navigate(`/measures/${encodeURIComponent(view.id)}`) });
  };
  const known = new Set(['kind', 'name.en', 'name.ru', 'name.zh', 'start', 'end']);
  const other =
    message && !(field && (known.has(field) || /^(places|participants|categories)/.test(field)))
      ? message
      : null;

  return (
    <>
      <PageHeader
        title={t('newMeasure.title')}
        lead={t('newMeasure.lead')}
        crumbs={[{ to: '/measures', label: t('list.title') }]}
      />
      <form className={classes.form} onSubmit={submit} noValidate aria-label={t('newMeasure.title')}>
        <NativeSelect
          label={t('newMeasure.kind')}
          value={kind}
          onChange={(e) => setKind(e.currentTarget.value as MeasureKind)}
          data={MEASURE_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
        />
        <Checkbox.Group
          label={t('newMeasure.categories')}
          value={categories}
          onChange={(value) => setCategories(value as MeasureCategory[])}
          error={errorStartingWith('categories')}
        >
          <Group gap="md" mt="xs">
            {MEASURE_CATEGORIES.map((c) => (
              <Checkbox key={c} value={c} label={t(`category.${c}`)} />
            ))}
          </Group>
        </Checkbox.Group>
        <TextInput
          label={t('newMeasure.nameEn')}
          value={names.en}
          onChange={(e) => setNames({ ...names, en: e.currentTarget.value })}
          error={error('name.en')}
          required
        />
        <TextInput
          label={t('newMeasure.nameRu')}
          value={names.ru}
          lang="ru"
          onChange={(e) => setNames({ ...names, ru: e.currentTarget.value })}
          error={error('name.ru')}
        />
        <TextInput
          label={t('newMeasure.nameZh')}
          value={names.zh}
          lang="zh"
          onChange={(e) => setNames({ ...names, zh: e.currentTarget.value })}
          error={error('name.zh')}
        />
        <div className={classes.filterRow}>
          <TextInput
            type="date"
            label={t('newMeasure.start')}
            value={period.start}
            onChange={(e) => setPeriod({ ...period, start: e.currentTarget.value })}
            error={error('start')}
            required
          />
          <TextInput
            type="date"
            label={t('newMeasure.end')}
            value={period.end}
            onChange={(e) => setPeriod({ ...period, end: e.currentTarget.value })}
            error={error('end')}
            required
          />
        </div>
        <fieldset className={classes.form}>
          <legend>{t('newMeasure.places')}</legend>
          {places.map((p, i) => (
            <fieldset key={p.key} className={classes.placeRow}>
              <legend className={classes.placeLegend}>{t('newMeasure.place', { n: i + 1 })}</legend>
              <NativeSelect
                label={t('newMeasure.country')}
                value={p.country}
                onChange={(e) =>
                  setPlaces(places.map((q, j) => (j === i ? { ...q, country: e.currentTarget.value } : q)))
                }
                data={[{ value: '', label: '—' }, ...countries]}
                error={error(`places.${i}.country`) ?? (field === `places.${i}` ? message : undefined)}
                required
              />
              <TextInput
                label={t('newMeasure.region')}
                value={p.region}
                onChange={(e) =>
                  setPlaces(places.map((q, j) => (j === i ? { ...q, region: e.currentTarget.value } : q)))
                }
              />
              {places.length > 1 && (
                <Button
                  variant="subtle"
                  color="red.9"
                  onClick={() => setPlaces(places.filter((_, j) => j !== i))}
                >
                  {t('newMeasure.removePlace')}
                </Button>
              )}
            </fieldset>
          ))}
          <div>
            <Button
              variant="outline"
              size="xs"
              onClick={() => setPlaces([...places, { key: nextPlace.current++, country: '', region: '' }])}
            >
              {t('newMeasure.addPlace')}
            </Button>
          </div>
        </fieldset>
        <MultiSelect
          label={t('newMeasure.states')}
          data={members}
          value={participantStates}
          onChange={setParticipantStates}
          searchable
          nothingFoundMessage={t('newMeasure.nothing')}
          error={errorStartingWith('participants')}
        />
        <MultiSelect
          label={t('newMeasure.bodies')}
          data={bodies.map((b) => ({ value: b.id, label: text(b.name) }))}
          value={participantBodies}
          onChange={setParticipantBodies}
          searchable
          nothingFoundMessage={t('newMeasure.nothing')}
        />
        <Textarea
          label={t('newMeasure.objectives')}
          value={objectives}
          onChange={(e) => setObjectives(e.currentTarget.value)}
          autosize
          minRows={2}
        />
        <Textarea
          label={t('newMeasure.outcomes')}
          value={outcomes}
          onChange={(e) => setOutcomes(e.currentTarget.value)}
          autosize
          minRows={2}
        />
        <TextInput
          label={t('newMeasure.citation')}
          value={source.citation}
          onChange={(e) => setSource({ ...source, citation: e.currentTarget.value })}
        />
        <TextInput
          type="url"
          label={t('newMeasure.sourceUrl')}
          value={source.url}
          onChange={(e) => setSource({ ...source, url: e.currentTarget.value })}
        />
        <Textarea
          label={t('newMeasure.notes')}
          value={notes}
          onChange={(e) => setNotes(e.currentTarget.value)}
          autosize
          minRows={2}
        />
        {other && (
          <Alert color="red.9" variant="light" role="alert">
            {t('form.refused', { message: other })}
          </Alert>
        )}
        <div>
          <Button type="submit" loading={create.isPending}>
            {t('newMeasure.submit')}
          </Button>
        </div>
      </form>
    </>
  );
}
