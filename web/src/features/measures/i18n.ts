import i18n from '../../i18n/index.ts';
import { en } from './i18n.en.ts';
import { ru } from './i18n.ru.ts';
import { zh } from './i18n.zh.ts';

/**
 * The measures pages' strings, as the i18next namespace `measures`, added when the first of the
 * pages loads (they load lazily, so the first bundle stays small).
 */
export const MEASURES = 'measures';

for (const [language, resources] of [
  ['en', en],
  ['ru', ru],
  ['zh', zh],
] as const) {
  i18n.addResourceBundle(language, MEASURES, resources, true, true);
}
