import type { Insertable } from 'kysely';
import type { DB } from '../db/schema.ts';
import { countryName } from './countries.ts';
import type { I18n, ReferenceData } from './reference-data.schema.ts';
import { appointmentTitle, foldForSearch, statusEventTitle, summitTitle } from './registry.rules.ts';

/** Every row the reference data becomes, table by table. */
export type RegistryRows = {
  [T in
    | 'states'
    | 'state_statuses'
    | 'bodies'
    | 'summits'
    | 'documents'
    | 'document_parties'
    | 'people'
    | 'search_entries'
    | 'chronology_events'
    | 'chronology_event_states']: Insertable<DB[T]>[];
};

type EventKind = 'summit' | 'document' | 'status' | 'appointment';
const EVENT_POSITION: Record<EventKind, number> = { summit: 0, document: 1, status: 2, appointment: 3 };

const json = (value: unknown) => JSON.stringify(value);
const i18nText = (value: I18n | null | undefined) =>
  value ? [value.en, value.ru, value.zh].filter(Boolean).join(' ') : '';

function provenance(record: { sources: string[]; confidence: string; notes?: string; conflicts?: string[] }) {
  return {
    sources: json(record.sources),
    confidence: record.confidence,
    notes: record.notes ?? null,
    conflicts: record.conflicts?.length ? json(record.conflicts) : null,
  };
}

/** Turns validated reference data into table rows, search entries and chronology events. Pure. */
export function referenceRows(data: ReferenceData): RegistryRows {
  const rows: RegistryRows = {
    states: [],
    state_statuses: [],
    bodies: [],
    summits: [],
    documents: [],
    document_parties: [],
    people: [],
    search_entries: [],
    chronology_events: [],
    chronology_event_states: [],
  };
  const names = new Map<string, I18n>();
  const event = (
    id: string,
    date: string,
    kind: EventKind,
    subject: [string, string],
    title: I18n,
    states: string[],
  ) => {
    rows.chronology_events.push({
      id,
      date,
      kind,
      position: EVENT_POSITION[kind],
      subject_type: subject[0],
      subject_id: subject[1],
      title: json(title),
      states: json(states),
    });
    for (const code of new Set(states)) rows.chronology_event_states.push({ event_id: id, state_code: code });
  };
  const searchable = (
    type: string,
    id: string,
    title: I18n,
    rank: number,
    ...texts: (I18n | string | null | undefined)[]
  ) => {
    const haystack = [i18nText(title), ...texts.map((t) => (typeof t === 'string' ? t : i18nText(t)))].join(
      ' \u0001 ',
    );
    rows.search_entries.push({
      subject_type: type,
      subject_id: id,
      title: json(title),
      haystack: foldForSearch(haystack),
      rank,
    });
  };

  for (const state of data.states) {
    const name = { ...countryName(state.code), ...state.name };
    names.set(state.code, name);
    rows.states.push({ code: state.code, name: json(name), ...provenance(state) });
    searchable('state', state.code, name, 0, state.code);
    for (const period of state.statuses) {
      const id = `${state.code}:${period.status}:${period.from}`;
      rows.state_statuses.push({
        id,
        state_code: state.code,
        status: period.status,
        from_date: period.from,
        to_date: period.to,
        how: period.how,
        ...provenance(period),
      });
      event(
        `status:${id}`,
        period.from,
        'status',
        ['state', state.code],
        statusEventTitle(period.status, name),
        [state.code],
      );
    }
  }
  const nameOf = (code: string) => names.get(code) ?? { en: code };

  for (const [ordinal, body] of data.bodies.entries()) {
    rows.bodies.push({
      id: body.id,
      ordinal,
      abbreviation: body.abbreviation,
      name: json(body.name),
      kind: body.kind,
      charter_article: body.charterArticle,
      seat: body.seat ? json(body.seat) : null,
      since: body.since,
      role: json(body.role),
      ...provenance(body),
    });
    searchable('body', body.id, body.name, 1, body.abbreviation, body.role, body.seat);
  }

  const summitOf = new Map<string, string>();
  for (const summit of data.summits) {
    for (const doc of summit.documents) summitOf.set(doc, summit.id);
    rows.summits.push({
      id: summit.id,
      series: summit.series,
      ordinal: summit.ordinal,
      ordinal_sourced: summit.ordinalSourced ? 1 : 0,
      start_date: summit.start,
      end_date: summit.end,
      city: json(summit.city),
      host: summit.host,
      chair: summit.chair,
      format: summit.format,
      ...provenance(summit),
    });
    const title = summitTitle(summit.series, summit.city);
    searchable('summit', summit.id, title, 1, summit.city, nameOf(summit.host), summit.start.slice(0, 4));
    event(`summit:${summit.id}`, summit.start, 'summit', ['summit', summit.id], title, [summit.host]);
  }

  for (const doc of data.documents) {
    rows.documents.push({
      id: doc.id,
      title: json(doc.title),
      kind: doc.kind,
      date: doc.date,
      place: doc.place ? json(doc.place) : null,
      body_id: doc.body,
      summit_id: summitOf.get(doc.id) ?? null,
      entry_into_force: doc.entryIntoForce ?? null,
      description: doc.description ? json(doc.description) : null,
      ...provenance(doc),
    });
    for (const code of new Set(doc.parties))
      rows.document_parties.push({ document_id: doc.id, state_code: code });
    searchable('document', doc.id, doc.title, 0, doc.description, doc.place);
    event(`document:${doc.id}`, doc.date, 'document', ['document', doc.id], doc.title, doc.parties);
  }

  for (const person of data.people) {
    rows.people.push({
      id: person.id,
      name: json(person.name),
      office: person.office,
      ordinal: person.order,
      country: person.country,
      start_date: person.start,
      end_date: person.end,
      ...provenance(person),
    });
    searchable('person', person.id, person.name, 1, person.country ? nameOf(person.country) : null);
    event(
      `appointment:${person.id}`,
      person.start,
      'appointment',
      ['person', person.id],
      appointmentTitle(person.office, person.name),
      person.country ? [person.country] : [],
    );
  }
  return rows;
}
