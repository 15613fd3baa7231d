import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { Invalid, NotFound } from '../errors.ts';
import { documentText } from './documents.repository.ts';
import { DOCUMENT_KINDS, OFFICES, STATUSES } from './reference-data.schema.ts';
import {
  presentBody,
  presentDocument,
  presentDocumentSummary,
  presentEvent,
  presentHit,
  presentPerson,
  presentState,
  presentSummitProvenance,
  presentSummitSummary,
} from './registry.presenter.ts';
import * as repo from './registry.repository.ts';
import { foldForSearch, isIsoDate } from './registry.rules.ts';
import {
  type BodyDto,
  CHRONOLOGY_KINDS,
  type ChronologyEventDto,
  type DocumentDetailDto,
  type DocumentSummaryDto,
  type Paged,
  type PersonDto,
  type SearchHitDto,
  type StateDetailDto,
  type StateDto,
  type SummitDetailDto,
  type SummitSummaryDto,
} from './registry.schemas.ts';

/**
 * The registry's use cases: the public memory of the organization. Every argument is checked
 * here as well as in the HTTP schemas, because the CLI calls these functions directly.
 * Everything in the registry is public reference data, so there is no access rule to apply yet.
 */

export interface PageQuery {
  limit?: number | undefined;
  offset?: number | undefined;
}

const MAX_LIMIT = 500;

/** Today's date in UTC, YYYY-MM-DD. */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

function pageOf(query: PageQuery): repo.PageArgs {
  const limit = query.limit ?? 50;
  const offset = query.offset ?? 0;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw new Invalid('limit', `must be an integer from 1 to ${MAX_LIMIT}`);
  }
  if (!Number.isInteger(offset) || offset < 0) throw new Invalid('offset', 'must be a non-negative integer');
  return { limit, offset };
}

function date(field: string, value: string | undefined): string | undefined {
  if (value !== undefined && !isIsoDate(value))
    throw new Invalid(field, `expected a date YYYY-MM-DD, got "${value}"`);
  return value;
}

function range(query: { from?: string | undefined; to?: string | undefined }) {
  const from = date('from', query.from);
  const to = date('to', query.to);
  if (from && to && from > to) throw new Invalid('to', `must not be before from (${from})`);
  return { ...(from ? { from } : {}), ...(to ? { to } : {}) };
}

function oneOf<T extends string>(
  field: string,
  value: string | undefined,
  allowed: readonly T[],
): T | undefined {
  if (value !== undefined && !allowed.includes(value as T)) {
    throw new Invalid(field, `must be one of ${allowed.join(', ')}; got "${value}"`);
  }
  return value as T | undefined;
}

function stateCode(field: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!/^[A-Za-z]{2}$/.test(value))
    throw new Invalid(field, `expected an ISO 3166-1 alpha-2 code, got "${value}"`);
  return value.toUpperCase();
}

function query(field: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const folded = foldForSearch(value);
  if (folded.length === 0) throw new Invalid(field, 'must not be empty');
  if (folded.length > 200) throw new Invalid(field, 'must be at most 200 characters');
  return folded;
}

async function withHistories(
  db: Kysely<DB>,
  rows: Awaited<ReturnType<typeof repo.allStates>>['rows'],
  at: string,
) {
  const periods = await repo.statusesOf(
    db,
    rows.map((r) => r.code),
  );
  return rows.map((row) =>
    presentState(
      row,
      periods.filter((p) => p.state_code === row.code),
      at,
    ),
  );
}

/**
 * States by status on a date, answered from the status history. With neither `status` nor `at`,
 * every state that ever held a status, with its current one.
 */
export async function listStates(
  db: Kysely<DB>,
  q: { status?: string; at?: string } & PageQuery,
): Promise<Paged<StateDto>> {
  const status = oneOf('status', q.status, STATUSES);
  const at = date('at', q.at);
  const page = pageOf(q);
  const day = at ?? todayUtc();
  const { rows, total } =
    status || at
      ? await repo.statesHolding(db, { ...(status ? { status } : {}), at: day, ...page })
      : await repo.allStates(db, page);
  return { items: await withHistories(db, rows, day), total };
}

