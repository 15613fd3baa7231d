import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { Conflict, Forbidden, Invalid, NotFound } from '../errors.ts';
import { actorName, audit } from '../identity/audit.service.ts';
import { type Actor, abilities, authorize, permittedScopes } from '../identity/policy.rules.ts';
import { isCountryCode } from '../registry/countries.ts';
import * as present from './measures.presenter.ts';
import * as repo from './measures.repository.ts';
import {
  isCalendarDate,
  MEASURE_CATEGORIES,
  MEASURE_KINDS,
  type MeasureCategory,
  type MeasureKind,
  measurementFault,
  periodFault,
} from './measures.rules.ts';
import type {
  IndicatorDto,
  MeasureSummaryDto,
  MeasureViewDto,
  NewIndicatorInput,
  NewMeasureInput,
  NewMeasurementInput,
  PatchMeasureInput,
} from './measures.schemas.ts';

/**
 * Use cases of the monitoring of joint measures: lists and pages through the one policy (a
 * measure the reader may not see is not found), creation and edits by those the policy lets,
 * indicators and their measurements, each change audited in its own transaction; and the
 * summaries the bulletin builder asks for.
 */

const today = (now: Date) => now.toISOString().slice(0, 10);

/** A measure as the bulletin builder cites it. */
export interface MeasureSummary {
  id: string;
  kind: MeasureKind;
  categories: MeasureCategory[];
  /** The English name. */
  name: string;
  start: string;
  end: string;
  places: { country: string; region?: string }[];
  participants: { kind: 'state' | 'body'; id: string }[];
  outcomeSummary: string | null;
}

export interface MeasureQuery {
  from?: string | undefined;
  to?: string | undefined;
  kind?: string | undefined;
  category?: string | undefined;
  state?: string | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

function checkQuery(q: MeasureQuery): repo.MeasureFilter {
  for (const field of ['from', 'to'] as const) {
    const value = q[field];
    if (value !== undefined && !isCalendarDate(value)) {
      throw new Invalid(field, `expected a date YYYY-MM-DD, got "${value}"`);
    }
  }
  if (q.kind !== undefined && !(MEASURE_KINDS as readonly string[]).includes(q.kind)) {
    throw new Invalid('kind', `must be one of ${MEASURE_KINDS.join(', ')}`);
  }
  if (q.category !== undefined && !(MEASURE_CATEGORIES as readonly string[]).includes(q.category)) {
    throw new Invalid('category', `must be one of ${MEASURE_CATEGORIES.join(', ')}`);
  }
  if (q.state !== undefined && !/^[A-Za-z]{2}$/.test(q.state)) {
    throw new Invalid('state', 'must be an ISO 3166-1 alpha-2 code');
  }
  return {
    from: q.from,
    to: q.to,
    kind: q.kind,
    category: q.category,
    states: q.state ? [q.state.toUpperCase()] : undefined,
  };
}

/** A page of the measures the reader may see, earliest first, with the total. */
export async function listMeasures(
  db: Kysely<DB>,
  actor: Actor,
  q: MeasureQuery,
): Promise<{ items: MeasureSummaryDto[]; total: number }> {
  const filter = checkQuery(q);
  const scopes = permittedScopes(actor, 'read', 'measure');
  const page = { limit: Math.min(Math.max(q.limit ?? 50, 1), 500), offset: Math.max(q.offset ?? 0, 0) };
  const { rows, total } = await repo.listMeasures(db, scopes, filter, page);
  const counts = await repo.indicatorCounts(
    db,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => present.presentListItem(r, counts.get(r.id) ?? 0)), total };
}

/**
 * The measures that meet `period` (inclusive), optionally only those concerning some states, that
 * the actor may read: what the bulletin builder cites.
 */
export async function measuresBetween(
  db: Kysely<DB>,
  actor: Actor,
  period: { from: string; to: string },
  states?: readonly string[],
): Promise<MeasureSummary[]> {
  checkQuery({ from: period.from, to: period.to });
  const scopes = permittedScopes(actor, 'read', 'measure');
  const filter = { from: period.from, to: period.to, states: states?.map((s) => s.toUpperCase()) };
  const result: MeasureSummary[] = [];
  for (let offset = 0; ; offset += 500) {
    const { rows } = await repo.listMeasures(db, scopes, filter, { limit: 500, offset });
    for (const row of rows) {
      const { name, ...rest } = present.presentSummary(row);
      result.push({ ...rest, name: name.en });
    }
    if (rows.length < 500) return result;
  }
}

