import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { Conflict, Forbidden, Invalid, NotFound } from '../errors.ts';
import { actorName, audit } from '../identity/audit.service.ts';
import { type Actor, abilities, authorize } from '../identity/policy.rules.ts';
import { type ListingProposal, validateListing } from '../intel/listing.service.ts';
import { adoptedDocumentId, recordAdoption } from './adoption.ts';
import type { DecisionsTable } from './council.schema.ts';
import {
  closeProblem,
  noticeOf,
  outcome,
  validatePosition,
  validateWithdrawal,
  writtenAnswerProblem,
  writtenProblem,
} from './decision.rules.ts';
import {
  DECISION_RULES,
  type DecisionEvent,
  type DecisionRule,
  type Outcome,
  POSITIONS,
  type Position,
} from './decision.types.ts';
import * as repo from './decisions.repository.ts';
import { holding, type Rights } from './seats.rules.ts';
import { councilRights, seatsOf } from './seats.service.ts';

/**
 * Decisions of the organization's bodies: opened on one exact revision of a draft under one rule,
 * with the eligible roster fixed at opening; positions, withdrawals, amendments, the silence
 * procedure and the chair's close are events of an append-only log, and the outcome is always the
 * pure function of that log and the time. Every act is checked by the policy and audited.
 */

type DecisionRow = Selectable<DecisionsTable>;
type I18n = { en: string; ru?: string; zh?: string };

const iso = (d: Date) => d.toISOString();

/** Reads a decision the actor may see (NotFound otherwise, like a missing one). */
async function readable(db: Kysely<DB>, actor: Actor, id: string): Promise<DecisionRow> {
  return seen(actor, id, await repo.decisionById(db, id));
}

/** The row if the actor may see it; NotFound otherwise, like a missing one. */
function seen(actor: Actor, id: string, row: DecisionRow | undefined): DecisionRow {
  if (!row || !authorize(actor, 'read', 'decision', { id })) throw new NotFound('decision', id);
  return row;
}

/** The state an actor speaks for: its delegation's; the local operator names it. */
function speakingFor(actor: Actor, named: string | undefined): string {
  if (actor.kind === 'user') {
    if (!actor.stateCode) throw new Forbidden('only a delegation speaks for a member state');
    if (named && named.toUpperCase() !== actor.stateCode)
      throw new Forbidden(`you act for ${actor.stateCode}, not ${named}`);
    return actor.stateCode;
  }
  if (!named) throw new Invalid('state', 'is required');
  return named.toUpperCase();
}

/** Maps a rule's refusal to the error a caller sees: the close or deadline is a conflict. */
function refusal(field: string, problem: string): Error {
  if (/closed|passed|not been opened/.test(problem)) return new Conflict(problem, { field });
  if (/no seat|concerned/.test(problem)) return new Forbidden(problem, { field: 'state' });
  return new Invalid(field, problem);
}

/**
 * The state a delegation acts for, once the policy allowed `action` on that state's positions:
 * the checks every delegation's act begins with, after the decision was found readable.
 */
function delegation(
  actor: Actor,
  named: string | undefined,
  action: string,
  refused = (state: string) => `you may not act for ${state}`,
): string {
  const state = speakingFor(actor, named);
  if (!authorize(actor, action, 'position', { state })) throw new Forbidden(refused(state));
  return state;
}

/** `delegation`, after checking that the actor may read the decision at all. */
async function delegationOn(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  named: string | undefined,
  action: string,
) {
  await readable(db, actor, id);
  return delegation(actor, named, action);
}

/** A log check that refuses with the rules' reason, if they give one. */
const refuseIf =
  (field: string, problemOf: (events: DecisionEvent[]) => string | null) => (events: DecisionEvent[]) => {
    const problem = problemOf(events);
    if (problem) throw refusal(field, problem);
  };

