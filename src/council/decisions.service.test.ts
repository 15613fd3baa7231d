import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describeEachDialect, type TestDatabase } from '../../test/helpers/db.ts';
import { actorFor, makeUser, SYSTEM } from '../../test/helpers/identity-factory.ts';
import { DATA_DIR } from '../../test/helpers/server.ts';
import { Conflict, Forbidden, Invalid } from '../errors.ts';
import type { Actor } from '../identity/policy.rules.ts';
import { getDocument, search } from '../registry/registry.service.ts';
import { prepareDatabase } from '../server/prepare.ts';
import { outcome } from './decision.rules.ts';
import * as repo from './decisions.repository.ts';
import * as decisions from './decisions.service.ts';
import { compareRevisions, createDraft, decideAmendment, reviseDraft } from './drafts.service.ts';

const MEMBERS = ['BY', 'CN', 'IN', 'IR', 'KG', 'KZ', 'PK', 'RU', 'TJ', 'UZ'];

describeEachDialect('decisions by consensus', (dialect) => {
  let database: TestDatabase;
  const delegates = new Map<string, Actor>();
  let officer: Actor;
  let analyst: Actor;
  const t0 = new Date('2026-11-27T09:00:00Z');
  const later = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    await prepareDatabase(database, { dataDir: DATA_DIR });
    for (const code of MEMBERS) {
      const user = await makeUser(database.db, {
        roles: ['head-of-delegation'],
        organizationId: `delegation-${code.toLowerCase()}`,
      });
      delegates.set(code, await actorFor(database.db, user.id));
    }
    officer = await actorFor(
      database.db,
      (await makeUser(database.db, { roles: ['secretariat-officer'], organizationId: 'secretariat' })).id,
    );
    analyst = await actorFor(
      database.db,
      (await makeUser(database.db, { roles: ['analyst'], organizationId: 'rats-executive-committee' })).id,
    );
  });
  afterAll(() => database.destroy());

  const as = (code: string) => delegates.get(code) as Actor;
  const open = (rule = 'consensus', extra: Partial<decisions.OpenInput> = {}, at = t0) =>
    decisions.openDecision(
      database.db,
      officer,
      { bodyId: 'chs', title: { en: 'Test decision' }, rule, chairState: 'CN', ...extra },
      at,
    );
  const logLength = async (id: string) => (await repo.eventsOf(database.db, id)).length;

  it('fixes the roster at opening, adopts with no standing objection, and keeps the history', async () => {
    const d = await open();
    expect(d.eligible).toEqual(MEMBERS);
    await decisions.statePosition(
      database.db,
      as('KZ'),
      d.id,
      { position: 'objection', text: 'Article 2 is unclear' },
      later(1),
    );
    await decisions.statePosition(
      database.db,
      as('RU'),
      d.id,
      { position: 'reservation', text: 'On article 3' },
      later(2),
    );
    await decisions.statePosition(database.db, as('IN'), d.id, { position: 'abstention' }, later(3));
    const blocked = await decisions.getDecision(database.db, officer, d.id, later(4));
    expect(blocked.standingObjections.map((o) => o.state)).toEqual(['KZ']);
    await decisions.statePosition(database.db, as('KZ'), d.id, { position: 'support' }, later(5));
    const closed = await decisions.closeDecision(
      database.db,
      as('CN'),
      d.id,
      'The chair notes consensus.',
      later(6),
    );
    expect(closed.status).toBe('adopted');
    expect(closed.reservations).toEqual([{ state: 'RU', text: 'On article 3' }]);
    expect(closed.history.filter((e) => e.type === 'position' && e.state === 'KZ')).toHaveLength(2);
    const row = await repo.decisionById(database.db, d.id);
    expect(row?.status).toBe(outcome(await repo.eventsOf(database.db, d.id), later(7).toISOString()).status);
  });

  it('is not adopted while an objection stands, and can be reopened on a revised draft', async () => {
    const draft = await createDraft(
      database.db,
      officer,
      {
        bodyId: 'chs',
        symbol: `SCO/CHS/2026/L.${dialect === 'sqlite' ? 1 : 2}`,
        title: { en: 'Statement' },
        texts: { ru: 'Государства сотрудничают.', zh: '各国合作。', en: 'The States cooperate.' },
      },
      t0,
    );
    const first = await open('consensus', { draftId: draft.id });
    await decisions.statePosition(
      database.db,
      as('PK'),
      first.id,
      { position: 'objection', text: 'Too weak' },
      later(1),
    );
    const amended = await decisions.proposeAmendment(
      database.db,
      as('PK'),
      first.id,
      {
        revisionId: draft.revisions[0]?.id as string,
        provision: 'para 1',
        language: 'en',
        oldText: 'cooperate',
        newText: 'cooperate closely',
        reason: 'Stronger',
      },
      later(2),
    );
    const failed = await decisions.closeDecision(database.db, officer, first.id, 'No consensus.', later(3));
    expect(failed.status).toBe('not-adopted');
    await decideAmendment(database.db, officer, amended.amendmentId, true, later(4));
    const revised = await reviseDraft(database.db, officer, draft.id, later(5));
    expect(revised.revisions.map((r) => r.symbol)).toEqual([draft.symbol, `${draft.symbol}/Rev.1`]);
    expect(revised.revisions[1]?.texts.en).toBe('The States cooperate closely.');
    const diff = await compareRevisions(database.db, officer, draft.id, 0, 1, 'en');
    expect(diff.parts.filter((p) => p.op === 'insert').map((p) => p.text.trim())).toEqual(['closely']);
    const second = await open('consensus', { draftId: draft.id });
    expect(second.revisionId).toBe(revised.revisions[1]?.id);
    await decisions.statePosition(
      database.db,
      as('RU'),
      second.id,
      { position: 'reservation', text: 'On para 1' },
      later(6),
    );
    const adopted = await decisions.closeDecision(database.db, officer, second.id, 'Adopted.', later(7));
    expect(adopted.status).toBe('adopted');
    const document = await getDocument(database.db, adopted.documentId as string);
    expect(document.text?.en).toBe('The States cooperate closely.');
    expect(document.reservations).toEqual([{ state: 'RU', text: 'On para 1' }]);
    expect(document.origin).toBe('council');
    await prepareDatabase(database, { dataDir: DATA_DIR }, { force: true });
    expect((await getDocument(database.db, adopted.documentId as string)).kind).toBe('decision');
    const found = await search(database.db, { q: draft.symbol });
    expect(found.items.map((h) => h.id)).toContain(adopted.documentId);
    await expect(
      decisions.proposeAmendment(
        database.db,
        as('PK'),
        second.id,
        {
          revisionId: draft.revisions[0]?.id as string,
          provision: 'p',
          language: 'en',
          oldText: 'a',
          newText: 'b',
          reason: 'r',
        },
        later(6),
      ),
    ).rejects.toMatchObject({ details: { field: 'revisionId' } });
  });

  it('refuses bad acts with a clear error and changes nothing', async () => {
    const d = await open('consensus-minus-one', { concernedState: 'TJ' });
    const before = await logLength(d.id);
    await expect(
      decisions.statePosition(database.db, as('TJ'), d.id, { position: 'objection', text: 'No' }, later(1)),
    ).rejects.toThrow(Forbidden);
    await expect(
      decisions.statePosition(database.db, as('KZ'), d.id, { position: 'support', state: 'CN' }, later(1)),
    ).rejects.toThrow(Forbidden);
    await expect(
      decisions.statePosition(database.db, analyst, d.id, { position: 'support' }, later(1)),
    ).rejects.toThrow(Forbidden);
    await expect(
      decisions.statePosition(database.db, SYSTEM, d.id, { position: 'support', state: 'MN' }, later(1)),
    ).rejects.toThrow(/no seat/);
    await expect(
      decisions.statePosition(database.db, as('KZ'), d.id, { position: 'objection' }, later(1)),
    ).rejects.toThrow(Invalid);
    await expect(
      decisions.statePosition(database.db, as('KZ'), d.id, { position: 'maybe' }, later(1)),
    ).rejects.toMatchObject({ details: { field: 'position' } });
    expect(await logLength(d.id)).toBe(before);
    await decisions.closeDecision(database.db, officer, d.id, 'Closed.', later(2));
    const closedLength = await logLength(d.id);
    await expect(
      decisions.statePosition(database.db, as('KZ'), d.id, { position: 'support' }, later(3)),
    ).rejects.toThrow(Conflict);
    await expect(decisions.closeDecision(database.db, officer, d.id, 'Again.', later(3))).rejects.toThrow(
      Conflict,
    );
    expect(await logLength(d.id)).toBe(closedLength);
  });

  it('decides a suspension by consensus minus one: the state concerned cannot block', async () => {
    const d = await open('consensus-minus-one', {
      concernedState: 'UZ',
      title: { en: 'Suspension of a member' },
    });
    for (const code of MEMBERS.filter((c) => c !== 'UZ')) {
      await decisions.statePosition(database.db, as(code), d.id, { position: 'no-objection' }, later(1));
    }
    const closed = await decisions.closeDecision(
      database.db,
      officer,
      d.id,
      'Adopted without the state concerned.',
      later(2),
    );
    expect(closed.status).toBe('adopted');
  });

  it('runs the silence procedure: broken by an amendment, or adopted when the deadline passes', async () => {
    const draft = await createDraft(
      database.db,
      officer,
      {
        bodyId: 'chs',
        symbol: `SCO/CHS/2026/L.${dialect === 'sqlite' ? 11 : 12}`,
        title: { en: 'Silence' },
        texts: { ru: 'Текст.', zh: '文本。', en: 'Text.' },
      },
      t0,
    );
    const broken = await open('consensus', { draftId: draft.id });
    await decisions.launchSilence(database.db, officer, broken.id, '2026-11-28T18:00:00+08:00', later(1));
    await expect(
      decisions.closeDecision(database.db, officer, broken.id, 'Too soon', later(2)),
    ).rejects.toThrow(/silence/);
    await decisions.acknowledgeReceipt(database.db, as('KG'), broken.id, undefined, later(2));
    const acknowledged = await decisions.acknowledgeReceipt(
      database.db,
      as('KG'),
      broken.id,
      undefined,
      later(2),
    );
    expect(acknowledged.receipts.map((r) => r.state)).toEqual(['KG']);
    expect(acknowledged.notice).toBeNull();
    await decisions.proposeAmendment(
      database.db,
      as('KG'),
      broken.id,
      {
        revisionId: broken.revisionId as string,
        provision: 'para 1',
        language: 'en',
        oldText: 'Text',
        newText: 'Better text',
        reason: 'Clarity',
      },
      later(3),
    );
    const afterDeadline = new Date('2026-11-28T10:00:01Z');
    const failed = await decisions.getDecision(database.db, officer, broken.id, afterDeadline);
    expect(failed.status).toBe('not-adopted');
    expect(failed.notice).toMatch(/is not adopted.*Silence broken by KG \(amendment\)/);

    const quiet = await open('consensus', { silenceDeadline: '2026-11-28T18:00:00+08:00' });
    expect((await decisions.getDecision(database.db, officer, quiet.id, later(10))).status).toBe('pending');
    expect(await decisions.settleExpired(database.db, later(10))).toBe(0);
    expect(await decisions.settleExpired(database.db, afterDeadline)).toBeGreaterThanOrEqual(2);
    expect(await decisions.settleExpired(database.db, afterDeadline)).toBe(0);
    expect((await repo.decisionById(database.db, quiet.id))?.status).toBe('adopted');
    expect((await repo.decisionById(database.db, broken.id))?.status).toBe('not-adopted');
    const adopted = await decisions.getDecision(database.db, officer, quiet.id, afterDeadline);
    expect(adopted.status).toBe('adopted');
    expect(adopted.notice).toMatch(
      /^Notice of 2026-11-28T10:00:00.000Z: the decision is adopted under the silence procedure/,
    );
    await expect(
      decisions.statePosition(
        database.db,
        as('KZ'),
        quiet.id,
        { position: 'objection', text: 'Late' },
        afterDeadline,
      ),
    ).rejects.toThrow(Conflict);
  });

  it('runs the written procedure: its use agreed by all, then positions in writing until the deadline', async () => {
    const d = await open();
    const agreeBy = '2026-11-27T15:00:00+03:00';
    const deadline = '2026-11-30T18:00:00+08:00';
    await expect(
      decisions.launchWritten(database.db, as('KZ'), d.id, { agreeBy, deadline }, later(1)),
    ).rejects.toThrow(Forbidden);
    await expect(
      decisions.launchWritten(
        database.db,
        as('CN'),
        d.id,
        { agreeBy: deadline, deadline: agreeBy },
        later(1),
      ),
    ).rejects.toThrow(/before the deadline/);
    await expect(
      decisions.launchWritten(
        database.db,
        as('CN'),
        d.id,
        { agreeBy: '2026-11-27 15:00', deadline },
        later(1),
      ),
    ).rejects.toThrow(/agreeBy/);
    const proposed = await decisions.launchWritten(
      database.db,
      as('CN'),
      d.id,
      { agreeBy, deadline },
      later(1),
    );
    expect(proposed.procedure).toMatchObject({ kind: 'written', stage: 'agreeing', awaiting: MEMBERS });
    const before = await logLength(d.id);
    await expect(
      decisions.statePosition(database.db, as('KZ'), d.id, { position: 'support' }, later(2)),
    ).rejects.toThrow(/not yet agreed/);
    await expect(
      decisions.answerWritten(database.db, as('KZ'), d.id, { agrees: false }, later(2)),
    ).rejects.toThrow(/reason/);
    await expect(
      decisions.answerWritten(database.db, as('KZ'), d.id, { agrees: true, state: 'RU' }, later(2)),
    ).rejects.toThrow(Forbidden);
    expect(await logLength(d.id)).toBe(before);
    for (const code of MEMBERS)
      await decisions.answerWritten(database.db, as(code), d.id, { agrees: true }, later(3));
    await decisions.statePosition(
      database.db,
      as('RU'),
      d.id,
      { position: 'reservation', text: 'On 2' },
      later(4),
    );
    const inWriting = await decisions.getDecision(database.db, officer, d.id, later(5));
    expect(inWriting.procedure).toMatchObject({ stage: 'in-writing', agreed: MEMBERS, awaiting: [] });
    await expect(decisions.closeDecision(database.db, officer, d.id, 'Now', later(5))).rejects.toThrow(
      Conflict,
    );
    const afterDeadline = new Date('2026-11-30T10:00:01Z');
    expect(await decisions.settleExpired(database.db, afterDeadline)).toBeGreaterThanOrEqual(1);
    expect((await repo.decisionById(database.db, d.id))?.status).toBe('adopted');
    const adopted = await decisions.getDecision(database.db, officer, d.id, afterDeadline);
    expect(adopted.reservations).toEqual([{ state: 'RU', text: 'On 2' }]);
    expect(adopted.notice).toMatch(/adopted under the written procedure/);

    const refused = await open();
    await decisions.launchWritten(database.db, officer, refused.id, { agreeBy, deadline }, later(1));
    const lapsed = await decisions.answerWritten(
      database.db,
      as('IN'),
      refused.id,
      { agrees: false, text: 'To be discussed at the meeting' },
      later(2),
    );
    expect(lapsed.procedure).toMatchObject({ stage: 'lapsed', refusedBy: 'IN' });
    const closed = await decisions.closeDecision(
      database.db,
      officer,
      refused.id,
      'Adopted at the meeting',
      later(3),
    );
    expect(closed.status).toBe('adopted');
    expect(closed.notice).toBeNull();
  });

  it('lists what awaits a delegation', async () => {
    const d = await open();
    const awaiting = await decisions.listDecisions(
      database.db,
      as('KZ'),
      { state: 'KZ', awaiting: true },
      later(1),
    );
    expect(awaiting.items.map((x) => x.id)).toContain(d.id);
    await decisions.statePosition(database.db, as('KZ'), d.id, { position: 'support' }, later(2));
    const after = await decisions.listDecisions(
      database.db,
      as('KZ'),
      { state: 'KZ', awaiting: true },
      later(3),
    );
    expect(after.items.map((x) => x.id)).not.toContain(d.id);
    // Pages and the total count only what awaits: the filter runs before the page is cut.
    await open();
    await open();
    const all = await decisions.listDecisions(
      database.db,
      as('KZ'),
      { state: 'KZ', awaiting: true, limit: 200 },
      later(3),
    );
    const page = await decisions.listDecisions(
      database.db,
      as('KZ'),
      { state: 'KZ', awaiting: true, limit: 1, offset: 1 },
      later(3),
    );
    expect(all.total).toBe(all.items.length);
    expect(page.total).toBe(all.total);
    expect(page.items.map((x) => x.id)).toEqual([all.items[1]?.id]);
    expect(all.items.every((x) => x.status === 'pending' && !('KZ' in x.positions))).toBe(true);
    await expect(
      decisions.listDecisions(database.db, as('KZ'), { awaiting: true }, later(3)),
    ).rejects.toThrow(/state/);
  });
});