async function readable(db: Kysely<DB> | Transaction<DB>, actor: Actor, id: string) {
  const row = await repo.measureById(db, permittedScopes(actor, 'read', 'measure'), id);
  if (!row) throw new NotFound('measure', id);
  return row;
}

async function view(
  db: Kysely<DB> | Transaction<DB>,
  actor: Actor,
  row: repo.MeasureRow,
): Promise<MeasureViewDto> {
  const indicators = await repo.indicatorsOf(db, row.id);
  const measurements = await repo.measurementsOf(
    db,
    indicators.map((i) => i.id),
  );
  return present.presentMeasure(row, indicators, measurements, abilities(actor, 'measure', { id: row.id }));
}

/** One measure with its indicators, their measurements and computed readings; unreadable is not found. */
export async function getMeasure(db: Kysely<DB>, actor: Actor, id: string): Promise<MeasureViewDto> {
  return view(db, actor, await readable(db, actor, id));
}

/** The checked, normalized content of a measure (what create and edit write). */
interface MeasureContent {
  kind: MeasureKind;
  categories: MeasureCategory[];
  name: { en: string; ru?: string; zh?: string };
  start: string;
  end: string;
  places: { country: string; region?: string }[];
  participants: { kind: 'state' | 'body'; id: string }[];
  objectives: string[];
  outcomes: string[];
  sources: { citation: string; url: string | null }[];
  notes: string | null;
}

const trimmed = (values: readonly string[] | undefined) =>
  (values ?? []).map((v) => v.trim()).filter(Boolean);

/**
 * Checks a measure's content against the rules and the registry: a real period, end not before
 * start; real country codes; participant states known and members at some time in the period;
 * participant bodies known. Throws `Invalid` naming the field.
 */
async function checkContent(trx: Transaction<DB>, input: NewMeasureInput): Promise<MeasureContent> {
  if (!(MEASURE_KINDS as readonly string[]).includes(input.kind)) {
    throw new Invalid('kind', `must be one of ${MEASURE_KINDS.join(', ')}`);
  }
  input.categories.forEach((c, i) => {
    if (!(MEASURE_CATEGORIES as readonly string[]).includes(c)) {
      throw new Invalid(`categories.${i}`, `must be one of ${MEASURE_CATEGORIES.join(', ')}`);
    }
  });
  if (!input.name?.en?.trim()) throw new Invalid('name.en', 'an English name is required');
  const fault = periodFault(input.start, input.end);
  if (fault) throw new Invalid(fault.field, fault.problem);
  if (!input.places?.length) throw new Invalid('places', 'at least one place is required');
  const places = input.places.map((p, i) => {
    const country = String(p.country ?? '').toUpperCase();
    if (!isCountryCode(country))
      throw new Invalid(`places.${i}.country`, `"${p.country}" is not an ISO 3166 code`);
    const region = p.region?.trim();
    return region ? { country, region } : { country };
  });
  const participants = input.participants.map((p) => ({
    kind: p.kind,
    id: p.kind === 'state' ? p.id.toUpperCase() : p.id,
  }));
  const stateCodes = participants.filter((p) => p.kind === 'state').map((p) => p.id);
  const known = await repo.knownStates(trx, stateCodes);
  const members = await repo.membersDuring(trx, stateCodes, input.start, input.end);
  const bodies = await repo.knownBodies(
    trx,
    participants.filter((p) => p.kind === 'body').map((p) => p.id),
  );
  const seen = new Set<string>();
  participants.forEach((p, i) => {
    const field = `participants.${i}`;
    if (seen.has(`${p.kind}:${p.id}`)) throw new Invalid(field, `${p.id} is listed twice`);
    seen.add(`${p.kind}:${p.id}`);
    if (p.kind === 'body' && !bodies.has(p.id))
      throw new Invalid(field, `no SCO body ${p.id} in the registry`);
    if (p.kind === 'state' && !known.has(p.id)) throw new Invalid(field, `unknown state ${p.id}`);
    if (p.kind === 'state' && !members.has(p.id)) {
      throw new Invalid(field, `${p.id} was not a member state between ${input.start} and ${input.end}`);
    }
  });
  const name: MeasureContent['name'] = { en: input.name.en.trim() };
  if (input.name.ru?.trim()) name.ru = input.name.ru.trim();
  if (input.name.zh?.trim()) name.zh = input.name.zh.trim();
  return {
    kind: input.kind,
    categories: [...new Set(input.categories)],
    name,
    start: input.start,
    end: input.end,
    places,
    participants,
    objectives: trimmed(input.objectives),
    outcomes: trimmed(input.outcomes),
    sources: (input.sources ?? []).map((s) => ({ citation: s.citation.trim(), url: s.url ?? null })),
    notes: input.notes?.trim() || null,
  };
}

