import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { Conflict, Forbidden, Invalid, NotFound } from '../errors.ts';
import { actorName, audit } from '../identity/audit.service.ts';
import { type Actor, authorize } from '../identity/policy.rules.ts';
import { foldForSearch } from '../registry/registry.rules.ts';
import { calendar } from './events.ical.ts';
import { type EventView, type Language, presentEvent, presentSummary, toIcs } from './events.presenter.ts';
import * as repo from './events.repository.ts';
import {
  AUDIENCES,
  agendaItem,
  compact,
  EVENT_KINDS,
  type EventPlace,
  eventTimes,
  type I18n,
  material,
  type OptionalI18n,
  oneOfWords,
  otherParticipants,
  periodOf,
  place,
  searchText,
  title,
} from './events.rules.ts';

/**
 * Use cases of events: plan one (Secretariat, RATS analysts, administrators), edit or cancel it
 * (its organizing organization), read one, page through them, export them as iCalendar, and give
 * the bulletin builder the events of a period. Every read is filtered by the one policy; every
 * change is audited in its own transaction.
 */

export interface EventInput {
  kind: string;
  title: Partial<I18n>;
  description?: OptionalI18n | undefined;
  start: string;
  end: string;
  place: {
    online?: boolean | undefined;
    city?: string | null | undefined;
    country?: string | null | undefined;
    url?: string | null | undefined;
  };
  organizer: string;
  participants?: { organizations?: string[] | undefined; others?: string[] | undefined } | undefined;
  agenda?: { time: string; title: string; speakerRole?: string | null | undefined }[] | undefined;
  materials?:
    | { title: string; url?: string | null | undefined; documentId?: string | null | undefined }[]
    | undefined;
  audience: string;
}

export type EventPatch = Partial<EventInput>;

/** Checks every part of an event against the rules and the database; returns the row's columns. */
async function checked(db: Kysely<DB> | Transaction<DB>, input: EventInput) {
  const kind = oneOfWords(EVENT_KINDS, input.kind, 'kind');
  const eventTitle = title(input.title);
  const description = compact(input.description);
  const times = eventTimes(input.start, input.end);
  const where: EventPlace = place(input.place ?? {});
  const audience = oneOfWords(AUDIENCES, input.audience, 'audience');
  const organizations = [...new Set(input.participants?.organizations ?? [])].filter(
    (id) => id !== input.organizer,
  );
  const known = await repo.existingOrganizations(db, [input.organizer, ...organizations]);
  if (!input.organizer || !known.has(input.organizer)) {
    throw new Invalid('organizer', `no organization ${input.organizer ?? ''}`);
  }
  organizations.forEach((id, i) => {
    if (!known.has(id)) throw new Invalid(`participants.organizations.${i}`, `no organization ${id}`);
  });
  const agenda = (input.agenda ?? []).map((item, i) =>
    agendaItem({ time: item.time, title: item.title, speakerRole: item.speakerRole ?? null }, i),
  );
  const materials = (input.materials ?? []).map((item, i) => material(item, i));
  const documents = await repo.existingDocuments(
    db,
    materials.flatMap((m) => (m.documentId ? [m.documentId] : [])),
  );
  materials.forEach((m, i) => {
    if (m.documentId && !documents.has(m.documentId)) {
      throw new Invalid(`materials.${i}.documentId`, `no registry document ${m.documentId}`);
    }
  });
  return {
    participants: organizations,
    columns: {
      kind,
      title: JSON.stringify(eventTitle),
      description: JSON.stringify(description),
      all_day: times.allDay ? 1 : 0,
      starts: times.starts,
      ends: times.ends,
      span_start: times.spanStart,
      span_end: times.spanEnd,
      online: where.kind === 'online' ? 1 : 0,
      city: where.kind === 'in-person' ? where.city : null,
      country: where.kind === 'in-person' ? where.country : null,
      online_url: where.kind === 'online' ? where.url : null,
      organizer: input.organizer,
      other_participants: JSON.stringify(otherParticipants(input.participants?.others ?? [])),
      agenda: JSON.stringify(agenda),
      materials: JSON.stringify(materials),
      audience,
      search: searchText(eventTitle, description, where.kind === 'in-person' ? where.city : null),
    },
  };
}

