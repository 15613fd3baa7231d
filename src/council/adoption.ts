import type { Selectable, Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { recordListing } from '../intel/listing.service.ts';
import { insertAdoptedDocument } from '../registry/documents.repository.ts';
import { writeMeta } from '../registry/reference-data.repository.ts';
import { REGISTRY_REVISION_KEY } from '../registry/reference-data.service.ts';
import { foldForSearch } from '../registry/registry.rules.ts';
import type { DecisionsTable } from './council.schema.ts';
import type { Outcome } from './decision.types.ts';

type I18n = { en: string; ru?: string; zh?: string };

/** The registry id of the document a decision adopted. */
export const adoptedDocumentId = (decisionId: string) => `decision-${decisionId}`;

/**
 * When a decision on a draft is adopted, the registry gains the document: the exact text of the
 * revision under decision in its three languages, the reservations attached, the states that had
 * a say as its parties, in the chronology and in search; the registry's revision moves so that
 * cached answers follow. Runs in the transaction that recorded the adopting event.
 */
export async function recordAdoption(
  trx: Transaction<DB>,
  decision: Selectable<DecisionsTable>,
  result: Outcome,
  now: Date,
) {
  await recordListing(trx, decision, result, now);
  if (result.status !== 'adopted' || !decision.revision_id) return;
  const id = adoptedDocumentId(decision.id);
  if (await trx.selectFrom('documents').select('id').where('id', '=', id).executeTakeFirst()) return;
  const revision = await trx
    .selectFrom('draft_revisions')
    .selectAll()
    .where('id', '=', decision.revision_id)
    .executeTakeFirstOrThrow();
  const title = JSON.parse(decision.title) as I18n;
  const date = (result.closedAt ?? now.toISOString()).slice(0, 10);
  const parties = (JSON.parse(decision.eligible) as string[]).filter((s) => s !== decision.concerned_state);
  const reservations = JSON.stringify(result.reservations);
  await insertAdoptedDocument(trx, {
    document: {
      id,
      title: decision.title,
      kind: 'decision',
      date,
      place: null,
      body_id: decision.body_id,
      summit_id: null,
      entry_into_force: null,
      description: JSON.stringify({
        en: `Adopted as ${revision.symbol} by ${decision.rule}: ${result.reason}`,
      }),
      sources: JSON.stringify([]),
      confidence: 'confirmed',
      notes:
        result.reservations.length > 0
          ? `Reservations: ${result.reservations.map((r) => `${r.state}: ${r.text}`).join('; ')}`
          : null,
      conflicts: null,
      origin: 'council',
      decision_id: decision.id,
    },
    parties,
    texts: revision.texts,
    reservations,
    event: {
      id: `document:${id}`,
      date,
      kind: 'document',
      position: 1,
      subject_type: 'document',
      subject_id: id,
      title: decision.title,
      states: JSON.stringify(parties),
    },
    search: {
      subject_type: 'document',
      subject_id: id,
      title: decision.title,
      haystack: foldForSearch([title.en, title.ru, title.zh, revision.symbol].filter(Boolean).join(' ')),
      rank: 0,
    },
  });
  await writeMeta(trx, REGISTRY_REVISION_KEY, `council:${id}:${now.getTime()}`);
}
