import i18n from '../../i18n/index.ts';
import { en } from './i18n.en.ts';
import { ru } from './i18n.ru.ts';
import { zh } from './i18n.zh.ts';

/**
 * The bulletins' strings, as the i18next namespace `bulletins`, added when the first of its pages
 * loads (they load lazily).
 */
export const BULLETINS = 'bulletins';

for (const [language, resources] of [
  ['en', en],
  ['ru', ru],
  ['zh', zh],
] as const) {
  i18n.addResourceBundle(language, BULLETINS, resources, true, true);
}
