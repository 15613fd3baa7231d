import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { en, type IntelResources } from './i18n.en.ts';
import { ru } from './i18n.ru.ts';
import { zh } from './i18n.zh.ts';

/** Every key path, with i18next's plural suffixes folded away (each language has its own forms). */
function keys(tree: IntelResources, prefix = ''): Set<string> {
  const result = new Set<string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = `${prefix}${key.replace(/_(zero|one|two|few|many|other)$/, '')}`;
    if (typeof value === 'string') result.add(path);
    else for (const child of keys(value, `${path}.`)) result.add(child);
  }
  return result;
}

/** The plural forms each language needs for a key that takes a count. */
const FORMS = { en: ['one', 'other'], ru: ['one', 'few', 'many', 'other'], zh: ['other'] } as const;

function plurals(tree: IntelResources, prefix = ''): Map<string, string[]> {
  const result = new Map<string, string[]>();
  for (const [key, value] of Object.entries(tree)) {
    const match = /^(.*)_(zero|one|two|few|many|other)$/.exec(key);
    if (typeof value === 'string') {
      if (match?.[1] && match[2]) {
        const path = `${prefix}${match[1]}`;
        result.set(path, [...(result.get(path) ?? []), match[2]].sort());
      }
    } else for (const [path, forms] of plurals(value, `${prefix}${key}.`)) result.set(path, forms);
  }
  return result;
}

describe('Information center strings', () => {
  const english = [...keys(en)].sort();

  it.each([
    ['ru', ru],
    ['zh', zh],
  ] as const)('%s has exactly the English keys', (_, resources) => {
    expect([...keys(resources)].sort()).toEqual(english);
  });

  it.each([
    ['en', en],
    ['ru', ru],
    ['zh', zh],
  ] as const)('%s has every plural form of its language', (language, resources) => {
    for (const [path, forms] of plurals(resources)) {
      expect(forms, path).toEqual([...FORMS[language]].sort());
    }
  });

  it('has no empty strings', () => {
    const empty = (tree: IntelResources): boolean =>
      Object.values(tree).some((value) => (typeof value === 'string' ? value.trim() === '' : empty(value)));
    expect([en, ru, zh].some(empty)).toBe(false);
  });

  it('has every key the pages ask for by name', () => {
    const english = keys(en);
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
