import i18n from '../../i18n/index.ts';
import { en } from './i18n.en.ts';
import { ru } from './i18n.ru.ts';
import { zh } from './i18n.zh.ts';

/**
 * The Conventions pages' strings, as the i18next namespace `conventions`, added when the first of
 * its pages loads. Pages import this module and read the strings with `useTranslation(CONVENTIONS)`.
 */
export const CONVENTIONS = 'conventions';

for (const [language, resources] of [
  ['en', en],
  ['ru', ru],
  ['zh', zh],
] as const) {
  i18n.addResourceBundle(language, CONVENTIONS, resources, true, true);
}