export async function getState(db: Kysely<DB>, code: string): Promise<StateDetailDto> {
  const normalized = stateCode('code', code) ?? code;
  const row = await repo.stateByCode(db, normalized);
  if (!row) throw new NotFound('state', code);
  const [state] = await withHistories(db, [row], todayUtc());
  const [hosted, documents] = await Promise.all([
    repo.listSummits(db, { host: normalized, limit: MAX_LIMIT, offset: 0 }),
    repo.documentsOfState(db, normalized),
  ]);
  return {
    ...(state as StateDto),
    summitsHosted: hosted.rows.map(presentSummitSummary),
    documents: documents.map(presentDocumentSummary),
  };
}

export async function listSummits(
  db: Kysely<DB>,
  q: { from?: string; to?: string } & PageQuery,
): Promise<Paged<SummitSummaryDto>> {
  const { rows, total } = await repo.listSummits(db, { ...range(q), ...pageOf(q) });
  return { items: rows.map(presentSummitSummary), total };
}

export async function getSummit(db: Kysely<DB>, id: string): Promise<SummitDetailDto> {
  const row = await repo.summitById(db, id);
  if (!row) throw new NotFound('summit', id);
  const documents = await repo.documentsOfSummit(db, id);
  return {
    ...presentSummitSummary(row),
    documents: documents.map(presentDocumentSummary),
    ...presentSummitProvenance(row),
  };
}

export async function listDocuments(
  db: Kysely<DB>,
  q: { q?: string; kind?: string; from?: string; to?: string; state?: string } & PageQuery,
): Promise<Paged<DocumentSummaryDto>> {
  const kind = oneOf('kind', q.kind, DOCUMENT_KINDS);
  const state = stateCode('state', q.state);
  const text = query('q', q.q);
  const { rows, total } = await repo.listDocuments(db, {
    ...range(q),
    ...(kind ? { kind } : {}),
    ...(state ? { state } : {}),
    ...(text ? { q: text } : {}),
    ...pageOf(q),
  });
  return { items: rows.map(presentDocumentSummary), total };
}

export async function getDocument(db: Kysely<DB>, id: string): Promise<DocumentDetailDto> {
  const row = await repo.documentById(db, id);
  if (!row) throw new NotFound('document', id);
  return presentDocument(row, await repo.partiesOf(db, id), await documentText(db, id));
}

export async function listBodies(db: Kysely<DB>, q: PageQuery = {}): Promise<Paged<BodyDto>> {
  const { rows, total } = await repo.listBodies(db, pageOf(q));
  return { items: rows.map(presentBody), total };
}

export async function listPeople(
  db: Kysely<DB>,
  q: { office?: string } & PageQuery,
): Promise<Paged<PersonDto>> {
  const office = oneOf('office', q.office, OFFICES);
  const { rows, total } = await repo.listPeople(db, { ...(office ? { office } : {}), ...pageOf(q) });
  return { items: rows.map(presentPerson), total };
}

/** Summits, documents, status changes and appointments merged in time order, oldest first. */
export async function chronology(
  db: Kysely<DB>,
  q: { from?: string; to?: string; kind?: string; state?: string } & PageQuery,
): Promise<Paged<ChronologyEventDto>> {
  const kind = oneOf('kind', q.kind, CHRONOLOGY_KINDS);
  const state = stateCode('state', q.state);
  const { rows, total } = await repo.listChronology(db, {
    ...range(q),
    ...(kind ? { kind } : {}),
    ...(state ? { state } : {}),
    ...pageOf(q),
  });
  return { items: rows.map(presentEvent), total };
}

/** Substring search over names, titles and descriptions in the three languages. */
export async function search(db: Kysely<DB>, q: { q?: string } & PageQuery): Promise<Paged<SearchHitDto>> {
  const text = query('q', q.q);
  if (!text) throw new Invalid('q', 'is required');
  const { rows, total } = await repo.search(db, { q: text, ...pageOf(q) });
  return { items: rows.map(presentHit), total };
}