/** Plans an event. */
export async function createEvent(
  db: Kysely<DB>,
  actor: Actor,
  input: EventInput,
  now: Date,
): Promise<EventView> {
  if (!authorize(actor, 'create', 'event', {})) {
    throw new Forbidden('only the Secretariat, RATS analysts and administrators plan events');
  }
  const { columns, participants } = await checked(db, input);
  const at = now.toISOString();
  const row = {
    id: randomUUID(),
    ...columns,
    status: 'scheduled',
    cancel_reason: null,
    sequence: 0,
    created_by: actorName(actor),
    created_at: at,
    updated_at: at,
  };
  await db.transaction().execute(async (trx) => {
    await repo.insertEvent(trx, row);
    await repo.setParticipants(trx, row.id, participants);
    await audit(
      trx,
      actor,
      { action: 'event.create', subjectType: 'event', subjectId: row.id, state: { ...row, participants } },
      now,
    );
  });
  return getEvent(db, actor, row.id);
}

/** The stored event as input, so a patch can be checked whole. */
function inputOf(view: EventView): EventInput {
  return {
    kind: view.kind,
    title: view.title,
    description: view.description,
    start: view.start,
    end: view.end,
    place:
      view.place.kind === 'online'
        ? { online: true, url: view.place.url }
        : { online: false, city: view.place.city, country: view.place.country },
    organizer: view.organizer.id,
    participants: {
      organizations: view.participants.organizations.map((o) => o.id),
      others: view.participants.others,
    },
    agenda: view.agenda,
    materials: view.materials,
    audience: view.audience,
  };
}

/**
 * Reads an event for a change by `action`: not found if the actor may not read it, refused if
 * they may read but not change it, a conflict if it is cancelled.
 */
async function forChange(db: Kysely<DB>, actor: Actor, id: string, action: 'update' | 'cancel') {
  const current = await getEvent(db, actor, id);
  if (!current.abilities[action])
    throw new Forbidden(`only the organizing organization may ${action} this event`);
  if (current.status === 'cancelled') throw new Conflict('the event is cancelled', { field: 'status' });
  return current;
}

/**
 * Changes some of an event's parts; the whole is checked again and SEQUENCE rises. The patch is
 * merged into the event as it stands under the lock, so two edits at once both land.
 */
export async function updateEvent(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  patch: EventPatch,
  now: Date,
): Promise<EventView> {
  await forChange(db, actor, id, 'update');
  const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  await db.transaction().execute(async (trx) => {
    const locked = await repo.lockForChange(trx, id);
    if (!locked || locked.status === 'cancelled')
      throw new Conflict('the event is cancelled', { field: 'status' });
    const before = (await repo.participantsOf(trx, [id])).get(id) ?? [];
    const names = await repo.organizationNames(trx, [locked.organizer, ...before]);
    const current = presentEvent(locked, before, names, actor);
    const { columns, participants } = await checked(trx, { ...inputOf(current), ...defined });
    const changes = { ...columns, updated_at: now.toISOString() };
    await repo.updateEvent(trx, id, changes);
    await repo.setParticipants(trx, id, participants);
    await audit(
      trx,
      actor,
      {
        action: 'event.update',
        subjectType: 'event',
        subjectId: id,
        state: { ...locked, ...changes, participants },
      },
      now,
    );
  });
  return getEvent(db, actor, id);
}

/** Cancels an event: it stays listed, marked cancelled (STATUS:CANCELLED in calendars). */
export async function cancelEvent(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  input: { reason?: string | undefined },
  now: Date,
): Promise<EventView> {
  await forChange(db, actor, id, 'cancel');
  await db.transaction().execute(async (trx) => {
    const locked = await repo.lockForChange(trx, id);
    if (!locked || locked.status === 'cancelled')
      throw new Conflict('the event is cancelled', { field: 'status' });
    const changes = {
      status: 'cancelled',
      cancel_reason: input.reason?.trim() || null,
      updated_at: now.toISOString(),
    };
    await repo.updateEvent(trx, id, changes);
    await audit(
      trx,
      actor,
      { action: 'event.cancel', subjectType: 'event', subjectId: id, state: { ...locked, ...changes } },
      now,
    );
  });
  return getEvent(db, actor, id);
}

/** One event, whole; missing and unreadable answer alike. */
export async function getEvent(db: Kysely<DB>, actor: Actor, id: string): Promise<EventView> {
  const row = await repo.readableEvent(db, actor, id);
  if (!row) throw new NotFound('event', id);
  const participants = (await repo.participantsOf(db, [id])).get(id) ?? [];
  const names = await repo.organizationNames(db, [row.organizer, ...participants]);
  return presentEvent(row, participants, names, actor);
}

