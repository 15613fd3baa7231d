import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import * as treaty from '../council/treaty.repository.ts';
import { documentLife } from '../council/treaty.service.ts';
import type { DB } from '../db/schema.ts';
import { Forbidden, Invalid, NotFound } from '../errors.ts';
import { actorName, audit } from '../identity/audit.service.ts';
import { type Actor, authorize, mayAttempt } from '../identity/policy.rules.ts';
import type { I18n } from '../registry/reference-data.schema.ts';
import { isIsoDate } from '../registry/registry.rules.ts';
import { presentLaw, presentNote } from './conventions.presenter.ts';
import * as repo from './conventions.repository.ts';
import {
  CONVENTION_INSTRUMENTS,
  cellStatus,
  isConventionInstrument,
  latestNote,
  lawProblem,
  noteProblem,
  readList,
} from './conventions.rules.ts';
import type {
  CellView,
  LawPatchBody,
  LawView,
  MatrixView,
  NewLawBody,
  NewNoteBody,
  NotePatchBody,
  NoteView,
} from './conventions.schemas.ts';

/**
 * The Conventions' implementation per state: the state-by-instrument matrix of signatures,
 * ratifications and entries into force (computed by the Council's life of documents, never kept
 * twice), national implementing laws and notes on harmonization. Reads go through the policy;
 * every change lands with its audit entry in one transaction.
 */

const today = (now: Date) => now.toISOString().slice(0, 10);
const upper = (code: string) => code.toUpperCase();

function dateOf(at: string | undefined, now: Date): string {
  const date = at ?? today(now);
  if (!isIsoDate(date)) throw new Invalid('at', `expected a calendar date YYYY-MM-DD, got "${date}"`);
  return date;
}

type StateRow = Awaited<ReturnType<typeof repo.statesWithStatusOn>>[number];

/** The states asked for (default: the members on `date`); an unknown code is a 400 naming `states`. */
async function statesAsked(db: Kysely<DB>, raw: string | undefined, date: string): Promise<StateRow[]> {
  const all = await repo.statesWithStatusOn(db, date);
  if (raw === undefined || raw.trim() === '') return all.filter((s) => s.status === 'member');
  const reading = readList(
    raw,
    all.map((s) => s.code),
    upper,
  );
  if ('problem' in reading)
    throw new Invalid('states', `${reading.problem} (ISO 3166-1 alpha-2 codes of the registry)`);
  return all.filter((s) => reading.values.includes(s.code));
}

/** The instruments asked for (default: all four); anything else is a 400 naming `instruments`. */
function instrumentsAsked(raw: string | undefined): string[] {
  const reading = readList(raw, CONVENTION_INSTRUMENTS);
  if ('problem' in reading)
    throw new Invalid('instruments', `${reading.problem} (one of ${CONVENTION_INSTRUMENTS.join(', ')})`);
  return reading.values;
}

const stateRef = (row: StateRow) => ({
  code: row.code,
  name: JSON.parse(row.name) as I18n,
  status: row.status ?? null,
});

const instrumentRef = (life: Awaited<ReturnType<typeof documentLife>>) => ({
  id: life.document.id,
  title: life.document.title,
  date: life.document.date,
  recorded: life.instruments.length > 0 || life.rule !== null,
  inForce: life.inForce,
  since: life.since,
});

const factsOf = (life: Awaited<ReturnType<typeof documentLife>>, state: string) => {
  const own = life.states.find((s) => s.state === state);
  return {
    signed: own?.signed ?? null,
    instrument: own?.instrument ?? null,
    inForceFor: own?.inForceFor ?? null,
  };
};

export interface MatrixQuery {
  states?: string | undefined;
  instruments?: string | undefined;
  at?: string | undefined;
}

/**
 * The matrix on a date: for each state asked (default: the members then) and each instrument
 * (default: all four) its status, dates, number of laws adopted by then and latest note. Laws and
 * notes count only when the actor may read them (null otherwise), so no aggregate leaks them.
 */
export async function conventionMatrix(
  db: Kysely<DB>,
  actor: Actor,
  query: MatrixQuery,
  now: Date,
): Promise<MatrixView> {
  const asOf = dateOf(query.at, now);
  const instruments = instrumentsAsked(query.instruments);
  const states = await statesAsked(db, query.states, asOf);
  const codes = states.map((s) => s.code);
  const readsLaws = mayAttempt(actor, 'read', 'implementing-law');
  const readsNotes = mayAttempt(actor, 'read', 'harmonization-note');
  const lives = await Promise.all(instruments.map((id) => documentLife(db, id, asOf)));
  const counts = readsLaws ? await repo.lawCounts(db, instruments, codes, asOf) : new Map<string, number>();
  const notes = readsNotes ? await repo.notesOf(db, instruments, codes, asOf) : [];
  return {
    asOf,
    instruments: lives.map(instrumentRef),
    rows: states.map((state) => ({
      state: stateRef(state),
      cells: lives.map((life) => {
        const facts = factsOf(life, state.code);
        const instrument = life.document.id;
        const mine = notes.filter((n) => n.instrument_id === instrument && n.state_code === state.code);
        const latest = latestNote(
          mine.map((n) => ({ ...n, createdAt: n.created_at })),
          asOf,
        );
        return {
          instrument,
          status: cellStatus(facts, asOf),
          signed: facts.signed,
          ratified: facts.instrument,
          inForceFor: facts.inForceFor,
          laws: readsLaws ? (counts.get(`${instrument}:${state.code}`) ?? 0) : null,
          latestNote: latest ? presentNote(latest, actor) : null,
        };
      }),
    })),
    readsLaws,
    readsNotes,
  };
}