/** The decision as the API gives it; `known` is its outcome at `now` when the caller computed it already. */
export function presentDecision(
  row: DecisionRow,
  events: DecisionEvent[],
  actor: Actor,
  now: Date,
  known?: Outcome,
) {
  const result = known ?? outcome(events, iso(now));
  const receipts = events.flatMap((e) => (e.type === 'receipt' ? [{ state: e.state, at: e.at }] : []));
  const subject = { id: row.id, chairState: row.chair_state };
  return {
    id: row.id,
    bodyId: row.body_id,
    draftId: row.draft_id,
    revisionId: row.revision_id,
    title: JSON.parse(row.title) as I18n,
    rule: row.rule as DecisionRule,
    concernedState: row.concerned_state,
    eligible: JSON.parse(row.eligible) as string[],
    chairState: row.chair_state,
    openedAt: row.opened_at,
    ...result,
    receipts,
    documentId: result.status === 'adopted' && row.revision_id ? adoptedDocumentId(row.id) : null,
    notice: noticeOf(result),
    listing: row.listing ? (JSON.parse(row.listing) as ListingProposal) : null,
    history: events.map((e) => ({ ...e }) as Record<string, unknown>),
    abilities: abilities(actor, 'decision', subject),
  };
}

export interface OpenInput {
  bodyId: string;
  title: I18n;
  rule: string;
  draftId?: string | undefined;
  concernedState?: string | undefined;
  chairState?: string | undefined;
  /** ISO 8601 instant with its offset: the decision opens under the silence procedure. */
  silenceDeadline?: string | undefined;
  /** What the decision would put on the common list, or take off it, citing an assessment. */
  listing?: ListingProposal | undefined;
}

/** Opens a decision; the eligible roster is the member states on the opening day. */
export async function openDecision(
  db: Kysely<DB>,
  actor: Actor,
  input: OpenInput,
  now: Date,
  rights: Rights = councilRights(),
) {
  if (!authorize(actor, 'open', 'decision', {})) throw new Forbidden('only the Secretariat opens decisions');
  if (!DECISION_RULES.includes(input.rule as DecisionRule)) {
    throw new Invalid('rule', `must be one of ${DECISION_RULES.join(', ')}`);
  }
  if (!input.title?.en?.trim()) throw new Invalid('title.en', 'is required');
  if (!(await repo.bodyExists(db, input.bodyId))) throw new Invalid('bodyId', `no body ${input.bodyId}`);
  // The roster is fixed now: the states whose class may object in this body today.
  const eligible = holding(await seatsOf(db, input.bodyId, iso(now).slice(0, 10), rights), 'object');
  const concerned = input.concernedState?.toUpperCase() ?? null;
  if (input.rule === 'consensus-minus-one') {
    if (!concerned) throw new Invalid('concernedState', 'is required under consensus minus one');
    if (!eligible.includes(concerned))
      throw new Invalid('concernedState', `${concerned} is not a member state`);
  } else if (concerned) throw new Invalid('concernedState', 'applies only under consensus minus one');
  const chair = input.chairState?.toUpperCase() ?? null;
  if (chair && !eligible.includes(chair)) throw new Invalid('chairState', `${chair} is not a member state`);
  let revisionId: string | null = null;
  if (input.draftId) {
    const revision = await repo.latestRevision(db, input.draftId);
    if (!revision) throw new Invalid('draftId', `no draft ${input.draftId}`);
    revisionId = revision.id;
  }
  const deadline = input.silenceDeadline === undefined ? null : deadlineOf(input.silenceDeadline, now);
  const listing = input.listing ? await validateListing(db, input.listing) : null;
  const row: DecisionRow = {
    id: randomUUID(),
    body_id: input.bodyId,
    draft_id: input.draftId ?? null,
    revision_id: revisionId,
    title: JSON.stringify(input.title),
    rule: input.rule,
    concerned_state: concerned,
    eligible: JSON.stringify(eligible),
    chair_state: chair,
    status: 'pending',
    version: 1,
    opened_at: iso(now),
    opened_by: actorName(actor),
    closed_at: null,
    listing,
  };
  return db.transaction().execute(async (trx) => {
    await repo.insertDecision(trx, row);
    await repo.appendEvent(
      trx,
      row.id,
      1,
      {
        at: iso(now),
        type: 'opened',
        rule: input.rule as DecisionRule,
        eligible,
        concerned,
        deadline,
      } as Omit<DecisionEvent, 'seq'>,
      actorName(actor),
    );
    await audit(
      trx,
      actor,
      { action: 'decision.open', subjectType: 'decision', subjectId: row.id, state: row },
      now,
    );
    const events = await repo.eventsOf(trx, row.id);
    return presentDecision(row, events, actor, now);
  });
}

