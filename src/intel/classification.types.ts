import type { I18n } from '../registry/reference-data.schema.ts';

/**
 * The vocabulary of classification under the Shanghai Convention and the later SCO conventions:
 * definition sets (versioned data, `data/convention-definitions.json`), an analyst's findings on
 * their elements, and the computed result with its reasons. Types only; the rules are in
 * `classification.rules.ts`, the loader in `classification.definitions.ts`.
 */

/** The defined terms, in the order of Art. 1(1) of the 2001 Convention (also the order of priority). */
export const LABELS = ['terrorism', 'separatism', 'extremism'] as const;
export type Label = (typeof LABELS)[number];

/** An analyst's finding on one element. A missing finding counts as `unknown`. */
export const FINDING_VALUES = ['holds', 'does-not-hold', 'unknown'] as const;
export type FindingValue = (typeof FINDING_VALUES)[number];

/** What a piece of evidence points at: a STIX object, a document of the registry, or an outside source. */
export const EVIDENCE_KINDS = ['object', 'document', 'source'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/**
 * Where an element's wording comes from: the retrieved treaty text (or a translation of it), a summary
 * or a secondary account, or nowhere (the element stands for a part of the text that was not retrieved).
 */
export const WORDINGS = ['treaty-text', 'summary', 'not-retrieved'] as const;
export type Wording = (typeof WORDINGS)[number];

/** The result of a classification: a met definition, none of them, or not enough known to say. */
export const OUTCOMES = [...LABELS, 'none', 'insufficient-information'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Text that must exist in all three languages. */
export interface I18nFull {
  en: string;
  ru: string;
  zh: string;
}

/** One definitional element, e.g. the purpose of the act. Ids are `<label>.<name>`, unique in a set. */
export interface DefinitionElement {
  id: string;
  label: I18nFull;
  text: I18n;
  /** True when the wording was checked against the retrieved treaty text. */
  confirmed: boolean;
  wording: Wording;
  /** Keys of the fact sheet's sources (`sco-facts`), e.g. `docslib_conv`. */
  sources: readonly string[];
  note?: string;
}

/** One alternative way to meet a definition: met when every element it lists holds. */
export interface Limb {
  id: string;
  label: I18nFull;
  allOf: readonly string[];
}

/** A definition (terrorism, separatism or extremism) in one instrument; met when any limb is met. */
export interface Definition {
  label: Label;
  /** The article, e.g. "Art. 1(1)(1)"; null when the article number is not confirmed. */
  article: string | null;
  note?: string;
  elements: readonly DefinitionElement[];
  structure: { anyOf: readonly Limb[] };
}

/** The instrument a set comes from: a document of `data/documents.json`, or a name where none matches. */
export type Instrument = { document: string } | { name: I18n };

/** The definitions of one instrument, versioned: an assessment names the set and version it used. */
export interface DefinitionSet {
  id: string;
  version: number;
  title: I18nFull;
  instrument: Instrument;
  /** Date of signature, YYYY-MM-DD. */
  signed: string;
  sources: readonly string[];
  note?: string;
  definitions: readonly Definition[];
}

export interface Evidence {
  kind: EvidenceKind;
  /** A STIX id, a document id, or a source reference (URL, `gtd:<eventid>`, ...). */
  ref: string;
  note?: string;
}

/** Where a derived finding came from; analysts' own findings have `derived: null`. */
export type DerivedFrom = 'gtd';

/** One finding on one element. `holds` and `does-not-hold` need evidence; `unknown` may have none. */
export interface Finding {
  element: string;
  value: FindingValue;
  evidence: readonly Evidence[];
  derived: DerivedFrom | null;
  /** Why: the analyst's reasoning, or the mapping that derived the finding. */
  note?: string;
}

/** One analyst's findings on one subject (an organization or an incident) under one definition set. */
export interface Assessment {
  analyst: string;
  subject: string;
  set: string;
  version: number;
  findings: readonly Finding[];
}

/** Of a limb or a definition: met, ruled out by a failing element, or neither yet. */
export type Status = 'met' | 'ruled-out' | 'undetermined';

/** The reasons for one limb: which of its elements hold, fail or are unknown. */
export interface LimbReasons {
  limb: string;
  status: Status;
  holds: string[];
  fails: string[];
  unknown: string[];
}

export interface DefinitionReasons {
  label: Label;
  status: Status;
  limbs: LimbReasons[];
}

/**
 * Something a conclusion rests on that is weaker than a confirmed element with an analyst's finding:
 * an element whose wording is unconfirmed, or a finding derived from outside data (GTD).
 */
export interface Caveat {
  kind: 'unconfirmed-element' | 'derived-finding';
  definition: Label;
  limb: string;
  element: string;
  note: string;
}

export interface Classification {
  set: string;
  version: number;
  /** The primary result: the first met definition in `LABELS` order, else `none` or `insufficient-information`. */
  result: Outcome;
  /** Every met definition, in `LABELS` order; `result` is the first of them when there is one. */
  labels: Label[];
  definitions: DefinitionReasons[];
  caveats: Caveat[];
}

/** Several analysts on one element: each distinct finding and who made it. */
export interface ElementDisagreement {
  element: string;
  definition: Label;
  findings: { value: FindingValue; analysts: string[] }[];
  differ: boolean;
}

export interface Disagreement {
  subject: string;
  set: string;
  version: number;
  elements: ElementDisagreement[];
  results: { analyst: string; result: Outcome; labels: Label[] }[];
  /** True when the analysts' results (primary result or set of met labels) are not all the same. */
  resultsDiffer: boolean;
}
