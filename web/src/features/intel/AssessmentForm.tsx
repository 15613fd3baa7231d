import { ActionIcon, Alert, Button, Group, Radio, Select, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { AssessmentCard } from './AssessmentCard.tsx';
import {
  type Drafts,
  elementsOf,
  emptyEvidence,
  type FindingDraft,
  initialDrafts,
  missingEvidence,
  toFindings,
} from './assessmentForm.model.ts';
import type { DefinitionIndex } from './definitions.ts';
import classes from './intel.module.css';
import { useCreateAssessment, useGtdFindings } from './queries.ts';
import { type DefinitionElement, type DefinitionSet, EVIDENCE_KINDS, FINDING_VALUES } from './types.ts';
import { useIntelText } from './useIntelText.ts';

/**
 * An analyst records an assessment: the definition set, then per element a finding (holds, does
 * not hold, unknown) with its evidence; holds and does-not-hold need at least one piece. For an
 * incident the findings can be prefilled from its GTD criteria (marked as derived). The server
 * computes the result, which is shown with its reasons once recorded.
 */
export function AssessmentForm({
  subjectId,
  subjectType,
  sets,
  index,
}: {
  subjectId: string;
  subjectType: string;
  sets: readonly DefinitionSet[];
  index: DefinitionIndex;
}) {
  const { t, text } = useIntelText();
  const [setKey, setSetKey] = useState(sets[0] ? `${sets[0].id}@${sets[0].version}` : '');
  const set = sets.find((s) => `${s.id}@${s.version}` === setKey);
  const [drafts, setDrafts] = useState<Drafts>(() => (set ? initialDrafts(set) : {}));
  const [tried, setTried] = useState(false);
  const create = useCreateAssessment();
  const gtd = useGtdFindings(subjectId);

  const choose = (key: string | null) => {
    const next = sets.find((s) => `${s.id}@${s.version}` === key);
    if (!next || !key) return;
    setSetKey(key);
    setDrafts(initialDrafts(next));
    setTried(false);
    create.reset();
  };
  const prefill = async () => {
    const result = await gtd.refetch();
    if (set && result.data) setDrafts(initialDrafts(set, result.data.items));
  };
  const update = (element: string, change: Partial<FindingDraft>) =>
    setDrafts((current) => ({ ...current, [element]: { ...(current[element] as FindingDraft), ...change } }));

  const missing = new Set(missingEvidence(drafts));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    create.reset();
    if (!set || missing.size > 0) return;
    create.mutate({ subjectId, set: set.id, version: set.version, findings: toFindings(drafts) });
  };

  if (!set) return null;
  return (
    <form className={classes.panel} onSubmit={submit} noValidate aria-labelledby="assessment-form-title">
      <h3 id="assessment-form-title" className={classes.panelTitle}>
        {t('assessmentForm.title')}
      </h3>
      <Text size="sm" c="gray.7">
        {t('assessmentForm.help')}
      </Text>
      <Group align="flex-end" gap="sm">
        <Select
          className={classes.grow}
          label={t('assessmentForm.set')}
          data={sets.map((s) => ({ value: `${s.id}@${s.version}`, label: text(s.title) }))}
          value={setKey}
          onChange={choose}
          allowDeselect={false}
        />
        {subjectType === 'incident' && (
          <Button variant="outline" onClick={() => void prefill()} loading={gtd.isFetching}>
            {t('assessmentForm.prefill')}
          </Button>
        )}
      </Group>
      {gtd.isError && (
        <Alert color="red.9" variant="light" role="alert">
          {t('form.refused', { message: gtd.error.message })}
        </Alert>
      )}
      {set.definitions.map((definition) => (
        <fieldset key={definition.label} className={classes.definitionSet}>
          <legend className={classes.legend}>
            {t(`outcome.${definition.label}`)}
            {definition.article ? ` · ${definition.article}` : ''}
          </legend>
          {elementsOf({ ...set, definitions: [definition] }).map(({ element }) => (
            <ElementFinding
              key={element.id}
              element={element}
              draft={drafts[element.id] as FindingDraft}
              onChange={(change) => update(element.id, change)}
              missing={tried && missing.has(element.id)}
            />
          ))}
        </fieldset>
      ))}
      {tried && missing.size > 0 && (
        <Alert color="red.9" variant="light" role="alert">
          {t('assessmentForm.missing', { count: missing.size })}
        </Alert>
      )}
      {create.isError && (
        <Alert color="red.9" variant="light" role="alert">
          {t('form.refused', { message: create.error.message })}
        </Alert>
      )}
      <div>
        <Button type="submit" loading={create.isPending}>
          {t('assessmentForm.submit')}
        </Button>
      </div>
      {create.isSuccess && (
        <div role="status" className={classes.computed}>
          <Text fw={600}>{t('assessmentForm.recorded')}</Text>
          <AssessmentCard
            assessment={{ ...create.data, analyst: undefined }}
            index={index}
            headingLevel={4}
          />
        </div>
      )}
    </form>
  );
}

