import i18n from '../../i18n/index.ts';
import { en } from './i18n.en.ts';
import { ru } from './i18n.ru.ts';
import { zh } from './i18n.zh.ts';

/**
 * The assessment dashboard's strings, as the i18next namespace `assessment`, added when its page
 * loads (the page loads lazily, so the first bundle stays small).
 */
export const ASSESSMENT = 'assessment';

for (const [language, resources] of [
  ['en', en],
  ['ru', ru],
  ['zh', zh],
] as const) {
  i18n.addResourceBundle(language, ASSESSMENT, resources, true, true);
}
