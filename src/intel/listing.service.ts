import type { Kysely, Selectable, Transaction } from 'kysely';
import type { DecisionsTable } from '../council/council.schema.ts';
import type { Outcome as DecisionOutcome } from '../council/decision.types.ts';
import type { DB } from '../db/schema.ts';
import { Invalid, NotFound } from '../errors.ts';
import { type Actor, authorize } from '../identity/policy.rules.ts';
import { LABELS } from './classification.types.ts';
import './intel.schema.ts';

/**
 * The common list of organizations. An organization enters or leaves it only through an adopted
 * Council decision that cites an assessment: the decision is opened with what it would list, and
 * when it is adopted (and only then) the entry is written, with the decision, its date and the
 * reservations published with it.
 */

export interface ListingProposal {
  objectId: string;
  assessmentId: string;
  action: 'add' | 'remove';
}

/** Checks a decision's listing before the decision opens; returns it as stored. */
export async function validateListing(db: Kysely<DB>, listing: ListingProposal): Promise<string> {
  if (listing.action !== 'add' && listing.action !== 'remove') {
    throw new Invalid('listing.action', 'must be add or remove');
  }
  const assessment = await db
    .selectFrom('assessments')
    .select(['subject_id', 'result'])
    .where('id', '=', listing.assessmentId)
    .executeTakeFirst();
  if (!assessment) throw new Invalid('listing.assessmentId', `no assessment ${listing.assessmentId}`);
  if (assessment.subject_id !== listing.objectId) {
    throw new Invalid('listing.assessmentId', 'the assessment is about another subject');
  }
  const object = await db
    .selectFrom('stix_objects')
    .select('type')
    .where('id', '=', listing.objectId)
    .executeTakeFirst();
  if (!object || !['threat-actor', 'intrusion-set'].includes(object.type)) {
    throw new Invalid('listing.objectId', 'must be an organization (threat-actor or intrusion-set)');
  }
  if (listing.action === 'add' && !(LABELS as readonly string[]).includes(assessment.result)) {
    throw new Invalid(
      'listing.assessmentId',
      `the assessment's result is ${assessment.result}: listing needs terrorism, separatism or extremism`,
    );
  }
  return JSON.stringify(listing);
}

/** Writes the list entry of an adopted decision that carries one; runs in the adopting transaction. */
export async function recordListing(
  trx: Transaction<DB>,
  decision: Selectable<DecisionsTable>,
  result: DecisionOutcome,
  now: Date,
) {
  if (result.status !== 'adopted' || !decision.listing) return;
  const listing = JSON.parse(decision.listing) as ListingProposal;
  await trx
    .insertInto('listings')
    .values({
      decision_id: decision.id,
      object_id: listing.objectId,
      assessment_id: listing.assessmentId,
      action: listing.action,
      decided_at: result.closedAt ?? now.toISOString(),
      reservations: JSON.stringify(result.reservations),
    })
    .onConflict((oc) => oc.column('decision_id').doNothing())
    .execute();
}

/**
 * The list as it stands: each organization whose latest entry adds it, with the deciding
 * decision, its date, the assessment cited and the reservations; `history` gives every entry.
 */
export async function commonList(db: Kysely<DB>, actor: Actor) {
  if (!authorize(actor, 'read', 'listing', {})) throw new NotFound('list', 'common');
  const rows = await db
    .selectFrom('listings')
    .innerJoin('decisions', 'decisions.id', 'listings.decision_id')
    .select([
      'listings.object_id',
      'listings.decision_id',
      'listings.assessment_id',
      'listings.action',
      'listings.decided_at',
      'listings.reservations',
      'decisions.title',
    ])
    .orderBy('listings.decided_at')
    .execute();
  const history = rows.map((r) => ({
    objectId: r.object_id,
    decisionId: r.decision_id,
    assessmentId: r.assessment_id,
    action: r.action,
    decidedAt: r.decided_at,
    decision: JSON.parse(r.title) as { en: string; ru?: string; zh?: string },
    reservations: JSON.parse(r.reservations) as { state: string; text: string }[],
  }));
  const latest = new Map(history.map((h) => [h.objectId, h]));
  return { items: [...latest.values()].filter((h) => h.action === 'add'), history };
}
