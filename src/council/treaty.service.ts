import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Insertable, Kysely } from 'kysely';
import type { TSchema } from 'typebox';
import { Value } from 'typebox/value';
import type { DB } from '../db/schema.ts';
import { Conflict, Forbidden, Invalid, NotFound } from '../errors.ts';
import { actorName, audit } from '../identity/audit.service.ts';
import { type Actor, authorize } from '../identity/policy.rules.ts';
import { readMeta, writeMeta } from '../registry/reference-data.repository.ts';
import { isIsoDate } from '../registry/registry.rules.ts';
import { TREATY_RULES } from './treaty.policy.ts';
import * as repo from './treaty.repository.ts';
import {
  type Accession,
  CONFIDENCES,
  type Confidence,
  type ForceRule,
  forceRuleProblem,
  INSTRUMENT_KINDS,
  type InstrumentKind,
  instrumentRefusal,
  status,
} from './treaty.rules.ts';
import type { DocumentInstrumentsTable } from './treaty.schema.ts';
import {
  type DocumentLifeDto,
  type InstrumentDto,
  type InstrumentsRecord,
  InstrumentsRecord as InstrumentsRecordSchema,
} from './treaty.schemas.ts';

/**
 * The life of documents: the rules and instruments of `data/instruments.json`, loaded whole or
 * not at all; each document's status on a date, computed from them; and the depositary's
 * recording of a new signature or instrument, checked by the policy and audited.
 */

/** The actor that loads `data/instruments.json`; its rows are the ones a reload may replace. */
export const INSTRUMENTS_LOADER: Actor = { kind: 'system', name: 'instruments-data' };
const DIGEST_KEY = 'instruments_data_digest';
const FILE = 'data/instruments.json';

/** An instrument's id: one per document, state and kind, the same on every load. */
export const instrumentId = (documentId: string, state: string, kind: string) =>
  `${documentId}:${state}:${kind}`;

const today = (now: Date) => now.toISOString().slice(0, 10);

/** Reads and validates the instruments file; throws `Invalid` naming record and field. */
export function readInstruments(path: string): InstrumentsRecord[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new Invalid(FILE, 'file is missing or unreadable');
  }
  try {
    return validateInstruments(JSON.parse(text));
  } catch (error) {
    if (error instanceof SyntaxError) throw new Invalid(FILE, `not valid JSON (${error.message})`);
    throw error;
  }
}

