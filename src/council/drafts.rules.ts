import { diffWordsWithSpace } from 'diff';

/**
 * Drafts and their revisions: symbols, amendments applied to a text, and the comparison of two
 * revisions. Pure.
 */

export const LANGUAGES = ['ru', 'zh', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
/** Russian and Chinese versions are authentic; English is the working language. */
export type Texts = Record<Language, string>;

/** `SCO/CHS/2026/L.3` for the original, `SCO/CHS/2026/L.3/Rev.2` for the second revision. */
export function revisionSymbol(base: string, number: number): string {
  return number === 0 ? base : `${base}/Rev.${number}`;
}

/** The shape of a draft's symbol: SCO, the body, the year, then L.<n>. */
export function symbolProblem(symbol: string): string | null {
  return /^SCO\/[A-Z]{2,6}\/\d{4}\/L\.\d{1,4}$/.test(symbol) ? null : 'must look like SCO/CHS/2026/L.3';
}

export interface TextChange {
  id: string;
  language: Language;
  oldText: string;
  newText: string;
}

/**
 * Applies accepted amendments in order to a copy of the texts. Each amendment's old text must
 * occur exactly once in its language version, so a change never lands in the wrong place.
 */
export function applyAmendments(
  texts: Texts,
  changes: readonly TextChange[],
): { texts: Texts } | { problem: string; id: string } {
  const next: Texts = { ...texts };
  for (const change of changes) {
    const current = next[change.language];
    const first = current.indexOf(change.oldText);
    if (change.oldText.length === 0 || first < 0) {
      return {
        id: change.id,
        problem: `the old text of amendment ${change.id} is not in the ${change.language} text`,
      };
    }
    if (current.indexOf(change.oldText, first + 1) >= 0) {
      return { id: change.id, problem: `the old text of amendment ${change.id} occurs more than once` };
    }
    next[change.language] =
      current.slice(0, first) + change.newText + current.slice(first + change.oldText.length);
  }
  return { texts: next };
}

export interface DiffPart {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

/** Word-level comparison of two texts (for Chinese, which has no spaces, by character runs). */
export function compareTexts(before: string, after: string): DiffPart[] {
  return diffWordsWithSpace(before, after).map((part) => ({
    op: part.added ? 'insert' : part.removed ? 'delete' : 'equal',
    text: part.value,
  }));
}
