import { Alert, Button, NativeSelect, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import classes from './measures.module.css';
import { useAddIndicator, useAddMeasurement } from './queries.ts';
import type { Direction, Indicator } from './types.ts';
import { useMeasuresText } from './useMeasuresText.ts';

/**
 * The forms that add to a measure: an indicator (name, unit, target, direction, optional baseline
 * and due date) and a measured value of an indicator. The server checks everything again; a
 * refusal that names a field is shown on that field, any other above the button.
 */

/** A decimal typed in any of the interface languages ("1 234,5" or "1234.5"), or null. */
export function parseNumber(text: string): number | null {
  const cleaned = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(cleaned)) return null;
  return Number(cleaned);
}

function useRefusal(error: Error | null) {
  const field = error instanceof ApiError ? error.field : undefined;
  const message = error ? error.message : null;
  return {
    on: (name: string) => (field === name ? (message ?? undefined) : undefined),
    other:
      message &&
      (!field ||
        !['name', 'unit', 'target', 'baseline', 'due', 'date', 'value', 'note', 'source'].includes(field))
        ? message
        : null,
  };
}

export function IndicatorForm({ measureId }: { measureId: string }) {
  const { t } = useMeasuresText();
  const add = useAddIndicator(measureId);
  const empty = {
    name: '',
    unit: '',
    target: '',
    direction: 'higher-is-better' as Direction,
    baseline: '',
    due: '',
  };
  const [draft, setDraft] = useState(empty);
  const [local, setLocal] = useState<Record<string, string>>({});
  const refusal = useRefusal(add.error);
  const set = (key: keyof typeof draft) => (event: { currentTarget: { value: string } }) =>
    setDraft({ ...draft, [key]: event.currentTarget.value });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const target = parseNumber(draft.target);
    const baseline = draft.baseline.trim() ? parseNumber(draft.baseline) : undefined;
    const faults: Record<string, string> = {};
    if (!draft.name.trim()) faults.name = t('form.required');
    if (!draft.unit.trim()) faults.unit = t('form.required');
    if (target === null) faults.target = t('form.number');
    if (baseline === null) faults.baseline = t('form.number');
    setLocal(faults);
    if (Object.keys(faults).length || target === null) return;
    add.mutate(
      {
        name: draft.name.trim(),
        unit: draft.unit.trim(),
        target,
        direction: draft.direction,
        ...(baseline !== undefined && baseline !== null ? { baseline } : {}),
        ...(draft.due ? { due: draft.due } : {}),
      },
      { onSuccess: () => setDraft(empty) },
    );
  };
  const error = (name: string) => local[name] ?? refusal.on(name);

  return (
    <form className={classes.form} onSubmit={submit} noValidate aria-labelledby="indicator-form-title">
      <h3 id="indicator-form-title" className={classes.panelTitle}>
        {t('indicatorForm.title')}
      </h3>
      <TextInput
        label={t('indicatorForm.name')}
        value={draft.name}
        onChange={set('name')}
        error={error('name')}
        required
      />
      <div className={classes.filterRow}>
        <TextInput
          label={t('indicatorForm.unit')}
          value={draft.unit}
          onChange={set('unit')}
          error={error('unit')}
          required
        />
        <TextInput
          label={t('indicatorForm.target')}
          value={draft.target}
          onChange={set('target')}
          error={error('target')}
          inputMode="decimal"
          required
        />
        <NativeSelect
          label={t('indicatorForm.direction')}
          value={draft.direction}
          onChange={set('direction')}
          data={(['higher-is-better', 'lower-is-better'] as const).map((d) => ({
            value: d,
            label: t(`direction.${d}`),
          }))}
        />
        <TextInput
          label={t('indicatorForm.baseline')}
          value={draft.baseline}
          onChange={set('baseline')}
          error={error('baseline')}
          inputMode="decimal"
        />
        <TextInput
          type="date"
          label={t('indicatorForm.due')}
          value={draft.due}
          onChange={set('due')}
          error={error('due')}
        />
      </div>
      {refusal.other && (
        <Alert color="red.9" variant="light" role="alert">
          {t('form.refused', { message: refusal.other })}
        </Alert>
      )}
      {add.isSuccess && (
        <Text size="sm" role="status" c="pine.8">
          {t('indicatorForm.done')}
        </Text>
      )}
      <div>
        <Button type="submit" loading={add.isPending}>
          {t('indicatorForm.submit')}
        </Button>
      </div>
    </form>
  );
}

export function MeasurementForm({ measureId, indicator }: { measureId: string; indicator: Indicator }) {
  const { t } = useMeasuresText();
  const add = useAddMeasurement(measureId, indicator.id);
  const empty = { date: '', value: '', note: '', source: '' };
  const [draft, setDraft] = useState(empty);
  const [local, setLocal] = useState<Record<string, string>>({});
  const refusal = useRefusal(add.error);
  const set = (key: keyof typeof draft) => (event: { currentTarget: { value: string } }) =>
    setDraft({ ...draft, [key]: event.currentTarget.value });
  const titleId = `measurement-form-${indicator.id}`;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = parseNumber(draft.value);
    const faults: Record<string, string> = {};
    if (!draft.date) faults.date = t('form.required');
    if (value === null) faults.value = t('form.number');
    setLocal(faults);
    if (Object.keys(faults).length || value === null) return;
    add.mutate(
      {
        date: draft.date,
        value,
        ...(draft.note.trim() ? { note: draft.note.trim() } : {}),
        ...(draft.source.trim() ? { source: draft.source.trim() } : {}),
      },
      { onSuccess: () => setDraft(empty) },
    );
  };
  const error = (name: string) => local[name] ?? refusal.on(name);

  return (
    <form className={classes.panel} onSubmit={submit} noValidate aria-labelledby={titleId}>
      <h4 id={titleId} className={classes.panelTitle}>
        {t('measurementForm.title', { name: indicator.name })}
      </h4>
      <div className={classes.filterRow}>
        <TextInput
          type="date"
          label={t('measurementForm.date')}
          value={draft.date}
          onChange={set('date')}
          error={error('date')}
          required
        />
        <TextInput
          label={t('measurementForm.value')}
          value={draft.value}
          onChange={set('value')}
          error={error('value')}
          inputMode="decimal"
          required
        />
      </div>
      <TextInput
        label={t('measurementForm.note')}
        value={draft.note}
        onChange={set('note')}
        error={error('note')}
      />
      <TextInput
        type="url"
        label={t('measurementForm.source')}
        value={draft.source}
        onChange={set('source')}
        error={error('source')}
      />
      {refusal.other && (
        <Alert color="red.9" variant="light" role="alert">
          {t('form.refused', { message: refusal.other })}
        </Alert>
      )}
      {add.isSuccess && (
        <Text size="sm" role="status" c="pine.8">
          {t('measurementForm.done')}
        </Text>
      )}
      <div>
        <Button type="submit" variant="outline" loading={add.isPending}>
          {t('measurementForm.submit')}
        </Button>
      </div>
    </form>
  );
}
