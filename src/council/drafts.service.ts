import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { Conflict, Forbidden, Invalid, NotFound } from '../errors.ts';
import { actorName, audit } from '../identity/audit.service.ts';
import { type Actor, authorize } from '../identity/policy.rules.ts';
import {
  applyAmendments,
  compareTexts,
  LANGUAGES,
  type Language,
  revisionSymbol,
  symbolProblem,
  type Texts,
} from './drafts.rules.ts';

/**
 * Drafts of documents: revisions with symbols and three language versions; delegations' amendments
 * (proposed on a decision, see decisions.service.ts) are accepted or rejected by the chair, who
 * merges the accepted ones into the next revision; any two revisions can be compared.
 */

type I18n = { en: string; ru?: string; zh?: string };

function checkTexts(texts: Partial<Record<string, unknown>>): Texts {
  for (const language of LANGUAGES) {
    if (typeof texts[language] !== 'string' || !(texts[language] as string).trim()) {
      throw new Invalid(`texts.${language}`, 'each language version (ru, zh, en) is required');
    }
  }
  return { ru: texts.ru as string, zh: texts.zh as string, en: texts.en as string };
}

/** Creates a draft with its original text as revision 0. */
export async function createDraft(
  db: Kysely<DB>,
  actor: Actor,
  input: { bodyId: string; symbol: string; title: I18n; texts: Partial<Texts> },
  now: Date,
) {
  if (!authorize(actor, 'create', 'draft', {})) throw new Forbidden('only the Secretariat prepares drafts');
  const problem = symbolProblem(input.symbol);
  if (problem) throw new Invalid('symbol', problem);
  if (!input.title?.en?.trim()) throw new Invalid('title.en', 'is required');
  const texts = checkTexts(input.texts ?? {});
  const body = await db.selectFrom('bodies').select('id').where('id', '=', input.bodyId).executeTakeFirst();
  if (!body) throw new Invalid('bodyId', `no body ${input.bodyId}`);
  const draft = {
    id: randomUUID(),
    body_id: input.bodyId,
    symbol: input.symbol,
    title: JSON.stringify(input.title),
    created_at: now.toISOString(),
    created_by: actorName(actor),
  };
  const revision = {
    id: randomUUID(),
    draft_id: draft.id,
    number: 0,
    symbol: input.symbol,
    texts: JSON.stringify(texts),
    merged_amendments: '[]',
    created_at: now.toISOString(),
    created_by: actorName(actor),
  };
  await db.transaction().execute(async (trx) => {
    if (await trx.selectFrom('drafts').select('id').where('symbol', '=', input.symbol).executeTakeFirst()) {
      throw new Conflict(`a draft ${input.symbol} exists`, { field: 'symbol' });
    }
    await trx.insertInto('drafts').values(draft).execute();
    await trx.insertInto('draft_revisions').values(revision).execute();
    await audit(
      trx,
      actor,
      { action: 'draft.create', subjectType: 'draft', subjectId: draft.id, state: { draft, revision } },
      now,
    );
  });
  return getDraft(db, actor, draft.id);
}

export async function getDraft(db: Kysely<DB>, actor: Actor, id: string) {
  const draft = await db.selectFrom('drafts').selectAll().where('id', '=', id).executeTakeFirst();
  if (!draft || !authorize(actor, 'read', 'draft', { id })) throw new NotFound('draft', id);
  const revisions = await db
    .selectFrom('draft_revisions')
    .selectAll()
    .where('draft_id', '=', id)
    .orderBy('number')
    .execute();
  const amendments = await db
    .selectFrom('amendments')
    .selectAll()
    .where('draft_id', '=', id)
    .orderBy('created_at')
    .execute();
  return {
    id: draft.id,
    bodyId: draft.body_id,
    symbol: draft.symbol,
    title: JSON.parse(draft.title) as I18n,
    revisions: revisions.map((r) => ({
      id: r.id,
      number: Number(r.number),
      symbol: r.symbol,
      texts: JSON.parse(r.texts) as Texts,
      mergedAmendments: JSON.parse(r.merged_amendments) as string[],
      createdAt: r.created_at,
    })),
    amendments: amendments.map((a) => ({
      id: a.id,
      revisionId: a.revision_id,
      state: a.state_code,
      provision: a.provision,
      language: a.language as Language,
      oldText: a.old_text,
      newText: a.new_text,
      reason: a.reason,
      status: a.status,
    })),
  };
}