/** A deadline must be an instant with an explicit offset or Z, in the future. */
function deadlineOf(value: string, now: Date, field = 'deadline'): string {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) {
    throw new Invalid(field, 'must be an ISO 8601 time with its offset, e.g. 2026-12-01T18:00+08:00');
  }
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) throw new Invalid(field, 'is not a real time');
  if (at <= now) throw new Invalid(field, 'must be in the future');
  return at.toISOString();
}

/** An event about to be appended: its number is given under the decision's lock. */
type NewEvent = Omit<DecisionEvent, 'seq'> & { state?: string };

/**
 * Appends one event after the rules allowed it, stores the new outcome, audits; returns the
 * decision. The decision is locked and read first, in the same statement; a decision the actor
 * may not read is not found, and `guard` refuses before the log is read.
 */
async function act(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  now: Date,
  check: (events: DecisionEvent[]) => void,
  eventOf: NewEvent | (() => NewEvent),
  action: string,
  options: { guard?: (row: DecisionRow) => void; also?: (trx: Transaction<DB>) => Promise<void> } = {},
) {
  return db.transaction().execute(async (trx) => {
    const row = seen(actor, id, await repo.lockForAppend(trx, id));
    options.guard?.(row);
    const seq = Number(row.version);
    const before = await repo.eventsOf(trx, id);
    check(before);
    const event = typeof eventOf === 'function' ? eventOf() : eventOf;
    await repo.appendEvent(trx, id, seq, event, actorName(actor));
    if (options.also) await options.also(trx);
    // The log as stored now: what was read under the lock, and the one event just appended.
    const events = [...before, { ...event, seq } as DecisionEvent];
    const result = outcome(events, iso(now));
    if (result.status !== row.status || result.closedAt !== row.closed_at) {
      await repo.setOutcome(trx, id, result.status, result.closedAt);
    }
    await recordAdoption(trx, row, result, now);
    await audit(
      trx,
      actor,
      { action, subjectType: 'decision', subjectId: id, state: { ...event, status: result.status } },
      now,
    );
    return presentDecision(
      { ...row, status: result.status, closed_at: result.closedAt },
      events,
      actor,
      now,
      result,
    );
  });
}

/** A delegation states its position; the latest supersedes the earlier ones, which stay in the history. */
export async function statePosition(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  input: { position: string; text?: string | undefined; state?: string | undefined },
  now: Date,
) {
  // The decision's existence is checked under its lock in `act`; the delegation's right and the
  // position's shape need no database, but are refused only once the decision is found readable.
  let state = '';
  const position = input.position as Position;
  const text = input.text?.trim() || null;
  return act(
    db,
    actor,
    id,
    now,
    refuseIf('text', (events) => validatePosition(events, { state, position, text }, iso(now))),
    () => ({ at: iso(now), type: 'position', state, position, text }) as NewEvent,
    'decision.position',
    {
      guard: () => {
        state = delegation(actor, input.state, 'state', (st) => `you may not state ${st}'s position`);
        if (!POSITIONS.includes(position))
          throw new Invalid('position', `must be one of ${POSITIONS.join(', ')}`);
      },
    },
  );
}

/** A delegation withdraws its standing formal objection before the close. */
export async function withdrawObjection(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  named: string | undefined,
  now: Date,
) {
  const state = await delegationOn(db, actor, id, named, 'state');
  return act(
    db,
    actor,
    id,
    now,
    refuseIf('state', (events) => validateWithdrawal(events, state, iso(now))),
    { at: iso(now), type: 'withdraw-objection', state } as Omit<DecisionEvent, 'seq'>,
    'decision.withdraw-objection',
  );
}

/** The chair launches the silence procedure with a deadline given with its time zone offset. */
export async function launchSilence(db: Kysely<DB>, actor: Actor, id: string, deadline: string, now: Date) {
  const row = await readable(db, actor, id);
  if (!authorize(actor, 'launch-silence', 'decision', { id, chairState: row.chair_state })) {
    throw new Forbidden('only the chair launches the silence procedure');
  }
  const at = deadlineOf(deadline, now);
  return act(
    db,
    actor,
    id,
    now,
    refuseIf('deadline', (events) => closeProblem(events, iso(now))),
    { at: iso(now), type: 'silence-launched', deadline: at } as Omit<DecisionEvent, 'seq'>,
    'decision.silence',
  );
}