const contentColumns = (c: MeasureContent) => ({
  kind: c.kind,
  categories: JSON.stringify(c.categories),
  name: JSON.stringify(c.name),
  name_en: c.name.en,
  start_date: c.start,
  end_date: c.end,
  places: JSON.stringify(c.places),
  participants: JSON.stringify(c.participants),
  objectives: JSON.stringify(c.objectives),
  outcomes: JSON.stringify(c.outcomes),
  sources: JSON.stringify(c.sources),
  notes: c.notes,
});

/** The states a measure concerns: its participant states and its host countries. */
export const statesOf = (c: Pick<MeasureContent, 'places' | 'participants'>) => [
  ...new Set([
    ...c.participants.filter((p) => p.kind === 'state').map((p) => p.id),
    ...c.places.map((p) => p.country),
  ]),
];

/** Records a new measure (Secretariat officers, RATS analysts, administrators), audited. */
export async function createMeasure(
  db: Kysely<DB>,
  actor: Actor,
  input: NewMeasureInput,
  now: Date,
): Promise<MeasureViewDto> {
  if (!authorize(actor, 'create', 'measure', {})) {
    throw new Forbidden('only Secretariat officers, RATS analysts and administrators record measures');
  }
  return db.transaction().execute(async (trx) => {
    const content = await checkContent(trx, input);
    const at = now.toISOString();
    const row = {
      id: randomUUID(),
      ...contentColumns(content),
      confidence: 'confirmed',
      unconfirmed: '[]',
      origin: 'user',
      created_at: at,
      created_by: actorName(actor),
      updated_at: at,
    };
    await repo.insertMeasure(trx, row);
    await repo.replaceStates(trx, row.id, statesOf(content));
    await audit(
      trx,
      actor,
      { action: 'measure.create', subjectType: 'measure', subjectId: row.id, state: row },
      now,
    );
    return view(trx, actor, await readable(trx, actor, row.id));
  });
}

/** Changes some fields of a measure; the whole result is checked again. Audited. */
export async function updateMeasure(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  patch: PatchMeasureInput,
  now: Date,
): Promise<MeasureViewDto> {
  return db.transaction().execute(async (trx) => {
    const row = await readable(trx, actor, id);
    if (!authorize(actor, 'update', 'measure', { id })) {
      throw new Forbidden('only Secretariat officers, RATS analysts and administrators edit measures');
    }
    const current = present.presentMeasure(row, [], [], {});
    const merged: NewMeasureInput = {
      kind: patch.kind ?? current.kind,
      categories: patch.categories ?? current.categories,
      name: patch.name ?? current.name,
      start: patch.start ?? current.start,
      end: patch.end ?? current.end,
      places: patch.places ?? current.places,
      participants: patch.participants ?? current.participants,
      objectives: patch.objectives ?? current.objectives,
      outcomes: patch.outcomes ?? current.outcomes,
      sources: patch.sources ?? current.sources,
      notes: patch.notes === undefined ? current.notes : patch.notes,
    };
    const content = await checkContent(trx, merged);
    // An edited reference measure becomes the users' own: reloading the data leaves it as edited.
    const changes = { ...contentColumns(content), origin: 'user', updated_at: now.toISOString() };
    await repo.updateMeasure(trx, id, changes);
    await repo.replaceStates(trx, id, statesOf(content));
    await audit(
      trx,
      actor,
      { action: 'measure.update', subjectType: 'measure', subjectId: id, state: { id, ...changes } },
      now,
    );
    return view(trx, actor, await readable(trx, actor, id));
  });
}