/** The chair accepts or rejects a proposed amendment. */
export async function decideAmendment(
  db: Kysely<DB>,
  actor: Actor,
  amendmentId: string,
  accept: boolean,
  now: Date,
) {
  const amendment = await db
    .selectFrom('amendments')
    .selectAll()
    .where('id', '=', amendmentId)
    .executeTakeFirst();
  if (!amendment || !authorize(actor, 'read', 'amendment', { id: amendmentId }))
    throw new NotFound('amendment', amendmentId);
  if (!authorize(actor, 'decide', 'amendment', { id: amendmentId }))
    throw new Forbidden('only the chair decides on amendments');
  if (amendment.status !== 'proposed') throw new Conflict(`the amendment is already ${amendment.status}`);
  const status = accept ? 'accepted' : 'rejected';
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('amendments').set({ status }).where('id', '=', amendmentId).execute();
    await audit(
      trx,
      actor,
      {
        action: `amendment.${status}`,
        subjectType: 'amendment',
        subjectId: amendmentId,
        state: { ...amendment, status },
      },
      now,
    );
  });
  return getDraft(db, actor, amendment.draft_id);
}

/** The chair merges the accepted amendments of the latest revision into the next one (Rev.N). */
export async function reviseDraft(db: Kysely<DB>, actor: Actor, draftId: string, now: Date) {
  const draft = await getDraft(db, actor, draftId);
  if (!authorize(actor, 'revise', 'draft', { id: draftId }))
    throw new Forbidden('only the chair issues a revision');
  const latest = draft.revisions.at(-1);
  if (!latest) throw new NotFound('draft', draftId);
  const accepted = draft.amendments.filter((a) => a.revisionId === latest.id && a.status === 'accepted');
  if (accepted.length === 0) throw new Conflict('no accepted amendment to merge into a new revision');
  const result = applyAmendments(
    latest.texts,
    accepted.map((a) => ({ id: a.id, language: a.language, oldText: a.oldText, newText: a.newText })),
  );
  if ('problem' in result) throw new Conflict(result.problem, { amendment: result.id });
  const number = latest.number + 1;
  const revision = {
    id: randomUUID(),
    draft_id: draftId,
    number,
    symbol: revisionSymbol(draft.symbol, number),
    texts: JSON.stringify(result.texts),
    merged_amendments: JSON.stringify(accepted.map((a) => a.id)),
    created_at: now.toISOString(),
    created_by: actorName(actor),
  };
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('draft_revisions').values(revision).execute();
    await trx
      .updateTable('amendments')
      .set({ status: 'merged' })
      .where(
        'id',
        'in',
        accepted.map((a) => a.id),
      )
      .execute();
    await audit(
      trx,
      actor,
      { action: 'draft.revise', subjectType: 'draft', subjectId: draftId, state: revision },
      now,
    );
  });
  return getDraft(db, actor, draftId);
}

/** Compares two revisions of a draft in one language, word by word. */
export async function compareRevisions(
  db: Kysely<DB>,
  actor: Actor,
  draftId: string,
  from: number,
  to: number,
  language: string,
) {
  const draft = await getDraft(db, actor, draftId);
  if (!LANGUAGES.includes(language as Language)) throw new Invalid('language', 'must be ru, zh or en');
  const before = draft.revisions.find((r) => r.number === from);
  const after = draft.revisions.find((r) => r.number === to);
  if (!before) throw new Invalid('from', `no revision ${from}`);
  if (!after) throw new Invalid('to', `no revision ${to}`);
  return {
    from: before.symbol,
    to: after.symbol,
    language,
    parts: compareTexts(before.texts[language as Language], after.texts[language as Language]),
  };
}
