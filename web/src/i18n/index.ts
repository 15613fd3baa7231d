import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.ts';
import { ru } from './ru.ts';
import { zh } from './zh.ts';

/**
 * The interface languages: English, and the SCO's two official languages. The choice is kept
 * in localStorage and mirrored on <html lang> so assistive technology reads the right language.
 */
export const LANGUAGES = ['en', 'ru', 'zh'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language's own name, shown in the switch whatever the interface language. */
export const LANGUAGE_NAMES: Record<Language, { short: string; long: string }> = {
  en: { short: 'EN', long: 'English' },
  ru: { short: 'RU', long: 'Русский' },
  zh: { short: '中文', long: '中文' },
};

/** BCP 47 locales for Intl and for <html lang>. */
export const LOCALES: Record<Language, string> = { en: 'en-GB', ru: 'ru-RU', zh: 'zh-CN' };
const HTML_LANG: Record<Language, string> = { en: 'en', ru: 'ru', zh: 'zh-Hans' };

const STORAGE_KEY = 'sco.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The language to start in: the saved choice, else the browser's, else English. */
function initialLanguage(): Language {
  try {
    const saved = window.localStorage.getItem(STORAGE_KEY);
    if (isLanguage(saved)) return saved;
  } catch {
    // Storage may be blocked (private mode); fall through to the browser language.
  }
  const browser = navigator.language.slice(0, 2).toLowerCase();
  return isLanguage(browser) ? browser : 'en';
}

/** Narrows i18next's language string to one of ours. */
export function currentLanguage(language: string | undefined): Language {
  return isLanguage(language) ? language : 'en';
}

i18n.on('languageChanged', (language) => {
  const lang = currentLanguage(language);
  document.documentElement.lang = HTML_LANG[lang];
  try {
    window.localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Not persisting is acceptable; the switch still works for this visit.
  }
});

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, ru: { translation: ru }, zh: { translation: zh } },
  lng: initialLanguage(),
  fallbackLng: 'en',
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false },
  returnNull: false,
});

export default i18n;