async function editable(trx: Transaction<DB>, actor: Actor, measureId: string) {
  const row = await readable(trx, actor, measureId);
  if (!authorize(actor, 'update', 'measure', { id: measureId })) {
    throw new Forbidden('only Secretariat officers, RATS analysts and administrators edit measures');
  }
  return row;
}

/** Adds an indicator to a measure (an edit of the measure), audited; answers it with its reading. */
export async function addIndicator(
  db: Kysely<DB>,
  actor: Actor,
  measureId: string,
  input: NewIndicatorInput,
  now: Date,
): Promise<IndicatorDto> {
  return db.transaction().execute(async (trx) => {
    await editable(trx, actor, measureId);
    if (!input.name?.trim()) throw new Invalid('name', 'is required');
    if (!input.unit?.trim()) throw new Invalid('unit', 'is required');
    if (typeof input.target !== 'number' || !Number.isFinite(input.target))
      throw new Invalid('target', 'must be a number');
    if (input.baseline !== undefined && input.baseline !== null && !Number.isFinite(input.baseline)) {
      throw new Invalid('baseline', 'must be a number');
    }
    if (input.direction !== 'higher-is-better' && input.direction !== 'lower-is-better') {
      throw new Invalid('direction', 'must be higher-is-better or lower-is-better');
    }
    if (input.due && !isCalendarDate(input.due))
      throw new Invalid('due', `expected a date YYYY-MM-DD, got "${input.due}"`);
    const row = {
      id: randomUUID(),
      measure_id: measureId,
      name: input.name.trim(),
      unit: input.unit.trim(),
      target: input.target,
      baseline: input.baseline ?? null,
      direction: input.direction,
      due: input.due || null,
      created_at: now.toISOString(),
      created_by: actorName(actor),
    };
    await repo.insertIndicator(trx, row);
    await repo.updateMeasure(trx, measureId, { updated_at: row.created_at });
    await audit(
      trx,
      actor,
      { action: 'measure.add-indicator', subjectType: 'measure-indicator', subjectId: row.id, state: row },
      now,
    );
    return present.presentIndicator(row, []);
  });
}

/**
 * Records a measured value of an indicator (an edit of the measure), audited: the date real, not
 * before 1996 nor after today, one value per date. Answers the indicator with its new reading.
 */
export async function addMeasurement(
  db: Kysely<DB>,
  actor: Actor,
  measureId: string,
  indicatorId: string,
  input: NewMeasurementInput,
  now: Date,
): Promise<IndicatorDto> {
  return db.transaction().execute(async (trx) => {
    await editable(trx, actor, measureId);
    const indicator = await repo.indicatorById(trx, measureId, indicatorId);
    if (!indicator) throw new NotFound('indicator', indicatorId);
    const fault = measurementFault(input.date, input.value, today(now));
    if (fault) throw new Invalid(fault.field, fault.problem);
    if (input.source && !/^https?:\/\/\S+$/.test(input.source))
      throw new Invalid('source', 'must be an http(s) URL');
    const row = {
      id: randomUUID(),
      indicator_id: indicatorId,
      date: input.date,
      value: input.value,
      note: input.note?.trim() || null,
      source_url: input.source || null,
      recorded_at: now.toISOString(),
      recorded_by: actorName(actor),
    };
    if (!(await repo.insertMeasurement(trx, row))) {
      throw new Conflict(`the indicator already has a value on ${input.date}`, { field: 'date' });
    }
    await repo.updateMeasure(trx, measureId, { updated_at: row.recorded_at });
    await audit(
      trx,
      actor,
      {
        action: 'measure.add-measurement',
        subjectType: 'measure-measurement',
        subjectId: row.id,
        state: row,
      },
      now,
    );
    return present.presentIndicator(indicator, await repo.measurementsOf(trx, [indicatorId]));
  });
}
