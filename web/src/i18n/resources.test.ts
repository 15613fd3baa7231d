import { describe, expect, it } from 'vitest';
import { en, type Resources } from './en.ts';
import { ru } from './ru.ts';
import { zh } from './zh.ts';

/** Every key path of a resource tree, with i18next's plural suffixes folded away. */
function keys(tree: Resources, prefix = ''): Set<string> {
  const result = new Set<string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = `${prefix}${key.replace(/_(ordinal_)?(zero|one|two|few|many|other)$/, '')}`;
    if (typeof value === 'string') result.add(path);
    else for (const child of keys(value, `${path}.`)) result.add(child);
  }
  return result;
}

describe('interface strings', () => {
  const english = [...keys(en)].sort();

  it.each([
    ['ru', ru],
    ['zh', zh],
  ] as const)('%s has exactly the English keys', (_, resources) => {
    expect([...keys(resources)].sort()).toEqual(english);
  });

  it('has no empty strings', () => {
    const empty = (tree: Resources): boolean =>
      Object.values(tree).some((value) => (typeof value === 'string' ? value.trim() === '' : empty(value)));
    expect([en, ru, zh].some(empty)).toBe(false);
  });
});