/** One element: its wording, the finding, the evidence rows and the analyst's note. */
function ElementFinding({
  element,
  draft,
  onChange,
  missing,
}: {
  element: DefinitionElement;
  draft: FindingDraft;
  onChange: (change: Partial<FindingDraft>) => void;
  missing: boolean;
}) {
  const { t, text } = useIntelText();
  const label = text(element.label);
  const setEvidence = (at: number, change: Partial<FindingDraft['evidence'][number]>) =>
    onChange({ evidence: draft.evidence.map((e, i) => (i === at ? { ...e, ...change } : e)) });
  return (
    <div className={classes.element} data-missing={missing}>
      <Radio.Group
        label={label}
        description={text(element.text)}
        value={draft.value}
        onChange={(value) => onChange({ value: value as FindingDraft['value'], derived: null })}
      >
        <Group gap="md" mt={6}>
          {FINDING_VALUES.map((value) => (
            <Radio key={value} value={value} label={t(`finding.${value}`)} />
          ))}
        </Group>
      </Radio.Group>
      {!element.confirmed && (
        <Text size="xs" c="ochre.8">
          {t('assessmentForm.unconfirmed')}
        </Text>
      )}
      {draft.derived === 'gtd' && (
        <Text size="xs" c="gray.7">
          {t('assessmentForm.derived')}
        </Text>
      )}
      {draft.value !== 'unknown' && (
        <>
          {draft.evidence.map((evidence, at) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: evidence rows have no identity but their place.
            <div key={at} className={classes.evidenceRow}>
              <Select
                label={t('evidence.kind')}
                data={EVIDENCE_KINDS.map((kind) => ({ value: kind, label: t(`evidence.${kind}`) }))}
                value={evidence.kind}
                onChange={(kind) => kind && setEvidence(at, { kind: kind as typeof evidence.kind })}
                allowDeselect={false}
                aria-label={t('evidence.kindOf', { element: label })}
              />
              <TextInput
                className={classes.grow}
                label={t('evidence.ref')}
                aria-label={t('evidence.refOf', { element: label })}
                value={evidence.ref}
                onChange={(event) => setEvidence(at, { ref: event.currentTarget.value })}
                error={missing && at === 0 ? t('evidence.required') : undefined}
              />
              {draft.evidence.length > 1 && (
                <ActionIcon
                  variant="subtle"
                  color="red.9"
                  aria-label={t('evidence.remove')}
                  onClick={() => onChange({ evidence: draft.evidence.filter((_, i) => i !== at) })}
                  className={classes.removeEvidence}
                >
                  ×
                </ActionIcon>
              )}
            </div>
          ))}
          <Group gap="sm">
            <Button
              variant="subtle"
              size="compact-sm"
              onClick={() => onChange({ evidence: [...draft.evidence, emptyEvidence()] })}
            >
              {t('evidence.add')}
            </Button>
          </Group>
          <TextInput
            label={t('assessmentForm.note')}
            aria-label={t('assessmentForm.noteOf', { element: label })}
            value={draft.note}
            onChange={(event) => onChange({ note: event.currentTarget.value })}
          />
        </>
      )}
    </div>
  );
}