/** Checks a cell's instrument and state: a 400 naming the parameter when either is unknown. */
async function cellKeys(
  db: Kysely<DB> | Transaction<DB>,
  instrument: string,
  state: string,
  fields = { instrument: 'instrument', state: 'state' },
): Promise<{ instrument: string; state: string }> {
  if (!isConventionInstrument(instrument)) {
    throw new Invalid(
      fields.instrument,
      `unknown instrument "${instrument}" (one of ${CONVENTION_INSTRUMENTS.join(', ')})`,
    );
  }
  const code = upper(state);
  if (!/^[A-Z]{2}$/.test(code) || !(await treaty.existingStates(db, [code])).has(code)) {
    throw new Invalid(fields.state, `unknown state "${state}" (an ISO 3166-1 alpha-2 code of the registry)`);
  }
  return { instrument, state: code };
}

/**
 * One cell in full on a date: the state's signature, instruments and entry into force with their
 * sources (from the Council's life of documents), its laws and notes (when the actor may read
 * them), and whether the actor may add either.
 */
export async function conventionCell(
  db: Kysely<DB>,
  actor: Actor,
  instrumentId: string,
  stateCode: string,
  at: string | undefined,
  now: Date,
): Promise<CellView> {
  const { instrument, state } = await cellKeys(db, instrumentId, stateCode);
  const asOf = dateOf(at, now);
  const life = await documentLife(db, instrument, asOf);
  const stateRow = (await repo.statesWithStatusOn(db, asOf)).find((s) => s.code === state);
  if (!stateRow) throw new NotFound('state', state);
  const facts = factsOf(life, state);
  const events: CellView['events'] = life.instruments
    .filter((i) => i.state === state)
    .map((i) => ({
      kind: i.kind,
      date: i.date,
      notes: i.notes,
      sources: i.sources,
      confidence: i.confidence,
    }));
  if (facts.inForceFor !== null && facts.inForceFor <= asOf) {
    events.push({
      kind: 'entry-into-force',
      date: facts.inForceFor,
      notes: life.ruleProvenance?.notes ?? null,
      sources: life.ruleProvenance?.sources ?? [],
      confidence: life.ruleProvenance?.confidence ?? 'inferred',
    });
  }
  const readsLaws = authorize(actor, 'read', 'implementing-law', { state });
  const readsNotes = authorize(actor, 'read', 'harmonization-note', { state });
  const notes = readsNotes ? await repo.notesOf(db, [instrument], [state], asOf) : null;
  return {
    asOf,
    instrument: { ...instrumentRef(life), rule: life.rule },
    state: stateRef(stateRow),
    status: cellStatus(facts, asOf),
    signed: facts.signed,
    ratified: facts.instrument,
    inForceFor: facts.inForceFor,
    events: events.sort((a, b) => a.date.localeCompare(b.date)),
    laws: readsLaws
      ? (await repo.lawsOfCell(db, instrument, state, asOf)).map((r) => presentLaw(r, actor))
      : null,
    notes: notes ? notes.map((n) => presentNote(n, actor)) : null,
    abilities: {
      createLaw: authorize(actor, 'create', 'implementing-law', { state }),
      createNote: authorize(actor, 'create', 'harmonization-note', { state }),
    },
  };
}

function refuse(problem: { field: string; problem: string } | null): void {
  if (problem) throw new Invalid(problem.field, problem.problem);
}

/** Records a national law implementing an instrument; a delegation only for its own state. */
export async function createLaw(
  db: Kysely<DB>,
  actor: Actor,
  input: NewLawBody,
  now: Date,
): Promise<LawView> {
  const subject = { state: upper(String(input.state ?? '')) };
  if (!authorize(actor, 'create', 'implementing-law', subject)) {
    throw new Forbidden('you may not record laws of this state');
  }
  refuse(lawProblem(input, today(now)));
  return db.transaction().execute(async (trx) => {
    const { instrument, state } = await cellKeys(trx, input.instrument, input.state);
    const stamp = now.toISOString();
    const row = {
      id: randomUUID(),
      state_code: state,
      instrument_id: instrument,
      title: input.title.trim(),
      title_en: input.titleEn?.trim() ?? null,
      adopted: input.adopted,
      url: input.url ?? null,
      note: input.note ?? null,
      sources: '[]',
      recorded_by: actorName(actor),
      created_at: stamp,
      updated_at: stamp,
    };
    await repo.insertLaw(trx, row);
    await audit(
      trx,
      actor,
      { action: 'law.create', subjectType: 'implementing-law', subjectId: row.id, state: row },
      now,
    );
    return presentLaw(row, actor);
  });
}

