import { Button, Group, MultiSelect, NumberInput, Select } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import classes from './assessment.module.css';
import type { Region } from './types.ts';
import { useAssessmentText } from './useAssessmentText.ts';

/** The choice the controls edit: a region, or states of one's own choosing; and the years. */
export interface Choice {
  /** A region's id, or `states` for the states chosen one by one. */
  region: string;
  states: string[];
  from: number;
  to: number;
}

export const FIRST_YEAR = 1970;

/**
 * The dashboard's filter: a region (Central Asia, the SCO members, the defined ones) or states
 * chosen one by one, and the period. Nothing is asked of the server until "Show" is pressed, so
 * typing a year does not fetch half of one.
 */
export function DashboardControls({
  initial,
  regions,
  lastYear,
  onShow,
}: {
  initial: Choice;
  regions: readonly Region[];
  lastYear: number;
  onShow: (next: Choice) => void;
}) {
  const { t, stateName, regionName, registry, language } = useAssessmentText();
  /** A year the API accepts, from what was typed; null when it is not one. */
  const year = (value: string) => {
    const n = /^\d{4}$/.test(value.trim()) ? Number(value) : Number.NaN;
    return n >= FIRST_YEAR && n <= lastYear ? n : null;
  };
  const [draft, setDraft] = useState({ ...initial, from: String(initial.from), to: String(initial.to) });
  const [problem, setProblem] = useState<{ field: 'from' | 'to' | 'states'; message: string } | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const from = year(draft.from);
    const to = year(draft.to);
    const range = { first: FIRST_YEAR, last: lastYear };
    if (from === null) return setProblem({ field: 'from', message: t('controls.year', range) });
    if (to === null) return setProblem({ field: 'to', message: t('controls.year', range) });
    if (from > to) return setProblem({ field: 'from', message: t('controls.order') });
    if (draft.region === 'states' && draft.states.length === 0)
      return setProblem({ field: 'states', message: t('controls.noStates') });
    setProblem(null);
    onShow({ ...draft, from, to });
  };
  const errorOf = (field: 'from' | 'to' | 'states') =>
    problem?.field === field ? problem.message : undefined;
  const stateOptions = (registry.data ?? [])
    .map((s) => ({ value: s.code, label: stateName(s.code) }))
    .sort((a, b) => a.label.localeCompare(b.label, language));
  return (
    <search aria-label={t('controls.label')}>
      <form className={classes.controls} onSubmit={submit} noValidate>
        <div className={classes.fieldRow}>
          <Select
            className={classes.grow}
            label={t('controls.region')}
            value={draft.region}
            allowDeselect={false}
            onChange={(region) => setDraft({ ...draft, region: region ?? 'sco-members' })}
            data={[
              ...regions.map((r) => ({ value: r.id, label: regionName(r) })),
              { value: 'states', label: t('controls.chosenStates') },
            ]}
          />
          {draft.region === 'states' && (
            <MultiSelect
              className={classes.grow}
              label={t('controls.states')}
              data={stateOptions}
              value={draft.states}
              onChange={(states) => setDraft({ ...draft, states })}
              searchable
              clearable
              clearButtonProps={{ 'aria-label': t('controls.clear') }}
              error={errorOf('states')}
            />
          )}
          <NumberInput
            label={t('controls.from')}
            value={draft.from}
            allowDecimal={false}
            allowNegative={false}
            thousandSeparator={false}
            onChange={(value) => setDraft({ ...draft, from: String(value) })}
            error={errorOf('from')}
          />
          <NumberInput
            label={t('controls.to')}
            value={draft.to}
            allowDecimal={false}
            allowNegative={false}
            thousandSeparator={false}
            onChange={(value) => setDraft({ ...draft, to: String(value) })}
            error={errorOf('to')}
          />
        </div>
        <Group gap="sm">
          <Button type="submit">{t('controls.show')}</Button>
        </Group>
      </form>
    </search>
  );
}
