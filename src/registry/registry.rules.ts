import type { I18n, StatusName } from './reference-data.schema.ts';

/** A status held over [from, to): `to` is exclusive and null while the status is current. */
export interface Period {
  status: string;
  from: string;
  to: string | null;
}

/** True when the period holds on `date` (ISO dates compare as text). */
export function holdsOn(period: Period, date: string): boolean {
  return period.from <= date && (period.to === null || date < period.to);
}

/** The period holding on `date`, if any: periods of one state never overlap. */
export function periodOn<P extends Period>(periods: readonly P[], date: string): P | null {
  return periods.find((p) => holdsOn(p, date)) ?? null;
}

/** Is `value` a real calendar date written YYYY-MM-DD? */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

/**
 * Folds text for matching in any of the three languages: Unicode NFKC, lower case, Russian
 * "ё" as "е", runs of spaces as one. Chinese needs no word splitting: matching is by substring.
 */
export function foldForSearch(text: string): string {
  return text.normalize('NFKC').toLocaleLowerCase('und').replaceAll('ё', 'е').replace(/\s+/g, ' ').trim();
}

const STATUS_EVENT: Record<StatusName, I18n & { ru: string; zh: string }> = {
  'shanghai-five': {
    en: '{name} joins the Shanghai Five',
    ru: '{name}: участник «Шанхайской пятёрки»',
    zh: '{name}加入“上海五国”',
  },
  member: {
    en: '{name} becomes a member state',
    ru: '{name}: государство-член ШОС',
    zh: '{name}成为上合组织成员国',
  },
  observer: {
    en: '{name} becomes an observer',
    ru: '{name}: государство-наблюдатель',
    zh: '{name}成为观察员国',
  },
  'dialogue-partner': {
    en: '{name} becomes a dialogue partner',
    ru: '{name}: партнёр по диалогу',
    zh: '{name}成为对话伙伴',
  },
  partner: { en: '{name} becomes an SCO partner', ru: '{name}: партнёр ШОС', zh: '{name}成为上合组织伙伴' },
  suspended: { en: '{name} is suspended', ru: '{name}: членство приостановлено', zh: '{name}被暂停成员资格' },
};

const OFFICE_EVENT: Record<string, I18n & { ru: string; zh: string }> = {
  'secretary-general': {
    en: '{name} takes office as Secretary-General',
    ru: '{name} вступает в должность Генерального секретаря',
    zh: '{name}就任秘书长',
  },
  'rats-director': {
    en: '{name} takes office as Director of the RATS Executive Committee',
    ru: '{name} вступает в должность директора Исполкома РАТС',
    zh: '{name}就任地区反恐怖机构执委会主任',
  },
};

const SUMMIT_EVENT = {
  'shanghai-five': {
    en: 'Shanghai Five summit, {city}',
    ru: 'Встреча «Шанхайской пятёрки», {city}',
    zh: '“上海五国”元首会晤，{city}',
  },
  sco: { en: 'SCO summit, {city}', ru: 'Саммит ШОС, {city}', zh: '上合组织峰会，{city}' },
} as const;

function fill(template: I18n & { ru: string; zh: string }, key: string, value: I18n): I18n {
  return {
    en: template.en.replace(`{${key}}`, value.en),
    ru: template.ru.replace(`{${key}}`, value.ru ?? value.en),
    zh: template.zh.replace(`{${key}}`, value.zh ?? value.en),
  };
}

/** The title of a status change in the chronology, in the three languages. */
export function statusEventTitle(status: StatusName, stateName: I18n): I18n {
  return fill(STATUS_EVENT[status], 'name', stateName);
}

/** The title of an appointment in the chronology. */
export function appointmentTitle(office: string, personName: I18n): I18n {
  const template = OFFICE_EVENT[office];
  return template ? fill(template, 'name', personName) : personName;
}

/** The title of a summit in the chronology. */
export function summitTitle(series: 'shanghai-five' | 'sco', city: I18n): I18n {
  return fill(SUMMIT_EVENT[series], 'city', city);
}
