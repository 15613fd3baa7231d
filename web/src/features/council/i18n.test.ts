import { describe, expect, it } from 'vitest';
import { hasEmpty, keyPaths, PLURAL_FORMS, pluralForms } from '../../i18n/resources.check.ts';
import { en } from './i18n.en.ts';
import { ru } from './i18n.ru.ts';
import { zh } from './i18n.zh.ts';

describe('Council strings', () => {
  const english = [...keyPaths(en)].sort();

  it.each([
    ['ru', ru],
    ['zh', zh],
  ] as const)('%s has exactly the English keys', (_, resources) => {
    expect([...keyPaths(resources)].sort()).toEqual(english);
  });

  it.each([
    ['en', en],
    ['ru', ru],
    ['zh', zh],
  ] as const)('%s has every plural form of its language', (language, resources) => {
    for (const [path, forms] of pluralForms(resources)) {
      expect(forms, path).toEqual([...PLURAL_FORMS[language]].sort());
    }
  });

  it('has no empty strings', () => {
    expect([en, ru, zh].some(hasEmpty)).toBe(false);
  });
});
