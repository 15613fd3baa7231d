import { useTranslation } from 'react-i18next';
import type { I18n } from '../api/types.ts';
import { currentLanguage, type Language } from '../i18n/index.ts';
import { formatDate, formatDateRange, formatDateTime, formatNumber, formatYear, pickText } from './format.ts';

/** Formatting helpers bound to the interface language, re-rendering when it changes. */
export function useLocale() {
  const { i18n } = useTranslation();
  const language: Language = currentLanguage(i18n.resolvedLanguage ?? i18n.language);
  return {
    language,
    text: (value: I18n | null | undefined) => pickText(value, language),
    date: (value: string | null | undefined) => formatDate(value, language),
    dateTime: (value: string | null | undefined) => formatDateTime(value, language),
    dateRange: (start: string, end: string) => formatDateRange(start, end, language),
    year: (value: string | number) => formatYear(value, language),
    number: (value: number) => formatNumber(value, language),
  };
}
