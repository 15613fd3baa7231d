import i18n from '../../i18n/index.ts';
import { en } from './i18n.en.ts';
import { ru } from './i18n.ru.ts';
import { zh } from './i18n.zh.ts';

/**
 * The partner registry's strings, as the i18next namespace `partners`, added when the first of its
 * pages loads (the pages load lazily, so the first bundle stays small). Pages import this module
 * and read the strings with `useTranslation(PARTNERS)`.
 */
export const PARTNERS = 'partners';

for (const [language, resources] of [
  ['en', en],
  ['ru', ru],
  ['zh', zh],
] as const) {
  i18n.addResourceBundle(language, PARTNERS, resources, true, true);
}
