import { isIsoDate } from '../registry/registry.rules.ts';

/**
 * The life of a document: who signed it, who deposited an instrument (ratification, acceptance,
 * approval or accession), and when it is in force, overall and for each state. Pure: dates are
 * passed in as YYYY-MM-DD and "N days later" is counted in UTC calendar days.
 */

export const CONSENT_KINDS = ['ratification', 'acceptance', 'approval', 'accession'] as const;
export type ConsentKind = (typeof CONSENT_KINDS)[number];
export const INSTRUMENT_KINDS = ['signature', ...CONSENT_KINDS] as const;
export type InstrumentKind = (typeof INSTRUMENT_KINDS)[number];
export const CONFIDENCES = ['confirmed', 'partial', 'inferred', 'unconfirmed'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

export const FORCE_RULE_KINDS = ['on-signature', 'after-instruments', 'after-all-instruments'] as const;
/**
 * How a document enters into force:
 * - `on-signature`: for each state on the day it signs (or accedes);
 * - `after-instruments`: on the `days`th day after the `count`th instrument is deposited, and for
 *   a state depositing later, on the `days`th day after its own;
 * - `after-all-instruments`: on the `days`th day after the last signatory's instrument; for a
 *   state acceding afterwards, on the `days`th day after its own.
 */
export type ForceRule =
  | { kind: 'on-signature' }
  | { kind: 'after-instruments'; days: number; count: number }
  | { kind: 'after-all-instruments'; days: number };

/** Who may join a document without having been a party to it. */
export const ACCESSIONS = ['none', 'members', 'any'] as const;
export type Accession = (typeof ACCESSIONS)[number];

/** One act of one state on one document. */
export interface Instrument {
  state: string;
  kind: InstrumentKind;
  date: string;
  notes?: string | undefined;
  sources?: string[] | undefined;
  confidence: Confidence;
}

/** What `status` reads of an instrument. */
export type InstrumentFact = Pick<Instrument, 'state' | 'kind' | 'date'>;

export interface StateLife {
  state: string;
  /** Its signature, if it signed by `asOf`. */
  signed: string | null;
  /** Its (earliest) instrument of consent deposited by `asOf`. */
  instrument: { kind: ConsentKind; date: string } | null;
  /** When the document is (or, from what is deposited by `asOf`, will be) in force for it. */
  inForceFor: string | null;
}

export interface DocumentStatus {
  /** In force on `asOf`. */
  inForce: boolean;
  /** Its entry into force, computed from what is deposited by `asOf` (may lie after `asOf`). */
  since: string | null;
  /** The states concerned that are not yet bound on `asOf`. */
  pending: string[];
  /** Every state concerned (parties and any state with an instrument), by code. */
  states: StateLife[];
}

const DAY_MS = 86_400_000;

/** The date `days` calendar days after `date` (UTC, so no daylight-saving drift). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

const isConsent = (kind: InstrumentKind): kind is ConsentKind => kind !== 'signature';
const later = (a: string, b: string) => (a > b ? a : b);

/** Each state's earliest signature, and its earliest instrument of consent (ties by kind order). */
function earliest(instruments: readonly InstrumentFact[]) {
  const signed = new Map<string, string>();
  const consent = new Map<string, { kind: ConsentKind; date: string }>();
  for (const { state, kind, date } of instruments) {
    if (!isConsent(kind)) {
      const seen = signed.get(state);
      if (seen === undefined || date < seen) signed.set(state, date);
      continue;
    }
    const seen = consent.get(state);
    const earlier =
      seen === undefined ||
      date < seen.date ||
      (date === seen.date && CONSENT_KINDS.indexOf(kind) < CONSENT_KINDS.indexOf(seen.kind));
    if (earlier) consent.set(state, { kind, date });
  }
  return { signed, consent };
}

/** The entry into force overall, and a function giving it for one state. */
function entryIntoForce(
  rule: ForceRule | null,
  signed: Map<string, string>,
  consent: Map<string, { kind: ConsentKind; date: string }>,
  parties: readonly string[],
): { since: string | null; forState: (state: string) => string | null } {
  if (rule === null) return { since: null, forState: () => null };
  if (rule.kind === 'on-signature') {
    const first = new Map<string, string>(signed);
    for (const [state, { date }] of consent) {
      const seen = first.get(state);
      if (seen === undefined || date < seen) first.set(state, date);
    }
    const dates = [...first.values()].sort();
    return { since: dates[0] ?? null, forState: (state) => first.get(state) ?? null };
  }
  let trigger: string | undefined;
  if (rule.kind === 'after-instruments') {
    trigger = [...consent.values()].map((c) => c.date).sort()[rule.count - 1];
  } else {
    const required = [...new Set(parties)];
    const dates = required.map((state) => consent.get(state)?.date);
    const all = required.length > 0 && dates.every((d) => d !== undefined);
    trigger = all ? (dates as string[]).reduce(later) : undefined;
  }
  const since = trigger === undefined ? null : addDays(trigger, rule.days);
  return {
    since,
    forState: (state) => {
      const own = consent.get(state);
      // Those who deposited by the trigger are bound from `since`; later ones N days after their own.
      return own === undefined || since === null ? null : later(since, addDays(own.date, rule.days));
    },
  };
}

/**
 * The document's life on `asOf`, from its rule, the instruments known (those dated after `asOf`
 * are ignored) and its parties (under `after-all-instruments`, the signatories whose instruments
 * are all needed). The order of `instruments` does not matter. A null rule (not known) yields the
 * signatures and instruments but no entry into force.
 */
export function status(
  rule: ForceRule | null,
  instruments: readonly InstrumentFact[],
  parties: readonly string[],
  asOf: string,
): DocumentStatus {
  const known = instruments.filter((i) => i.date <= asOf);
  const { signed, consent } = earliest(known);
  const { since, forState } = entryIntoForce(rule, signed, consent, parties);
  const codes = [...new Set([...parties, ...known.map((i) => i.state)])].sort();
  const states = codes.map((state) => ({
    state,
    signed: signed.get(state) ?? null,
    instrument: consent.get(state) ?? null,
    inForceFor: forState(state),
  }));
  return {
    inForce: since !== null && since <= asOf,
    since,
    pending: states.filter((s) => s.inForceFor === null || s.inForceFor > asOf).map((s) => s.state),
    states,
  };
}

/** Why a rule cannot be applied, or null: days a whole number from 0, count from 1. */
export function forceRuleProblem(rule: ForceRule): string | null {
  if (rule.kind === 'on-signature') return null;
  if (!Number.isInteger(rule.days) || rule.days < 0 || rule.days > 3650)
    return 'days must be a whole number from 0 to 3650';
  if (rule.kind === 'after-instruments' && (!Number.isInteger(rule.count) || rule.count < 1))
    return 'count must be a whole number from 1';
  return null;
}

/** What a new instrument is checked against: the document, the state's standing, what exists. */
export interface InstrumentContext {
  /** The document's date, possibly reduced (YYYY or YYYY-MM). */
  documentDate: string;
  /** Today, YYYY-MM-DD: nothing is deposited in the future. */
  today: string;
  isParty: boolean;
  /** May the state accede without being a party (the document's accession rule)? */
  mayAccede: boolean;
  existing: readonly Pick<Instrument, 'state' | 'kind'>[];
}

export type Refusal =
  | { type: 'invalid'; field: string; problem: string }
  | { type: 'conflict'; problem: string };

/** Why this instrument cannot be recorded, or null. Pure: the service maps it to an error. */
export function instrumentRefusal(
  instrument: Pick<Instrument, 'state' | 'kind' | 'date'>,
  context: InstrumentContext,
): Refusal | null {
  const { state, kind, date } = instrument;
  if (!(INSTRUMENT_KINDS as readonly string[]).includes(kind)) {
    return { type: 'invalid', field: 'kind', problem: `must be one of ${INSTRUMENT_KINDS.join(', ')}` };
  }
  if (!isIsoDate(date))
    return { type: 'invalid', field: 'date', problem: 'must be a calendar date YYYY-MM-DD' };
  if (date > context.today)
    return { type: 'invalid', field: 'date', problem: `is after today (${context.today})` };
  if (date < context.documentDate) {
    return {
      type: 'invalid',
      field: 'date',
      problem: `is before the document's date (${context.documentDate})`,
    };
  }
  if (!context.isParty) {
    if (kind === 'signature') {
      return {
        type: 'invalid',
        field: 'state',
        problem: `${state} is not a party to the document and cannot sign it`,
      };
    }
    if (kind !== 'accession' || !context.mayAccede) {
      return {
        type: 'invalid',
        field: 'state',
        problem: `${state} is not a party to the document and may not accede`,
      };
    }
  }
  if (context.existing.some((e) => e.state === state && e.kind === kind)) {
    return { type: 'conflict', problem: `${state} already has a ${kind} of this document` };
  }
  return null;
}
