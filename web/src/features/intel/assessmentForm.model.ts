import type { DefinitionElement, DefinitionSet, Evidence, Finding, FindingValue, Label } from './types.ts';

/**
 * The assessment form's arithmetic: one draft finding per element of the chosen definition set
 * (unknown until the analyst says otherwise, or as prefilled from GTD), which findings still lack
 * evidence (holds and does-not-hold need at least one), and the findings to send. Pure.
 */

export interface FindingDraft {
  value: FindingValue;
  evidence: Evidence[];
  note: string;
  derived: 'gtd' | null;
}

export type Drafts = Record<string, FindingDraft>;

/** Every element of a set with the definition it belongs to, in the set's order. */
export function elementsOf(set: DefinitionSet): { label: Label; element: DefinitionElement }[] {
  return set.definitions.flatMap((definition) =>
    definition.elements.map((element) => ({ label: definition.label, element })),
  );
}

export const emptyEvidence = (): Evidence => ({ kind: 'source', ref: '' });

/** A draft per element: the prefilled finding where there is one for it, else unknown. */
export function initialDrafts(set: DefinitionSet, prefill: readonly Finding[] = []): Drafts {
  const given = new Map(prefill.map((f) => [f.element, f]));
  const drafts: Drafts = {};
  for (const { element } of elementsOf(set)) {
    const found = given.get(element.id);
    drafts[element.id] = found
      ? {
          value: found.value,
          evidence: found.evidence.length ? found.evidence.map((e) => ({ ...e })) : [emptyEvidence()],
          note: found.note ?? '',
          derived: found.derived ?? null,
        }
      : { value: 'unknown', evidence: [emptyEvidence()], note: '', derived: null };
  }
  return drafts;
}

const filled = (evidence: readonly Evidence[]) => evidence.filter((e) => e.ref.trim() !== '');

/** The elements whose finding holds or does not hold but has no evidence yet. */
export function missingEvidence(drafts: Drafts): string[] {
  return Object.entries(drafts)
    .filter(([, draft]) => draft.value !== 'unknown' && filled(draft.evidence).length === 0)
    .map(([element]) => element);
}

/** The findings to send: each element's value, its evidence with a reference, its note if any. */
export function toFindings(drafts: Drafts): Finding[] {
  return Object.entries(drafts).map(([element, draft]) => ({
    element,
    value: draft.value,
    evidence: filled(draft.evidence).map((e) => ({
      kind: e.kind,
      ref: e.ref.trim(),
      ...(e.note?.trim() ? { note: e.note.trim() } : {}),
    })),
    ...(draft.derived ? { derived: draft.derived } : {}),
    ...(draft.note.trim() ? { note: draft.note.trim() } : {}),
  }));
}