/** The most telling schema fault of a record: its field as a dotted path, and the problem. */
function firstFault(schema: TSchema, record: unknown): { field: string; message: string } | undefined {
  const faults = Value.Errors(schema, record).filter((f) => f.keyword !== 'boolean');
  const fault =
    faults.find((f) => !['additionalProperties', 'anyOf', 'const'].includes(f.keyword)) ?? faults[0];
  if (!fault) return undefined;
  const path = fault.instancePath.replace(/^\//, '').replaceAll('/', '.');
  const extra = (fault.params as { additionalProperties?: string[] }).additionalProperties?.[0];
  if (fault.keyword === 'additionalProperties' && extra) {
    return { field: path ? `${path}.${extra}` : extra, message: 'is not a known field' };
  }
  return { field: path || '(record)', message: fault.message };
}

const fault = (index: number, record: unknown, field: string, problem: string) => {
  const id = (record as { document?: unknown } | null)?.document;
  const label = typeof id === 'string' ? `${index} (${id})` : String(index);
  return new Invalid(FILE, `record ${label}, field ${field}: ${problem}`, {
    record: index,
    recordField: field,
  });
};

/** Checks every record against its schema, then dates, rules and duplicates. Pure. */
export function validateInstruments(raw: unknown): InstrumentsRecord[] {
  if (!Array.isArray(raw)) throw new Invalid(FILE, 'expected an array of records');
  const documents = new Set<string>();
  raw.forEach((record: unknown, index) => {
    const schemaFault = firstFault(InstrumentsRecordSchema, record);
    if (schemaFault) throw fault(index, record, schemaFault.field, schemaFault.message);
    const entry = record as InstrumentsRecord;
    if (documents.has(entry.document)) throw fault(index, record, 'document', 'is listed twice');
    documents.add(entry.document);
    const ruleProblem = forceRuleProblem(entry.rule);
    if (ruleProblem) throw fault(index, record, 'rule', ruleProblem);
    const seen = new Set<string>();
    entry.instruments.forEach((instrument, i) => {
      if (!isIsoDate(instrument.date))
        throw fault(index, record, `instruments.${i}.date`, 'is not a calendar date');
      const key = `${instrument.state}:${instrument.kind}`;
      if (seen.has(key)) {
        throw fault(index, record, `instruments.${i}`, `a second ${instrument.kind} of ${instrument.state}`);
      }
      seen.add(key);
    });
  });
  return raw as InstrumentsRecord[];
}

const digestOf = (data: readonly InstrumentsRecord[]) =>
  createHash('sha256').update(JSON.stringify(data)).digest('hex');

export interface LoadResult {
  /** False when the database already held this exact data and nothing was written. */
  changed: boolean;
  documents: number;
  instruments: number;
}

/**
 * Loads the rules and instruments in one transaction, audited as the loader: all or nothing.
 * Idempotent (deterministic ids; unchanged data is skipped unless forced). Rows the loader wrote
 * that the data no longer has are removed; instruments recorded by others are kept.
 */
export async function loadInstruments(
  db: Kysely<DB>,
  data: readonly InstrumentsRecord[],
  options: { now?: Date; force?: boolean } = {},
): Promise<LoadResult> {
  const now = options.now ?? new Date();
  const digest = digestOf(data);
  const counts = { documents: data.length, instruments: data.reduce((n, d) => n + d.instruments.length, 0) };
  const loader = actorName(INSTRUMENTS_LOADER);
  const changed = await db.transaction().execute(async (trx) => {
    if (!options.force && (await readMeta(trx, DIGEST_KEY)) === digest) return false;
    const documents = await repo.existingDocuments(
      trx,
      data.map((d) => d.document),
    );
    const states = await repo.existingStates(trx, [
      ...new Set(data.flatMap((d) => d.instruments.map((i) => i.state))),
    ]);
    const ids: string[] = [];
    for (const [index, entry] of data.entries()) {
      if (!documents.has(entry.document))
        throw fault(index, entry, 'document', 'no such document in the registry');
      await repo.upsertForceRule(trx, {
        document_id: entry.document,
        rule: JSON.stringify(entry.rule),
        accession: entry.accession,
        sources: JSON.stringify(entry.sources),
        confidence: entry.confidence,
        notes: entry.notes ?? null,
      });
      for (const [i, instrument] of entry.instruments.entries()) {
        if (!states.has(instrument.state)) {
          throw fault(index, entry, `instruments.${i}.state`, `no state ${instrument.state} in the registry`);
        }
        const id = instrumentId(entry.document, instrument.state, instrument.kind);
        ids.push(id);
        await repo.upsertInstrument(trx, {
          id,
          document_id: entry.document,
          state_code: instrument.state,
          kind: instrument.kind,
          date: instrument.date,
          notes: instrument.notes ?? null,
          sources: JSON.stringify(instrument.sources),
          confidence: instrument.confidence,
          recorded_at: now.toISOString(),
          recorded_by: loader,
        });
      }
    }
    await repo.deleteLoadedExcept(trx, loader, ids);
    await writeMeta(trx, DIGEST_KEY, digest);
    await audit(
      trx,
      INSTRUMENTS_LOADER,
      { action: 'instruments.load', subjectType: 'instruments-data', subjectId: digest, state: counts },
      now,
    );
    return true;
  });
  return { changed, ...counts };
}

function presentInstrument(row: Insertable<DocumentInstrumentsTable>): InstrumentDto {
  return {
    id: row.id,
    state: row.state_code,
    kind: row.kind as InstrumentKind,
    date: row.date,
    notes: row.notes ?? null,
    sources: JSON.parse(row.sources) as string[],
    confidence: row.confidence,
  };
}

/**
 * A document's life on `asOf` (YYYY-MM-DD): its rule, who signed and deposited what by then, and
 * when it is in force overall and for each state. Public, like the document itself.
 */
export async function documentLife(
  db: Kysely<DB>,
  documentId: string,
  asOf: string,
): Promise<DocumentLifeDto> {
  if (!isIsoDate(asOf)) throw new Invalid('at', `expected a calendar date YYYY-MM-DD, got "${asOf}"`);
  const doc = await repo.documentById(db, documentId);
  if (!doc) throw new NotFound('document', documentId);
  const [ruleRow, parties, rows] = await Promise.all([
    repo.forceRuleOf(db, documentId),
    repo.partiesOf(db, documentId),
    repo.instrumentsOf(db, documentId),
  ]);
  const rule = ruleRow ? (JSON.parse(ruleRow.rule) as ForceRule) : null;
  const facts = rows.map((r) => ({ state: r.state_code, kind: r.kind as InstrumentKind, date: r.date }));
  return {
    document: {
      id: doc.id,
      title: JSON.parse(doc.title) as DocumentLifeDto['document']['title'],
      date: doc.date,
      entryIntoForce: doc.entry_into_force,
    },
    asOf,
    rule,
    accession: (ruleRow?.accession ?? 'none') as Accession,
    ...status(rule, facts, parties, asOf),
    instruments: rows.filter((r) => r.date <= asOf).map(presentInstrument),
    ruleProvenance: ruleRow
      ? {
          sources: JSON.parse(ruleRow.sources) as string[],
          confidence: ruleRow.confidence,
          notes: ruleRow.notes,
        }
      : null,
  };
}

export interface NewInstrument {
  state: string;
  kind: string;
  date: string;
  notes?: string | undefined;
  sources?: string[] | undefined;
  confidence?: string | undefined;
}

/** Shape checks the HTTP schema also makes: the CLI calls the service without it. */
function checkShape(input: NewInstrument): { state: string; kind: InstrumentKind; confidence: Confidence } {
  const state = String(input.state ?? '').toUpperCase();
  if (!/^[A-Z]{2}$/.test(state)) throw new Invalid('state', 'must be an ISO 3166-1 alpha-2 code');
  if (!(INSTRUMENT_KINDS as readonly string[]).includes(input.kind)) {
    throw new Invalid('kind', `must be one of ${INSTRUMENT_KINDS.join(', ')}`);
  }
  const confidence = input.confidence ?? 'confirmed';
  if (!(CONFIDENCES as readonly string[]).includes(confidence)) {
    throw new Invalid('confidence', `must be one of ${CONFIDENCES.join(', ')}`);
  }
  if (input.sources !== undefined && !input.sources.every((s) => /^https?:\/\/\S+$/.test(s))) {
    throw new Invalid('sources', 'must be http(s) URLs');
  }
  if (input.notes !== undefined && (input.notes.trim() === '' || input.notes.length > 2000)) {
    throw new Invalid('notes', 'must be 1 to 2000 characters');
  }
  return { state, kind: input.kind as InstrumentKind, confidence: confidence as Confidence };
}

/**
 * Records a signature or an instrument deposited with the depositary. Only those the policy lets
 * record instruments may; the state must be known and a party (or allowed to accede), the date
 * neither in the future nor before the document, and the state must not have one of this kind.
 * The row and its audit entry land together.
 */
export async function recordInstrument(
  db: Kysely<DB>,
  actor: Actor,
  documentId: string,
  input: NewInstrument,
  now: Date,
): Promise<InstrumentDto> {
  const subject = { id: documentId, state: String(input.state ?? '').toUpperCase() };
  if (!authorize(actor, 'record-instrument', 'document', subject, TREATY_RULES)) {
    throw new Forbidden('only the depositary (the Secretariat) records signatures and instruments');
  }
  const { state, kind, confidence } = checkShape(input);
  return db.transaction().execute(async (trx) => {
    const doc = await repo.documentById(trx, documentId);
    if (!doc) throw new NotFound('document', documentId);
    if (!(await repo.existingStates(trx, [state])).has(state))
      throw new Invalid('state', `no state ${state}`);
    const parties = await repo.partiesOf(trx, documentId);
    const ruleRow = await repo.forceRuleOf(trx, documentId);
    const existing = await repo.instrumentsOf(trx, documentId);
    const accession = (ruleRow?.accession ?? 'none') as Accession;
    const mayAccede =
      accession === 'any' ||
      (accession === 'members' && isIsoDate(input.date) && (await repo.isMemberOn(trx, state, input.date)));
    const refusal = instrumentRefusal(
      { state, kind, date: input.date },
      {
        documentDate: doc.date,
        today: today(now),
        isParty: parties.includes(state),
        mayAccede,
        existing: existing.map((r) => ({ state: r.state_code, kind: r.kind as InstrumentKind })),
      },
    );
    if (refusal?.type === 'conflict') throw new Conflict(refusal.problem, { field: 'kind' });
    if (refusal) throw new Invalid(refusal.field, refusal.problem);
    const row = {
      id: instrumentId(documentId, state, kind),
      document_id: documentId,
      state_code: state,
      kind,
      date: input.date,
      notes: input.notes ?? null,
      sources: JSON.stringify(input.sources ?? []),
      confidence,
      recorded_at: now.toISOString(),
      recorded_by: actorName(actor),
    };
    if (!(await repo.insertInstrument(trx, row))) {
      throw new Conflict(`${state} already has a ${kind} of this document`, { field: 'kind' });
    }
    await audit(
      trx,
      actor,
      {
        action: 'document.record-instrument',
        subjectType: 'document-instrument',
        subjectId: row.id,
        state: row,
      },
      now,
    );
    return presentInstrument(row);
  });
}