/**
 * The chair proposes to take the decision in writing: every eligible state is asked to agree to
 * the procedure by `agreeBy`; once all have, positions are taken in writing until `deadline`.
 * Both times are given with their offsets.
 */
export async function launchWritten(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  input: { agreeBy: string; deadline: string },
  now: Date,
) {
  const row = await readable(db, actor, id);
  if (!authorize(actor, 'launch-written', 'decision', { id, chairState: row.chair_state })) {
    throw new Forbidden('only the chair proposes the written procedure');
  }
  const agreeBy = deadlineOf(input.agreeBy, now, 'agreeBy');
  const deadline = deadlineOf(input.deadline, now);
  return act(
    db,
    actor,
    id,
    now,
    refuseIf('deadline', (events) => writtenProblem(events, agreeBy, deadline, iso(now))),
    { at: iso(now), type: 'written-launched', agreeBy, deadline } as NewEvent,
    'decision.written',
  );
}

/**
 * A delegation answers on the use of the written procedure: it agrees, or refuses with its
 * reason, which lapses the procedure and returns the decision to a meeting.
 */
export async function answerWritten(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  input: { agrees: boolean; text?: string | undefined; state?: string | undefined },
  now: Date,
) {
  const text = input.text?.trim() || null;
  if (!input.agrees && !text)
    throw new Invalid('text', 'a refusal of the written procedure needs its reason');
  let state = '';
  return act(
    db,
    actor,
    id,
    now,
    refuseIf('state', (events) => writtenAnswerProblem(events, state, iso(now))),
    () => ({ at: iso(now), type: 'written-answer', state, agrees: input.agrees, text }) as NewEvent,
    'decision.written-answer',
    { guard: () => (state = delegation(actor, input.state, 'state')) },
  );
}

/**
 * A delegation acknowledges receipt of the text under decision: the silence procedure keeps a
 * delivery receipt per delegation. A second receipt changes nothing and is not recorded again.
 */
export async function acknowledgeReceipt(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  named: string | undefined,
  now: Date,
) {
  const state = await delegationOn(db, actor, id, named, 'acknowledge');
  const events = await repo.eventsOf(db, id);
  if (events.some((e) => e.type === 'receipt' && e.state === state)) return getDecision(db, actor, id, now);
  return act(
    db,
    actor,
    id,
    now,
    refuseIf('state', (events) => validatePosition(events, { state, position: 'support' }, iso(now))),
    { at: iso(now), type: 'receipt', state } as Omit<DecisionEvent, 'seq'>,
    'decision.receipt',
  );
}

/** The chair closes an in-session decision with a recorded ruling; a second close is refused. */
export async function closeDecision(db: Kysely<DB>, actor: Actor, id: string, ruling: string, now: Date) {
  const row = await readable(db, actor, id);
  if (!authorize(actor, 'close', 'decision', { id, chairState: row.chair_state })) {
    throw new Forbidden('only the chair closes a decision');
  }
  if (!ruling?.trim()) throw new Invalid('ruling', 'the chair states a ruling');
  return act(
    db,
    actor,
    id,
    now,
    (events) => {
      const problem = closeProblem(events, iso(now));
      if (problem) throw new Conflict(problem, { field: 'id' });
    },
    { at: iso(now), type: 'closed', by: actorName(actor), ruling: ruling.trim() } as Omit<
      DecisionEvent,
      'seq'
    >,
    'decision.close',
  );
}

/**
 * A delegation proposes an amendment to the revision under decision; it breaks a running
 * silence procedure. An amendment to any other revision is refused.
 */
