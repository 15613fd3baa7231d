import { countryName } from '../registry/countries.ts';
import type { Language, Section } from './bulletins.types.ts';

/**
 * The words a printed bulletin uses, in the organization's three languages, and the names and
 * dates it prints. The web app has its own resources; these are for the HTML and PDF only.
 */

export interface BulletinTexts {
  publisher: string;
  period: string;
  states: string;
  builtOn: string;
  editorsNote: string;
  sections: Record<Section, string>;
  totals: string;
  incidents: string;
  killed: string;
  wounded: string;
  byState: string;
  byMonth: string;
  byYear: string;
  date: string;
  place: string;
  attackType: string;
  perpetrators: string;
  organization: string;
  commonList: string;
  listed: string;
  notListed: string;
  kind: string;
  title: string;
  organizer: string;
  audience: string;
  public: string;
  community: string;
  participants: string;
  outcome: string;
  none: string;
  notWired: string;
  markingNote: string;
  recipientsOrgs: string;
  recipientsUsers: string;
  page: (n: number, of: number) => string;
  unknown: string;
}

export const TEXTS: Record<Language, BulletinTexts> = {
  en: {
    publisher: 'Regional Antiterrorist Structure of the SCO — Information Center',
    period: 'Period',
    states: 'States',
    builtOn: 'Prepared',
    editorsNote: "Editor's note",
    sections: {
      overview: 'Overview',
      incidents: 'Incidents of note',
      organizations: 'Organizations',
      measures: 'Joint measures',
      events: 'Events',
    },
    totals: 'Totals',
    incidents: 'Incidents',
    killed: 'Killed',
    wounded: 'Wounded',
    byState: 'Incidents per state',
    byMonth: 'Incidents per month',
    byYear: 'Incidents per year',
    date: 'Date',
    place: 'Place',
    attackType: 'Attack type',
    perpetrators: 'Perpetrators',
    organization: 'Organization',
    commonList: 'Common list',
    listed: 'listed',
    notListed: 'not listed',
    kind: 'Kind',
    title: 'Title',
    organizer: 'Organizer',
    audience: 'Audience',
    public: 'public',
    community: 'community',
    participants: 'Participants',
    outcome: 'Outcome',
    none: 'Nothing to report for this period.',
    notWired: 'This section is not available yet: its source module is not part of this installation.',
    markingNote: 'Shared under the Traffic Light Protocol 2.0: share only as the marking allows.',
    recipientsOrgs: 'Organizations allowed',
    recipientsUsers: 'Persons allowed',
    page: (n, of) => `Page ${n} of ${of}`,
    unknown: 'unknown',
  },
  ru: {
    publisher: 'Региональная антитеррористическая структура ШОС — Информационный центр',
    period: 'Период',
    states: 'Государства',
    builtOn: 'Подготовлено',
    editorsNote: 'От редакции',
    sections: {
      overview: 'Обзор',
      incidents: 'Значимые инциденты',
      organizations: 'Организации',
      measures: 'Совместные мероприятия',
      events: 'События',
    },
    totals: 'Итого',
    incidents: 'Инциденты',
    killed: 'Погибло',
    wounded: 'Ранено',
    byState: 'Инциденты по государствам',
    byMonth: 'Инциденты по месяцам',
    byYear: 'Инциденты по годам',
    date: 'Дата',
    place: 'Место',
    attackType: 'Тип нападения',
    perpetrators: 'Исполнители',
    organization: 'Организация',
    commonList: 'Единый список',
    listed: 'включена',
    notListed: 'не включена',
    kind: 'Вид',
    title: 'Название',
    organizer: 'Организатор',
    audience: 'Аудитория',
    public: 'открытое',
    community: 'для сообщества',
    participants: 'Участники',
    outcome: 'Итог',
    none: 'За этот период сообщать не о чем.',
    notWired: 'Этот раздел пока недоступен: модуль-источник не входит в эту установку.',
    markingNote: 'Распространяется по протоколу TLP 2.0: передавайте только так, как позволяет гриф.',
    recipientsOrgs: 'Допущенные организации',
    recipientsUsers: 'Допущенные лица',
    page: (n, of) => `Стр. ${n} из ${of}`,
    unknown: 'неизвестно',
  },
  zh: {
    publisher: '上海合作组织地区反恐怖机构 — 信息中心',
    period: '时期',
    states: '国家',
    builtOn: '编制日期',
    editorsNote: '编者按',
    sections: {
      overview: '概览',
      incidents: '重要事件',
      organizations: '组织',
      measures: '联合措施',
      events: '活动',
    },
    totals: '合计',
    incidents: '事件',
    killed: '死亡',
    wounded: '受伤',
    byState: '各国事件数',
    byMonth: '每月事件数',
    byYear: '每年事件数',
    date: '日期',
    place: '地点',
    attackType: '袭击类型',
    perpetrators: '实施者',
    organization: '组织',
    commonList: '统一名单',
    listed: '已列入',
    notListed: '未列入',
    kind: '类型',
    title: '名称',
    organizer: '主办方',
    audience: '受众',
    public: '公开',
    community: '成员范围',
    participants: '参与方',
    outcome: '结果',
    none: '本期无可报告内容。',
    notWired: '本部分暂不可用：其来源模块不在本系统中。',
    markingNote: '依据交通灯协议 TLP 2.0 共享：仅按标识允许的范围传播。',
    recipientsOrgs: '允许的组织',
    recipientsUsers: '允许的人员',
    page: (n, of) => `第 ${n} 页，共 ${of} 页`,
    unknown: '不详',
  },
};

/** A state's name in the language, or its code when ISO 3166 does not know it. */
export function stateName(code: string, language: Language): string {
  try {
    const name = countryName(code);
    return name[language] ?? name.en;
  } catch {
    return code;
  }
}

/** A date (YYYY-MM-DD) or month (YYYY-MM) or year written in the language, in UTC. */
export function formatDate(value: string, language: Language): string {
  const locale = { en: 'en-GB', ru: 'ru-RU', zh: 'zh-CN' }[language];
  if (/^\d{4}$/.test(value)) return value;
  if (/^\d{4}-\d{2}$/.test(value))
    return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', timeZone: 'UTC' }).format(
      new Date(`${value}-01T00:00:00Z`),
    );
  const date = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

/** A number written in the language. */
export const formatNumber = (n: number, language: Language) =>
  new Intl.NumberFormat({ en: 'en-GB', ru: 'ru-RU', zh: 'zh-CN' }[language]).format(n);

/** `TLP:AMBER+STRICT`. */
export const tlpLabel = (tlp: string) => `TLP:${tlp.toUpperCase()}`;

/** FIRST TLP 2.0 colours: the label's text colour, always on black. */
export const TLP_COLOURS: Record<string, string> = {
  clear: '#FFFFFF',
  green: '#33FF00',
  amber: '#FFC000',
  'amber+strict': '#FFC000',
  red: '#FF2B2B',
};
