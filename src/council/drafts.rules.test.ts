import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyAmendments, compareTexts, revisionSymbol, symbolProblem } from './drafts.rules.ts';

const texts = {
  ru: 'Статья 1. Государства сотрудничают.',
  zh: '第一条 各国合作。',
  en: 'Article 1. The States cooperate.',
};

describe('draft revisions', () => {
  it('number their symbols', () => {
    expect(revisionSymbol('SCO/CHS/2026/L.3', 0)).toBe('SCO/CHS/2026/L.3');
    expect(revisionSymbol('SCO/CHS/2026/L.3', 2)).toBe('SCO/CHS/2026/L.3/Rev.2');
    expect(symbolProblem('SCO/CHS/2026/L.3')).toBeNull();
    expect(symbolProblem('draft 3')).toMatch(/SCO\/CHS/);
  });

  it('apply amendments to the language version they target, only where the old text is', () => {
    const result = applyAmendments(texts, [
      { id: 'a1', language: 'en', oldText: 'cooperate', newText: 'cooperate closely' },
    ]);
    expect(result).toEqual({ texts: { ...texts, en: 'Article 1. The States cooperate closely.' } });
    expect(
      applyAmendments(texts, [{ id: 'a2', language: 'ru', oldText: 'nowhere', newText: 'x' }]),
    ).toMatchObject({ id: 'a2' });
    const twice = { ...texts, en: 'the the' };
    expect(
      applyAmendments(twice, [{ id: 'a3', language: 'en', oldText: 'the', newText: 'a' }]),
    ).toMatchObject({
      problem: expect.stringMatching(/more than once/),
    });
  });

  it('compare two revisions so that the parts rebuild both texts', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const parts = compareTexts(a, b);
        expect(
          parts
            .filter((p) => p.op !== 'insert')
            .map((p) => p.text)
            .join(''),
        ).toBe(a);
        expect(
          parts
            .filter((p) => p.op !== 'delete')
            .map((p) => p.text)
            .join(''),
        ).toBe(b);
      }),
    );
    const parts = compareTexts('The States cooperate.', 'The States cooperate closely.');
    expect(parts.find((p) => p.op === 'insert')?.text).toContain('closely');
  });
});