export async function proposeAmendment(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  input: {
    revisionId: string;
    provision: string;
    language: string;
    oldText: string;
    newText: string;
    reason: string;
    state?: string;
  },
  now: Date,
  rights: Rights = councilRights(),
) {
  const row = await readable(db, actor, id);
  const state = speakingFor(actor, input.state);
  const seat = (await seatsOf(db, row.body_id, iso(now).slice(0, 10), rights)).find((s) => s.state === state);
  if (!seat?.rights.includes('amend'))
    throw new Forbidden(`${state} has no right to amend in this body`, { field: 'state' });
  if (!authorize(actor, 'propose', 'amendment', { state }))
    throw new Forbidden(`you may not amend for ${state}`);
  if (!row.revision_id || input.revisionId !== row.revision_id) {
    throw new Invalid('revisionId', 'is not the revision under decision');
  }
  if (!['ru', 'zh', 'en'].includes(input.language)) throw new Invalid('language', 'must be ru, zh or en');
  for (const field of ['provision', 'oldText', 'newText', 'reason'] as const) {
    if (!input[field]?.trim()) throw new Invalid(field, 'is required');
  }
  const amendmentId = randomUUID();
  const amendment = {
    id: amendmentId,
    draft_id: row.draft_id as string,
    revision_id: input.revisionId,
    state_code: state,
    provision: input.provision.trim(),
    language: input.language,
    old_text: input.oldText,
    new_text: input.newText,
    reason: input.reason.trim(),
    status: 'proposed',
    created_at: iso(now),
    created_by: actorName(actor),
  };
  const result = await act(
    db,
    actor,
    id,
    now,
    (events) => {
      const problem = validatePosition(events, { state, position: 'support' }, iso(now));
      if (problem) throw refusal('state', problem);
    },
    { at: iso(now), type: 'amendment-proposed', state, text: `${input.provision}: ${input.newText}` } as Omit<
      DecisionEvent,
      'seq'
    >,
    'decision.amendment',
    {
      also: async (trx) => {
        await repo.insertAmendment(trx, amendment);
        await audit(
          trx,
          actor,
          { action: 'amendment.propose', subjectType: 'amendment', subjectId: amendmentId, state: amendment },
          now,
        );
      },
    },
  );
  return { ...result, amendmentId };
}

export async function getDecision(db: Kysely<DB>, actor: Actor, id: string, now: Date) {
  const row = await readable(db, actor, id);
  return presentDecision(row, await repo.eventsOf(db, id), actor, now);
}

/**
 * Decisions, newest first. With `awaiting`, only the pending ones in which that state has a seat
 * and has not yet stated a position: what awaits its delegation.
 */
export async function listDecisions(
  db: Kysely<DB>,
  actor: Actor,
  q: {
    state?: string | undefined;
    status?: string | undefined;
    awaiting?: boolean | undefined;
    limit?: number;
    offset?: number;
  },
  now: Date,
) {
  if (!authorize(actor, 'read', 'decision', {})) throw new Forbidden('sign in as a member of the community');
  const state = q.state?.toUpperCase();
  if (q.awaiting && !state) throw new Invalid('state', 'is required with awaiting');
  const { rows, total } = await repo.listDecisions(db, {
    ...(state ? { state } : {}),
    ...(q.status ? { status: q.status } : {}),
    ...(q.awaiting ? { awaiting: true } : {}),
    limit: q.limit ?? 50,
    offset: q.offset ?? 0,
  });
  const items = [];
  for (const row of rows) items.push(presentDecision(row, await repo.eventsOf(db, row.id), actor, now));
  return { items, total };
}

/**
 * Settles the decisions a silence deadline has ended since their last event: their stored
 * outcome is brought to what the rules say now and, when adopted, the document is written into
 * the registry. Idempotent and safe on several servers at once (each decision is settled under
 * its lock); the server runs it on a timer. Returns how many it settled.
 */
export async function settleExpired(db: Kysely<DB>, now: Date): Promise<number> {
  const system: Actor = { kind: 'system', name: 'silence-deadline' };
  const pending = await repo.listDecisions(db, { status: 'pending', limit: 10_000, offset: 0 });
  let settled = 0;
  for (const candidate of pending.rows) {
    const result = outcome(await repo.eventsOf(db, candidate.id), iso(now));
    if (result.status === 'pending') continue;
    const done = await db.transaction().execute(async (trx) => {
      const row = await repo.lockDecision(trx, candidate.id);
      if (row?.status !== 'pending') return false;
      const settledResult = outcome(await repo.eventsOf(trx, row.id), iso(now));
      if (settledResult.status === 'pending') return false;
      await repo.setOutcome(trx, row.id, settledResult.status, settledResult.closedAt);
      await recordAdoption(trx, row, settledResult, now);
      await audit(
        trx,
        system,
        {
          action: 'decision.settle',
          subjectType: 'decision',
          subjectId: row.id,
          state: { status: settledResult.status, at: settledResult.closedAt },
        },
        now,
      );
      return true;
    });
    if (done) settled += 1;
  }
  return settled;
}
