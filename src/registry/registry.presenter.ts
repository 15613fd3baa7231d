import type { Selectable } from 'kysely';
import type { DocumentsTable, ProvenanceColumns, StateStatusesTable, StatesTable } from '../db/schema.ts';
import { periodOn } from './registry.rules.ts';
import type {
  BodyDto,
  ChronologyEventDto,
  DocumentDetailDto,
  DocumentSummaryDto,
  I18nValue,
  PersonDto,
  SearchHitDto,
  StateDto,
  StatusPeriodDto,
  SummitSummaryDto,
} from './registry.schemas.ts';

/** Rows to API shapes. Pure: JSON columns decoded, snake_case to camelCase, flags to booleans. */

const parse = <T>(text: string): T => JSON.parse(text) as T;
const parseOrNull = <T>(text: string | null): T | null => (text === null ? null : parse<T>(text));

function provenance(row: ProvenanceColumns) {
  return {
    confidence: row.confidence,
    sources: parse<string[]>(row.sources),
    ...(row.notes ? { notes: row.notes } : {}),
    ...(row.conflicts ? { conflicts: parse<string[]>(row.conflicts) } : {}),
  };
}

export function presentPeriod(row: Selectable<StateStatusesTable>): StatusPeriodDto {
  return {
    status: row.status as StatusPeriodDto['status'],
    from: row.from_date,
    to: row.to_date,
    how: row.how,
    ...provenance(row),
  };
}

/** A state with its history and the period holding on `at`. */
export function presentState(
  row: Selectable<StatesTable>,
  periods: Selectable<StateStatusesTable>[],
  at: string,
): StateDto {
  const statuses = periods.map(presentPeriod);
  return {
    code: row.code,
    name: parse(row.name),
    statuses,
    statusAt: periodOn(statuses, at),
    ...provenance(row),
  };
}

export interface SummitRow extends ProvenanceColumns {
  id: string;
  series: string;
  ordinal: number;
  ordinal_sourced: number;
  start_date: string;
  end_date: string;
  city: string;
  host: string;
  chair: string;
  format: string;
  host_name: string;
  chair_name: string;
  document_count: number | string | null;
}

export function presentSummitSummary(row: SummitRow): SummitSummaryDto {
  return {
    id: row.id,
    series: row.series as SummitSummaryDto['series'],
    ordinal: row.ordinal,
    ordinalSourced: row.ordinal_sourced === 1,
    start: row.start_date,
    end: row.end_date,
    city: parse(row.city),
    host: row.host,
    hostName: parse(row.host_name),
    chair: row.chair,
    chairName: parse(row.chair_name),
    format: row.format as SummitSummaryDto['format'],
    documentCount: Number(row.document_count ?? 0),
  };
}

export function presentSummitProvenance(row: SummitRow) {
  return provenance(row);
}

export function presentDocumentSummary(
  row: Pick<Selectable<DocumentsTable>, 'id' | 'title' | 'kind' | 'date' | 'summit_id'>,
): DocumentSummaryDto {
  return {
    id: row.id,
    title: parse(row.title),
    kind: row.kind as DocumentSummaryDto['kind'],
    date: row.date,
    summitId: row.summit_id,
  };
}

export function presentDocument(
  row: Selectable<DocumentsTable> & { body_name: string | null },
  parties: { code: string; name: string }[],
  adopted?: { texts: string; reservations: string },
): DocumentDetailDto {
  return {
    ...presentDocumentSummary(row),
    place: parseOrNull<I18nValue>(row.place),
    body: row.body_id && row.body_name ? { id: row.body_id, name: parse(row.body_name) } : null,
    parties: parties.map((p) => ({ code: p.code, name: parse(p.name) })),
    description: parseOrNull<I18nValue>(row.description),
    entryIntoForce: row.entry_into_force,
    origin: row.origin,
    decisionId: row.decision_id,
    text: adopted ? (parse(adopted.texts) as DocumentDetailDto['text']) : null,
    reservations: adopted ? parse(adopted.reservations) : [],
    ...provenance(row),
  };
}

export function presentBody(
  row: {
    id: string;
    abbreviation: string;
    name: string;
    kind: string;
    charter_article: string | null;
    seat: string | null;
    since: string | null;
    role: string;
  } & ProvenanceColumns,
): BodyDto {
  return {
    id: row.id,
    abbreviation: row.abbreviation,
    name: parse(row.name),
    kind: row.kind as BodyDto['kind'],
    charterArticle: row.charter_article,
    seat: parseOrNull<I18nValue>(row.seat),
    since: row.since,
    role: parse(row.role),
    ...provenance(row),
  };
}

export function presentPerson(
  row: {
    id: string;
    name: string;
    office: string;
    ordinal: number;
    country: string | null;
    country_name: string | null;
    start_date: string;
    end_date: string | null;
  } & ProvenanceColumns,
): PersonDto {
  return {
    id: row.id,
    name: parse(row.name),
    office: row.office as PersonDto['office'],
    order: row.ordinal,
    country: row.country,
    countryName: parseOrNull<I18nValue>(row.country_name),
    start: row.start_date,
    end: row.end_date,
    ...provenance(row),
  };
}

export function presentEvent(row: {
  date: string;
  kind: string;
  subject_type: string;
  subject_id: string;
  title: string;
  states: string;
}): ChronologyEventDto {
  return {
    date: row.date,
    kind: row.kind as ChronologyEventDto['kind'],
    title: parse(row.title),
    subject: { type: row.subject_type, id: row.subject_id },
    states: parse(row.states),
  };
}

export function presentHit(row: { subject_type: string; subject_id: string; title: string }): SearchHitDto {
  return { type: row.subject_type as SearchHitDto['type'], id: row.subject_id, title: parse(row.title) };
}
