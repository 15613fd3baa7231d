import { createRequire } from 'node:module';
import countries from 'i18n-iso-countries';
import type { I18n } from './reference-data.schema.ts';

const require = createRequire(import.meta.url);
for (const lang of ['en', 'ru', 'zh']) {
  countries.registerLocale(require(`i18n-iso-countries/langs/${lang}.json`));
}

/** The short (alias) name of a country in English, Russian and Chinese, from ISO 3166 data. */
export function countryName(code: string): I18n {
  const name = (lang: string) => countries.getName(code, lang, { select: 'alias' });
  const en = name('en');
  if (!en) throw new Error(`unknown ISO 3166 code ${code}`);
  return { en, ru: name('ru') ?? en, zh: name('zh') ?? en };
}

/** True when `code` is an assigned ISO 3166-1 alpha-2 code. */
export function isCountryCode(code: string): boolean {
  return countries.isValid(code);
}
