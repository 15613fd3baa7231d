/**
 * Checks a feature's string resources share: the same key paths in every language, each
 * language's plural forms, no empty strings. Used by the features' i18n tests.
 */

type Tree = Readonly<Record<string, unknown>>;

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/** Every key path, with i18next's plural suffixes folded away (each language has its own forms). */
export function keyPaths(tree: Tree, prefix = ''): Set<string> {
  const result = new Set<string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = `${prefix}${key.replace(PLURAL_SUFFIX, '')}`;
    if (typeof value === 'string') result.add(path);
    else for (const child of keyPaths(value as Tree, `${path}.`)) result.add(child);
  }
  return result;
}

/** The plural forms each language needs for a key that takes a count. */
export const PLURAL_FORMS = {
  en: ['one', 'other'],
  ru: ['one', 'few', 'many', 'other'],
  zh: ['other'],
} as const;

/** The plural forms a tree gives, per key path that has any. */
export function pluralForms(tree: Tree, prefix = ''): Map<string, string[]> {
  const result = new Map<string, string[]>();
  for (const [key, value] of Object.entries(tree)) {
    const match = /^(.*)_(zero|one|two|few|many|other)$/.exec(key);
    if (typeof value === 'string') {
      if (match?.[1] && match[2]) {
        const path = `${prefix}${match[1]}`;
        result.set(path, [...(result.get(path) ?? []), match[2]].sort());
      }
    } else
      for (const [path, forms] of pluralForms(value as Tree, `${prefix}${key}.`)) result.set(path, forms);
  }
  return result;
}

/** Whether any string of the tree is empty. */
export const hasEmpty = (tree: Tree): boolean =>
  Object.values(tree).some((value) =>
    typeof value === 'string' ? value.trim() === '' : hasEmpty(value as Tree),
  );