export interface EventQuery {
  from?: string | undefined;
  to?: string | undefined;
  /** Kinds, comma-separated. */
  kind?: string | undefined;
  q?: string | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

function filterOf(q: EventQuery): repo.EventFilter {
  const period = periodOf(q.from, q.to);
  const kinds = (q.kind ?? '')
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean)
    .map((k) => oneOfWords(EVENT_KINDS, k, 'kind'));
  const text = q.q ? foldForSearch(q.q) : '';
  return {
    from: period.from,
    to: period.to,
    ...(kinds.length ? { kinds } : {}),
    ...(text ? { q: text } : {}),
  };
}

/** A page of the events the actor may read, in time order; `total` counts only those. */
export async function listEvents(db: Kysely<DB>, actor: Actor, q: EventQuery) {
  const limit = q.limit ?? 50;
  const offset = q.offset ?? 0;
  if (!Number.isInteger(limit) || limit < 1 || limit > 500)
    throw new Invalid('limit', 'must be an integer from 1 to 500');
  if (!Number.isInteger(offset) || offset < 0) throw new Invalid('offset', 'must be a non-negative integer');
  const { rows, total } = await repo.listEvents(db, actor, filterOf(q), { limit, offset });
  const names = await repo.organizationNames(
    db,
    rows.map((r) => r.organizer),
  );
  return { items: rows.map((row) => presentSummary(row, names)), total };
}

/** What the bulletin builder shows of an event. */
export interface EventSummary {
  id: string;
  kind: string;
  /** In English. */
  title: string;
  allDay: boolean;
  start: string;
  end: string;
  place: EventPlace;
  organizer: { id: string; name: string };
  audience: string;
  status: string;
}

/**
 * The events `actor` may read that overlap the period (dates inclusive, or instants), in time
 * order; with `states` (ISO codes), only those held in one of them or organized by or involving
 * its delegation. For the bulletin builder.
 */
export async function eventsBetween(
  db: Kysely<DB>,
  actor: Actor,
  period: { from: string; to: string },
  states?: readonly string[],
): Promise<EventSummary[]> {
  const bounds = periodOf(period.from, period.to);
  const codes = (states ?? []).map((s) => s.toUpperCase());
  const { rows } = await repo.listEvents(
    db,
    actor,
    { from: bounds.from, to: bounds.to, ...(codes.length ? { states: codes } : {}) },
    { limit: 10_000, offset: 0 },
  );
  const names = await repo.organizationNames(
    db,
    rows.map((r) => r.organizer),
  );
  return rows.map((row) => {
    const s = presentSummary(row, names);
    return { ...s, title: s.title.en, organizer: { id: s.organizer.id, name: s.organizer.name.en } };
  });
}

export const ICS_LIMIT = 2000;

/**
 * The events the actor may read in a period as one iCalendar file, in `language`; `pageUrl`
 * makes each event's URL (its page in the web app) when the caller knows the address.
 */
export async function eventsIcs(
  db: Kysely<DB>,
  actor: Actor,
  q: { from?: string | undefined; to?: string | undefined; kind?: string | undefined; language?: Language },
  pageUrl: ((id: string) => string) | null = null,
): Promise<string> {
  const { rows } = await repo.listEvents(db, actor, filterOf(q), { limit: ICS_LIMIT, offset: 0 });
  const participants = await repo.participantsOf(
    db,
    rows.map((r) => r.id),
  );
  const names = await repo.organizationNames(db, [
    ...rows.map((r) => r.organizer),
    ...[...participants.values()].flat(),
  ]);
  const language = q.language ?? 'en';
  const events = rows.map((row) =>
    toIcs(
      presentEvent(row, participants.get(row.id) ?? [], names, actor),
      language,
      pageUrl?.(row.id) ?? null,
    ),
  );
  return calendar(events, { name: CALENDAR_NAME[language], uidDomain: UID_DOMAIN });
}

/** One event as an iCalendar file. */
export async function eventIcs(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  language: Language = 'en',
  pageUrl: ((id: string) => string) | null = null,
): Promise<string> {
  const event = await getEvent(db, actor, id);
  return calendar([toIcs(event, language, pageUrl?.(id) ?? null)], {
    name: CALENDAR_NAME[language],
    uidDomain: UID_DOMAIN,
  });
}

/** The domain part of every event's UID: with the event's id, stable across edits and exports. */
const UID_DOMAIN = 'events.sco-platform';
const CALENDAR_NAME: Record<Language, string> = {
  en: 'SCO events',
  ru: 'Мероприятия ШОС',
  zh: '上合组织活动',
};
