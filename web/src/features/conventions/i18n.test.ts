import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hasEmpty, keyPaths, PLURAL_FORMS, pluralForms } from '../../i18n/resources.check.ts';
import { en } from './i18n.en.ts';
import { ru } from './i18n.ru.ts';
import { zh } from './i18n.zh.ts';

describe('Conventions strings', () => {
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

  it('has every key the pages ask for by name', () => {
    const english = keyPaths(en);
    const folder = import.meta.dirname;
    const missing: string[] = [];
    for (const file of readdirSync(folder).filter((f) => f.endsWith('.tsx'))) {
      const source = readFileSync(`${folder}/${file}`, 'utf8');
      for (const match of source.matchAll(/\bt\(\s*'([a-zA-Z][\w.+-]*)'/g)) {
        const key = match[1] as string;
        if (!english.has(key)) missing.push(`${file}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
