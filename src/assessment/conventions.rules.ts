import type { ConsentKind } from '../council/treaty.rules.ts';
import { isIsoDate } from '../registry/registry.rules.ts';

/**
 * The Conventions' implementation, pure: which instruments are followed, what a state-by-instrument
 * cell's status is, how the API's lists of states and instruments are read, and the checks a
 * national law or a harmonization note must pass. No I/O, no clock: dates are passed in.
 */

/**
 * The four counter-terrorism instruments, by registry document id, in the order they were signed:
 * the Shanghai Convention (2001), the Agreement on the RATS (2002), the Convention against
 * Terrorism (Yekaterinburg, 2009) and the Convention on Countering Extremism (Astana, 2017).
 */
export const CONVENTION_INSTRUMENTS = [
  'shanghai-convention-2001',
  'rats-agreement-2002',
  'convention-against-terrorism-2009',
  'convention-countering-extremism-2017',
] as const;
export type ConventionInstrument = (typeof CONVENTION_INSTRUMENTS)[number];

export const isConventionInstrument = (id: string): id is ConventionInstrument =>
  (CONVENTION_INSTRUMENTS as readonly string[]).includes(id);

/** A cell's status, from least to most advanced. */
export const CELL_STATUSES = ['not-signed', 'signed', 'ratified', 'in-force'] as const;
export type CellStatus = (typeof CELL_STATUSES)[number];

/** What the Council's life of documents says of one state, on the date asked about. */
export interface StateFacts {
  signed: string | null;
  instrument: { kind: ConsentKind; date: string } | null;
  inForceFor: string | null;
}

/**
 * The status of one state under one instrument on `asOf`: in force once its own date of entry into
 * force has come; ratified (or accepted, approved, acceded) once its instrument of consent is
 * deposited; signed once it signed; otherwise not signed. Facts dated after `asOf` count for nothing,
 * so an entry into force computed for a later day leaves the state "ratified" until then.
 */
export function cellStatus(facts: StateFacts, asOf: string): CellStatus {
  if (facts.inForceFor !== null && facts.inForceFor <= asOf) return 'in-force';
  if (facts.instrument !== null && facts.instrument.date <= asOf) return 'ratified';
  if (facts.signed !== null && facts.signed <= asOf) return 'signed';
  return 'not-signed';
}

/** The position of a status in `CELL_STATUSES`: higher is further along. */
export const statusRank = (status: CellStatus) => CELL_STATUSES.indexOf(status);

export type ListReading = { values: string[] } | { problem: string };

/**
 * Reads a comma-separated list parameter against the values allowed: blanks are dropped,
 * duplicates folded, the order of `allowed` kept. Undefined or empty means every allowed value.
 * Any value not allowed is named in the problem, so the caller can answer 400 for the parameter.
 */
export function readList(
  raw: string | undefined,
  allowed: readonly string[],
  normalize: (value: string) => string = (v) => v,
): ListReading {
  const asked = (raw ?? '')
    .split(',')
    .map((v) => normalize(v.trim()))
    .filter((v) => v !== '');
  if (asked.length === 0) return { values: [...allowed] };
  const unknown = [...new Set(asked.filter((v) => !allowed.includes(v)))];
  if (unknown.length > 0) return { problem: `unknown: ${unknown.join(', ')}` };
  return { values: allowed.filter((v) => asked.includes(v)) };
}

/** The latest of a cell's notes on or before `asOf` (by date, then by the later creation), or null. */
export function latestNote<N extends { date: string; createdAt: string }>(
  notes: readonly N[],
  asOf: string,
): N | null {
  let latest: N | null = null;
  for (const note of notes) {
    if (note.date > asOf) continue;
    if (
      latest === null ||
      note.date > latest.date ||
      (note.date === latest.date && note.createdAt > latest.createdAt)
    )
      latest = note;
  }
  return latest;
}

export interface LawFields {
  title?: string | undefined;
  titleEn?: string | null | undefined;
  adopted?: string | undefined;
  url?: string | null | undefined;
  note?: string | null | undefined;
}

export interface Problem {
  field: string;
  problem: string;
}

const URL_PATTERN = /^https?:\/\/\S+$/;

/** Why the text of a field cannot be kept (empty or longer than `max`), or null. */
function textProblem(field: string, value: string | null | undefined, max: number): Problem | null {
  if (value === undefined || value === null) return null;
  if (value.trim() === '' || value.length > max) return { field, problem: `must be 1 to ${max} characters` };
  return null;
}

/**
 * Why a law's fields cannot be recorded, or null: a title in the original language, an adoption
 * date that is a real calendar date not after today, an http(s) link. `partial` checks only the
 * fields given (a change); otherwise title and adoption date are required.
 */
export function lawProblem(law: LawFields, today: string, partial = false): Problem | null {
  if (!partial && law.title === undefined) return { field: 'title', problem: 'is required' };
  if (!partial && law.adopted === undefined) return { field: 'adopted', problem: 'is required' };
  if (law.title === null) return { field: 'title', problem: 'is required' };
  const text =
    textProblem('title', law.title, 500) ??
    textProblem('titleEn', law.titleEn, 500) ??
    textProblem('note', law.note, 2000);
  if (text) return text;
  if (law.adopted !== undefined) {
    if (!isIsoDate(law.adopted)) return { field: 'adopted', problem: 'must be a calendar date YYYY-MM-DD' };
    if (law.adopted > today) return { field: 'adopted', problem: `is after today (${today})` };
  }
  if (law.url !== undefined && law.url !== null && (!URL_PATTERN.test(law.url) || law.url.length > 2000))
    return { field: 'url', problem: 'must be an http(s) link' };
  return null;
}

/** Why a note cannot be recorded, or null: 1 to 4000 characters, a calendar date not after today. */
export function noteProblem(
  note: { text?: string | undefined; date?: string | undefined },
  today: string,
  partial = false,
): Problem | null {
  if (!partial && note.text === undefined) return { field: 'text', problem: 'is required' };
  const text = textProblem('text', note.text, 4000);
  if (text) return text;
  if (note.date !== undefined) {
    if (!isIsoDate(note.date)) return { field: 'date', problem: 'must be a calendar date YYYY-MM-DD' };
    if (note.date > today) return { field: 'date', problem: `is after today (${today})` };
  }
  return null;
}