/** The law, if the actor may read it; one they may not read answers like a missing one. */
async function readableLaw(trx: Transaction<DB>, actor: Actor, id: string) {
  const row = await repo.lawById(trx, id);
  if (!row || !authorize(actor, 'read', 'implementing-law', { state: row.state_code })) {
    throw new NotFound('implementing-law', id);
  }
  return row;
}

/** Changes a law's title, date, link or note (not its state or instrument). */
export async function updateLaw(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  patch: LawPatchBody,
  now: Date,
): Promise<LawView> {
  refuse(lawProblem(patch, today(now), true));
  return db.transaction().execute(async (trx) => {
    const row = await readableLaw(trx, actor, id);
    if (!authorize(actor, 'update', 'implementing-law', { state: row.state_code })) {
      throw new Forbidden('you may not change laws of this state');
    }
    const changes = {
      ...(patch.title !== undefined ? { title: patch.title.trim() } : {}),
      ...(patch.titleEn !== undefined ? { title_en: patch.titleEn?.trim() ?? null } : {}),
      ...(patch.adopted !== undefined ? { adopted: patch.adopted } : {}),
      ...(patch.url !== undefined ? { url: patch.url } : {}),
      ...(patch.note !== undefined ? { note: patch.note } : {}),
      updated_at: now.toISOString(),
    };
    await repo.updateLaw(trx, id, changes);
    const updated = { ...row, ...changes };
    await audit(
      trx,
      actor,
      { action: 'law.update', subjectType: 'implementing-law', subjectId: id, state: updated },
      now,
    );
    return presentLaw(updated, actor);
  });
}

export async function deleteLaw(db: Kysely<DB>, actor: Actor, id: string, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await readableLaw(trx, actor, id);
    if (!authorize(actor, 'delete', 'implementing-law', { state: row.state_code })) {
      throw new Forbidden('you may not remove laws of this state');
    }
    await repo.deleteLaw(trx, id);
    await audit(
      trx,
      actor,
      { action: 'law.delete', subjectType: 'implementing-law', subjectId: id, state: null },
      now,
    );
  });
}

/** Writes a note on harmonization, signed by the author's organization; dated today by default. */
export async function createNote(
  db: Kysely<DB>,
  actor: Actor,
  input: NewNoteBody,
  now: Date,
): Promise<NoteView> {
  const subject = { state: upper(String(input.state ?? '')) };
  if (!authorize(actor, 'create', 'harmonization-note', subject)) {
    throw new Forbidden('you may not write notes on this state');
  }
  refuse(noteProblem(input, today(now)));
  return db.transaction().execute(async (trx) => {
    const { instrument, state } = await cellKeys(trx, input.instrument, input.state);
    const stamp = now.toISOString();
    const row = {
      id: randomUUID(),
      state_code: state,
      instrument_id: instrument,
      text: input.text.trim(),
      organization_id: actor.kind === 'user' ? actor.organizationId : null,
      author: actorName(actor),
      date: input.date ?? today(now),
      created_at: stamp,
      updated_at: stamp,
    };
    await repo.insertNote(trx, row);
    await audit(
      trx,
      actor,
      { action: 'note.create', subjectType: 'harmonization-note', subjectId: row.id, state: row },
      now,
    );
    const stored = await repo.noteById(trx, row.id);
    if (!stored) throw new NotFound('harmonization-note', row.id);
    return presentNote(stored, actor);
  });
}

async function readableNote(trx: Transaction<DB>, actor: Actor, id: string) {
  const row = await repo.noteById(trx, id);
  if (!row || !authorize(actor, 'read', 'harmonization-note', { state: row.state_code })) {
    throw new NotFound('harmonization-note', id);
  }
  return row;
}

export async function updateNote(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  patch: NotePatchBody,
  now: Date,
): Promise<NoteView> {
  refuse(noteProblem(patch, today(now), true));
  return db.transaction().execute(async (trx) => {
    const row = await readableNote(trx, actor, id);
    if (!authorize(actor, 'update', 'harmonization-note', { state: row.state_code })) {
      throw new Forbidden('you may not change notes on this state');
    }
    const changes = {
      ...(patch.text !== undefined ? { text: patch.text.trim() } : {}),
      ...(patch.date !== undefined ? { date: patch.date } : {}),
      updated_at: now.toISOString(),
    };
    await repo.updateNote(trx, id, changes);
    const { organization_name: _name, ...stored } = { ...row, ...changes };
    await audit(
      trx,
      actor,
      { action: 'note.update', subjectType: 'harmonization-note', subjectId: id, state: stored },
      now,
    );
    return presentNote({ ...row, ...changes }, actor);
  });
}

export async function deleteNote(db: Kysely<DB>, actor: Actor, id: string, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await readableNote(trx, actor, id);
    if (!authorize(actor, 'delete', 'harmonization-note', { state: row.state_code })) {
      throw new Forbidden('you may not remove notes on this state');
    }
    await repo.deleteNote(trx, id);
    await audit(
      trx,
      actor,
      { action: 'note.delete', subjectType: 'harmonization-note', subjectId: id, state: null },
      now,
    );
  });
}
