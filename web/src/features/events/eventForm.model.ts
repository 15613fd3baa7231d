import type { EventInput, EventKind, EventView } from './types.ts';

/**
 * The event form's values and their conversion to what the API takes. Times are entered as the
 * reader's local wall time and sent with the reader's offset, so the server keeps the instant
 * meant; whole days are sent as dates.
 */

export interface AgendaRow {
  time: string;
  title: string;
  speakerRole: string;
}
export interface MaterialRow {
  title: string;
  link: string;
  documentId: string;
}

export interface EventFormValues {
  kind: EventKind;
  titleEn: string;
  titleRu: string;
  titleZh: string;
  descriptionEn: string;
  descriptionRu: string;
  descriptionZh: string;
  allDay: boolean;
  /** YYYY-MM-DD when whole days, YYYY-MM-DDTHH:MM (local) otherwise. */
  start: string;
  end: string;
  online: boolean;
  city: string;
  country: string;
  url: string;
  organizer: string;
  organizations: string[];
  others: string[];
  agenda: AgendaRow[];
  materials: MaterialRow[];
  audience: 'public' | 'community';
}

export const emptyEvent = (organizer: string): EventFormValues => ({
  kind: 'seminar',
  titleEn: '',
  titleRu: '',
  titleZh: '',
  descriptionEn: '',
  descriptionRu: '',
  descriptionZh: '',
  allDay: true,
  start: '',
  end: '',
  online: false,
  city: '',
  country: '',
  url: '',
  organizer,
  organizations: [],
  others: [],
  agenda: [],
  materials: [],
  audience: 'community',
});

const pad = (n: number) => String(Math.abs(n)).padStart(2, '0');

/** A local wall time "YYYY-MM-DDTHH:MM" with the offset the reader's zone has at that moment. */
export function withLocalOffset(local: string): string {
  const date = new Date(local);
  if (Number.isNaN(date.getTime())) return local;
  const minutes = -date.getTimezoneOffset();
  const sign = minutes >= 0 ? '+' : '-';
  return `${local}${sign}${pad(Math.trunc(minutes / 60))}:${pad(minutes % 60)}`;
}

/** An instant as the reader's local wall time "YYYY-MM-DDTHH:MM" (for a datetime-local input). */
export function toLocalInput(instant: string): string {
  const d = new Date(instant);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The form's values for an existing event. */
export function valuesOf(event: EventView): EventFormValues {
  return {
    kind: event.kind,
    titleEn: event.title.en,
    titleRu: event.title.ru ?? '',
    titleZh: event.title.zh ?? '',
    descriptionEn: event.description.en ?? '',
    descriptionRu: event.description.ru ?? '',
    descriptionZh: event.description.zh ?? '',
    allDay: event.allDay,
    start: event.allDay ? event.start : toLocalInput(event.start),
    end: event.allDay ? event.end : toLocalInput(event.end),
    online: event.place.kind === 'online',
    city: event.place.kind === 'in-person' ? event.place.city : '',
    country: event.place.kind === 'in-person' ? event.place.country : '',
    url: event.place.kind === 'online' ? (event.place.url ?? '') : '',
    organizer: event.organizer.id,
    organizations: event.participants.organizations.map((o) => o.id),
    others: event.participants.others,
    agenda: event.agenda.map((a) => ({ time: a.time, title: a.title, speakerRole: a.speakerRole ?? '' })),
    materials: event.materials.map((m) => ({
      title: m.title,
      link: m.url ?? '',
      documentId: m.documentId ?? '',
    })),
    audience: event.audience,
  };
}

const optional = (text: string) => (text.trim() ? text.trim() : undefined);

/** What the API takes; blank optional texts are left out. */
export function toInput(v: EventFormValues): EventInput {
  const when = (value: string) => (v.allDay ? value : withLocalOffset(value));
  return {
    kind: v.kind,
    title: {
      en: v.titleEn.trim(),
      ...(optional(v.titleRu) ? { ru: v.titleRu.trim() } : {}),
      ...(optional(v.titleZh) ? { zh: v.titleZh.trim() } : {}),
    },
    description: {
      ...(optional(v.descriptionEn) ? { en: v.descriptionEn.trim() } : {}),
      ...(optional(v.descriptionRu) ? { ru: v.descriptionRu.trim() } : {}),
      ...(optional(v.descriptionZh) ? { zh: v.descriptionZh.trim() } : {}),
    },
    start: when(v.start),
    end: when(v.end),
    place: v.online
      ? { online: true, url: optional(v.url) ?? null }
      : { online: false, city: v.city.trim(), country: v.country.trim().toUpperCase() },
    organizer: v.organizer,
    participants: { organizations: v.organizations, others: v.others },
    agenda: v.agenda.map((a) => ({
      time: a.time.trim(),
      title: a.title.trim(),
      speakerRole: optional(a.speakerRole) ?? null,
    })),
    materials: v.materials.map((m) => ({
      title: m.title.trim(),
      url: optional(m.link) ?? null,
      documentId: optional(m.documentId) ?? null,
    })),
    audience: v.audience,
  };
}

export type Problem = 'required' | 'endBeforeStart';

/** What must be fixed before sending (the server checks the rest and names the field). */
export function problemsOf(v: EventFormValues): Record<string, Problem> {
  const problems: Record<string, Problem> = {};
  if (!v.titleEn.trim()) problems['title.en'] = 'required';
  if (!v.start) problems.start = 'required';
  if (!v.end) problems.end = 'required';
  else if (v.start && v.end < v.start) problems.end = 'endBeforeStart';
  if (!v.online && !v.city.trim()) problems['place.city'] = 'required';
  if (!v.online && !v.country.trim()) problems['place.country'] = 'required';
  if (!v.organizer) problems.organizer = 'required';
  return problems;
}
