import { type Actor, abilities } from '../identity/policy.rules.ts';
import { countryName } from '../registry/countries.ts';
import type { IcsEvent } from './events.ical.ts';
import type { EventRow } from './events.repository.ts';
import type {
  AgendaItem,
  Audience,
  EventKind,
  EventPlace,
  EventStatus,
  I18n,
  Material,
  OptionalI18n,
} from './events.rules.ts';

/** Rows of events to the API's shapes, and to the iCalendar writer's VEVENTs. */

export type Language = 'en' | 'ru' | 'zh';
export interface NamedOrganization {
  id: string;
  name: I18n;
}

/** What the policy reads of an event: its audience, organizer and participating organizations. */
export const policyObject = (row: EventRow, participantOrgs: readonly string[]) => ({
  id: row.id,
  audience: row.audience,
  organizer: row.organizer,
  participantOrgs,
});

export function placeOf(row: EventRow): EventPlace {
  return row.online
    ? { kind: 'online', url: row.online_url }
    : { kind: 'in-person', city: row.city ?? '', country: row.country ?? '' };
}

const named = (names: Map<string, string>) => (id: string) => ({
  id,
  name: names.has(id) ? (JSON.parse(names.get(id) as string) as I18n) : { en: id },
});

/** A line of a list or calendar: when, what, where, who organizes, for whom, whether it holds. */
export function presentSummary(row: EventRow, names: Map<string, string>) {
  return {
    id: row.id,
    kind: row.kind as EventKind,
    title: JSON.parse(row.title) as I18n,
    allDay: row.all_day === 1,
    start: row.starts,
    end: row.ends,
    place: placeOf(row),
    organizer: named(names)(row.organizer),
    audience: row.audience as Audience,
    status: row.status as EventStatus,
  };
}

/** An event whole: details, participants, agenda, materials, and what the actor may do with it. */
export function presentEvent(
  row: EventRow,
  participantOrgs: readonly string[],
  names: Map<string, string>,
  actor: Actor,
) {
  return {
    ...presentSummary(row, names),
    description: JSON.parse(row.description) as OptionalI18n,
    participants: {
      organizations: participantOrgs.map(named(names)),
      others: JSON.parse(row.other_participants) as string[],
    },
    agenda: JSON.parse(row.agenda) as AgendaItem[],
    materials: JSON.parse(row.materials) as Material[],
    cancelReason: row.cancel_reason,
    sequence: Number(row.sequence),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    abilities: abilities(actor, 'event', policyObject(row, participantOrgs)),
  };
}
export type EventView = ReturnType<typeof presentEvent>;

const LABELS: Record<Language, Record<string, string>> = {
  en: {
    organizer: 'Organizer',
    participants: 'Participants',
    agenda: 'Agenda',
    materials: 'Materials',
    online: 'Online',
    document: 'registry document',
    cancelled: 'Cancelled',
  },
  ru: {
    organizer: 'Организатор',
    participants: 'Участники',
    agenda: 'Программа',
    materials: 'Материалы',
    online: 'Онлайн',
    document: 'документ реестра',
    cancelled: 'Отменено',
  },
  zh: {
    organizer: '主办方',
    participants: '参加方',
    agenda: '议程',
    materials: '材料',
    online: '线上',
    document: '登记册文件',
    cancelled: '已取消',
  },
};

const pick = (text: OptionalI18n, language: Language) => text[language] ?? text.en ?? '';

/** Where, in words of the language: "Tashkent, Uzbekistan", or "Online" with its address. */
export function locationText(place: EventPlace, language: Language): string {
  if (place.kind === 'online') return [LABELS[language].online, place.url].filter(Boolean).join(' ');
  return `${place.city}, ${countryName(place.country)[language] ?? place.country}`;
}

/** One event as a VEVENT in the reader's language; the description carries the agenda. */
export function toIcs(event: EventView, language: Language, pageUrl: string | null): IcsEvent {
  const words = LABELS[language];
  const description = [
    event.status === 'cancelled'
      ? `${words.cancelled}${event.cancelReason ? `: ${event.cancelReason}` : ''}`
      : '',
    pick(event.description, language),
    `${words.organizer}: ${pick(event.organizer.name, language)}`,
    event.participants.organizations.length + event.participants.others.length > 0
      ? `${words.participants}: ${[
          ...event.participants.organizations.map((o) => pick(o.name, language)),
          ...event.participants.others,
        ].join(', ')}`
      : '',
    event.agenda.length
      ? [
          `${words.agenda}:`,
          ...event.agenda.map(
            (item) =>
              `${item.time.replace('T', ' ')} ${item.title}${item.speakerRole ? ` (${item.speakerRole})` : ''}`,
          ),
        ].join('\n')
      : '',
    event.materials.length
      ? [
          `${words.materials}:`,
          ...event.materials.map((m) => `${m.title}: ${m.url ?? `${words.document} ${m.documentId}`}`),
        ].join('\n')
      : '',
  ]
    .filter(Boolean)
    .join('\n\n');
  return {
    id: event.id,
    allDay: event.allDay,
    starts: event.start,
    ends: event.end,
    summary: pick(event.title, language),
    location: locationText(event.place, language),
    description,
    categories: event.kind,
    cancelled: event.status === 'cancelled',
    sequence: event.sequence,
    created: event.createdAt,
    updated: event.updatedAt,
    url: pageUrl,
  };
}
