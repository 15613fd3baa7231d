import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDecision } from '../../src/council/decisions.service.ts';
import { createToken } from '../../src/identity/auth.service.ts';
import { delegationId } from '../../src/identity/organizations.service.ts';
import { actorFor, makeUser, SYSTEM } from '../helpers/identity-factory.ts';
import {
  type BrowserSession,
  LAPTOP,
  PHONE,
  seriousViolations,
  sidewaysOverflow,
  startBrowserSession,
} from './browser.ts';

/**
 * The Council's live board in real browsers: the heads of delegation of Kazakhstan and Russia and
 * the chair (China's head of delegation) each in their own browser. Kazakhstan objects and
 * Russia's open board shows it without a reload; Kazakhstan withdraws, the chair closes with a
 * ruling and every board reads adopted. The chair launches a silence procedure with a deadline in
 * a chosen time zone, and proposes the written procedure, which every state agrees to use.
 * Axe checks the board, the list and the delegation's page; screenshots at laptop and phone widths
 * go to /tmp/sco-council-*.png.
 */

type User = { username: string; password: string };

let session: BrowserSession;
let server: BrowserSession['server'];
let kz: User;
let ru: User;
let chair: User;

beforeAll(async () => {
  session = await startBrowserSession();
  server = session.server;
  const db = server.database.db;
  const head = (state: string) =>
    makeUser(db, {
      roles: ['head-of-delegation'],
      organizationId: delegationId(state),
      username: `${state.toLowerCase()}.head`,
    });
  kz = await head('KZ');
  ru = await head('RU');
  chair = await head('CN');
});

afterAll(async () => {
  await session?.close();
});

const url = (path: string) => session.url(path);

/** Opens a decision as the Secretariat would: consensus in the Council of Heads of State, China chairing. */
async function decision(title: string) {
  return openDecision(
    server.database.db,
    SYSTEM,
    { bodyId: 'chs', title: { en: title, ru: `${title} (ru)` }, rule: 'consensus', chairState: 'CN' },
    new Date(),
  );
}

/** A browser of its own for one user, signed in through the sign-in page. */
async function signedIn(
  user: User,
  viewport = LAPTOP,
  timezoneId = 'Europe/Moscow',
): Promise<{ context: BrowserContext; page: Page }> {
  return session.signIn(user, { viewport, timezoneId });
}

const open = (page: Page, path: string) => session.open(page, path, 'load');

/** Opens a decision's board and waits until it follows the decision live. */
async function openBoard(page: Page, id: string): Promise<void> {
  await open(page, `/council/decisions/${id}`);
  await page
    .getByRole('status')
    .filter({ hasText: /^Live$/ })
    .waitFor();
  // A mark that a reload would wipe out: the updates must come without one.
  await page.evaluate(() => {
    (window as unknown as { boardMark: number }).boardMark = 1;
  });
}

async function notReloaded(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as unknown as { boardMark?: number }).boardMark === 1);
}

/** The card of one member state on the board. */
const stateCard = (page: Page, name: string) =>
  page
    .getByRole('region', { name: 'Member states' })
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { level: 3, name, exact: true }) });

describe('the Council live board', () => {
  it('shows an objection on the other boards without reload, then the withdrawal and the chair’s close', async () => {
    const d = await decision('Joint statement');
    const kzBrowser = await signedIn(kz);
    const ruBrowser = await signedIn(ru);
    const chairBrowser = await signedIn(chair);
    const [kzPage, ruPage, chairPage] = [kzBrowser.page, ruBrowser.page, chairBrowser.page];
    try {
      await openBoard(ruPage, d.id);
      await openBoard(chairPage, d.id);
      await openBoard(kzPage, d.id);
      await ruPage.getByRole('heading', { level: 1, name: 'Joint statement' }).waitFor();
      await expect(stateCard(ruPage, 'Kazakhstan').textContent()).resolves.toContain('No position yet');
      expect(await seriousViolations(chairPage), 'the board of the chair').toEqual([]);

      // Kazakhstan objects: a reason is required.
      await kzPage.getByRole('radio', { name: 'Formal objection' }).check();
      await kzPage.getByRole('button', { name: 'State the position' }).click();
      await kzPage.getByText('Required').first().waitFor();
      expect(await seriousViolations(kzPage), 'the position form with an error').toEqual([]);
      const reason = 'Paragraph 4 prejudges the boundary talks.';
      await kzPage.getByRole('textbox', { name: 'Reason for the objection' }).fill(reason);
      await kzPage.getByRole('button', { name: 'State the position' }).click();
      await kzPage.getByRole('status').filter({ hasText: 'Position of Kazakhstan recorded' }).waitFor();

      // Russia's open board shows the objection and its reason, without a reload.
      await stateCard(ruPage, 'Kazakhstan').getByText('Formal objection').waitFor();
      await stateCard(ruPage, 'Kazakhstan').getByText(reason).waitFor();
      const objections = ruPage.getByRole('region', { name: 'Objections, reservations and statements' });
      await objections.getByText(reason).waitFor();
      await ruPage
        .getByRole('region', { name: 'History' })
        .getByText('Kazakhstan: Formal objection')
        .waitFor();
      expect(await notReloaded(ruPage)).toBe(true);
      await stateCard(chairPage, 'Kazakhstan').getByText('Formal objection').waitFor();

      // Russia has no objection to withdraw; Kazakhstan has.
      await expect(ruPage.getByRole('button', { name: 'Withdraw objection' }).count()).resolves.toBe(0);
      await kzPage.getByRole('button', { name: 'Withdraw objection' }).click();
      await kzPage
        .getByRole('status')
        .filter({ hasText: 'The objection of Kazakhstan is withdrawn' })
        .waitFor();
      await stateCard(ruPage, 'Kazakhstan').getByText('No objection').waitFor();
      await objections.getByText(reason).waitFor({ state: 'detached' });

      // The chair closes with a ruling, after confirming; every board reads adopted.
      await expect(ruPage.getByRole('button', { name: 'Close', exact: true }).count()).resolves.toBe(0);
      await chairPage
        .getByRole('textbox', { name: 'The chair’s ruling' })
        .fill('Consensus reached: no formal objection stands.');
      await chairPage.getByRole('button', { name: 'Close', exact: true }).click();
      const dialog = chairPage.getByRole('dialog', { name: 'Close this decision?' });
      expect(await seriousViolations(chairPage), 'the close dialog').toEqual([]);
      await dialog.getByRole('button', { name: 'Close the decision' }).click();
      for (const page of [chairPage, ruPage, kzPage]) {
        const outcome = page.getByRole('region', { name: 'Where it stands' });
        await outcome.getByText('Adopted', { exact: true }).waitFor();
        await outcome.getByText('Consensus reached: no formal objection stands.').waitFor();
        await page
          .getByRole('status')
          .filter({ hasText: /^Final$/ })
          .waitFor();
        await expect(page.getByRole('button', { name: 'State the position' }).count()).resolves.toBe(0);
      }
      expect(await notReloaded(ruPage)).toBe(true);
      expect(await notReloaded(kzPage)).toBe(true);
      expect(await seriousViolations(ruPage), 'the board once adopted').toEqual([]);
    } finally {
      await kzBrowser.context.close();
      await ruBrowser.context.close();
      await chairBrowser.context.close();
    }
  }, 120_000);

  it('launches the silence procedure with a deadline in a chosen time zone, which an objection breaks', async () => {
    const d = await decision('Communiqué on transport corridors');
    const chairBrowser = await signedIn(chair, LAPTOP, 'Europe/Moscow');
    const ruBrowser = await signedIn(ru);
    try {
      const page = chairBrowser.page;
      await openBoard(page, d.id);
      await openBoard(ruBrowser.page, d.id);
      const year = new Date().getUTCFullYear() + 1;
      await page.getByRole('textbox', { name: 'Deadline' }).fill(`${year}-03-02T18:00`);
      await page.getByRole('combobox', { name: 'Time zone', exact: true }).fill('Shanghai');
      await page.getByRole('option', { name: /^Asia\/Shanghai/ }).click();
      await page.getByText(`Sent as ${year}-03-02T18:00:00+08:00`).waitFor();
      await page.getByRole('button', { name: 'Launch silence procedure' }).click();

      // Both boards count down to 18:00 in Shanghai: 13:00 in Moscow, 10:00 UTC.
      for (const board of [page, ruBrowser.page]) {
        const silence = board.getByRole('region', { name: 'Silence procedure' });
        await silence.getByRole('timer').waitFor();
        await expect(silence.textContent()).resolves.toMatch(
          /Your time \(Europe\/Moscow\).*13:00.*UTC.*10:00/,
        );
      }
      const stored = await page.evaluate(
        async (id) =>
          (await (await fetch(`/api/decisions/${id}`)).json()) as { history: { deadline?: string }[] },
        d.id,
      );
      expect(stored.history.at(-1)?.deadline).toBe(`${year}-03-02T10:00:00.000Z`);
      expect(await seriousViolations(ruBrowser.page), 'the board under silence').toEqual([]);
      // While silence holds, the chair cannot close.
      await page.getByText(/The silence procedure runs until/).waitFor();
      await expect(page.getByRole('button', { name: 'Close', exact: true }).count()).resolves.toBe(0);
      await page.screenshot({ path: '/tmp/sco-council-silence-1280.png', fullPage: true });

      // Russia objects: silence is broken, on the chair's board too.
      const ruPage = ruBrowser.page;
      await ruPage.getByRole('radio', { name: 'Formal objection' }).check();
      await ruPage.getByText('A formal objection breaks the silence procedure').waitFor();
      await ruPage
        .getByRole('textbox', { name: 'Reason for the objection' })
        .fill('Not consulted on annex 2.');
      await ruPage.getByRole('button', { name: 'State the position' }).click();
      await page.getByText(/Silence was broken by Russia \(formal objection\)/).waitFor();
      expect(await notReloaded(page)).toBe(true);
    } finally {
      await chairBrowser.context.close();
      await ruBrowser.context.close();
    }
  }, 120_000);

  it('takes the written procedure: the chair proposes it, every state agrees, then positions in writing', async () => {
    const d = await decision('Decision on the written consultations');
    const chairBrowser = await signedIn(chair);
    const kzBrowser = await signedIn(kz);
    const ruPhone = await signedIn(ru, PHONE);
    const [page, kzPage, ruPage] = [chairBrowser.page, kzBrowser.page, ruPhone.page];
    try {
      await openBoard(page, d.id);
      await openBoard(kzPage, d.id);
      await openBoard(ruPage, d.id);

      // The chair proposes it: agreement by 18:00 in Shanghai, positions a week later.
      const year = new Date().getUTCFullYear() + 1;
      await page.getByRole('textbox', { name: 'Agreement to its use by' }).fill(`${year}-03-02T18:00`);
      await page.getByRole('textbox', { name: 'Positions in writing until' }).fill(`${year}-03-09T18:00`);
      await page.getByRole('combobox', { name: 'Time zone of both times' }).fill('Shanghai');
      await page.getByRole('option', { name: /^Asia\/Shanghai/ }).click();
      await page.getByText(`sent as ${year}-03-02T18:00:00+08:00`).waitFor();
      await page.getByText(`sent as ${year}-03-09T18:00:00+08:00`).waitFor();
      await page.getByRole('button', { name: 'Propose the written procedure' }).click();

      // Every board shows the first stage, its countdown and both times in Moscow and in UTC.
      for (const board of [page, kzPage, ruPage]) {
        const written = board.getByRole('region', { name: 'Written procedure' });
        await written.getByText('Stage 1 of 2: agreeing to use it').waitFor();
        await written.getByRole('timer').waitFor();
        await expect(written.textContent()).resolves.toMatch(
          /Agreement to its use by.*13:00, your time \(Europe\/Moscow\).*10:00 UTC.*Positions in writing until.*13:00, your time.*10:00 UTC/,
        );
      }
      expect(await notReloaded(kzPage)).toBe(true);
      await page.getByText(/The member states are agreeing to use the written procedure until/).waitFor();
      await expect(page.getByRole('button', { name: 'Close', exact: true }).count()).resolves.toBe(0);

      // No position on the substance yet; a refusal needs its reason.
      await kzPage
        .getByText('Positions on the substance are taken once every member state has agreed')
        .waitFor();
      await expect(kzPage.getByRole('button', { name: 'State the position' }).count()).resolves.toBe(0);
      await kzPage.getByRole('button', { name: 'Refuse', exact: true }).click();
      await kzPage.getByRole('button', { name: 'Refuse the written procedure' }).click();
      await kzPage.getByText('Required').waitFor();
      expect(await seriousViolations(kzPage), 'the refusal without its reason').toEqual([]);
      await kzPage.getByRole('button', { name: 'Cancel' }).click();
      expect(await seriousViolations(ruPage), 'the written procedure on a phone').toEqual([]);
      expect(await sidewaysOverflow(ruPage), 'agreeing, at 390px').toBeLessThanOrEqual(0);
      await ruPage.screenshot({ path: '/tmp/sco-council-written-agreeing-390.png', fullPage: true });

      // Kazakhstan agrees in its browser; the chair's board shows it without a reload.
      await kzPage.getByRole('button', { name: 'Agree to the written procedure' }).click();
      await kzPage
        .getByRole('status')
        .filter({ hasText: 'Kazakhstan has agreed to the written procedure' })
        .waitFor();
      const chairPanel = page.getByRole('region', { name: 'Written procedure' });
      await chairPanel.getByText('Agreed (1 of 10)').waitFor();
      await stateCard(page, 'Kazakhstan').getByText('Agreed to the written procedure').waitFor();
      await expect(chairPanel.textContent()).resolves.toMatch(/Awaiting an answer.*Russia/);
      await page.screenshot({ path: '/tmp/sco-council-written-agreeing-1280.png', fullPage: true });

      // The other states agree over the API, each with its delegation's token.
      const db = server.database.db;
      for (const state of ['BY', 'CN', 'IN', 'IR', 'KG', 'PK', 'RU', 'TJ', 'UZ']) {
        const user = await makeUser(db, {
          roles: ['head-of-delegation'],
          organizationId: delegationId(state),
        });
        const { token } = await createToken(
          db,
          await actorFor(db, user.id),
          { name: 'written procedure', roles: ['head-of-delegation'], expiresInDays: 1 },
          new Date(),
        );
        const answer = await fetch(url(`/api/decisions/${d.id}/written/answer`), {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ agrees: true }),
        });
        expect(answer.status, state).toBe(200);
      }

      // Every board moves to positions in writing by itself; the position form comes back.
      for (const board of [page, kzPage, ruPage]) {
        const written = board.getByRole('region', { name: 'Written procedure' });
        await written.getByText('Stage 2 of 2: positions in writing').waitFor();
        await written.getByText('Time left for positions in writing').waitFor();
        expect(await notReloaded(board)).toBe(true);
      }
      await page
        .getByText(/^Positions are given in writing until .*: the decision ends by itself then/)
        .waitFor();
      await kzPage.getByText(/In writing until .*: the position standing then counts/).waitFor();
      await kzPage.getByRole('button', { name: 'State the position' }).waitFor();
      await ruPage
        .getByRole('region', { name: 'History' })
        .getByText('Russia agreed to the written procedure')
        .waitFor();
      expect(await seriousViolations(page), 'the chair’s board in writing').toEqual([]);
      expect(await seriousViolations(kzPage), 'the delegation’s board in writing').toEqual([]);
      expect(await sidewaysOverflow(page), 'in writing, at 1280px').toBeLessThanOrEqual(0);
      expect(await sidewaysOverflow(ruPage), 'in writing, at 390px').toBeLessThanOrEqual(0);
      await kzPage.screenshot({ path: '/tmp/sco-council-written-1280.png', fullPage: true });
      await ruPage.screenshot({ path: '/tmp/sco-council-written-390.png', fullPage: true });
    } finally {
      await chairBrowser.context.close();
      await kzBrowser.context.close();
      await ruPhone.context.close();
    }
  }, 120_000);

  it('shows the API’s refusal next to the form', async () => {
    const d = await decision('Declaration on water');
    const kzBrowser = await signedIn(kz);
    const chairBrowser = await signedIn(chair);
    try {
      // Kazakhstan's board is cut off from the live stream, so it does not learn of the close.
      const page = kzBrowser.page;
      await page.route('**/stream', (route) => route.abort());
      await open(page, `/council/decisions/${d.id}`);
      await page
        .getByRole('status')
        .filter({ hasText: /^Reconnecting…$/ })
        .waitFor();

      await openBoard(chairBrowser.page, d.id);
      await chairBrowser.page
        .getByRole('textbox', { name: 'The chair’s ruling' })
        .fill('Closed for lack of time.');
      await chairBrowser.page.getByRole('button', { name: 'Close', exact: true }).click();
      await chairBrowser.page.getByRole('dialog').getByRole('button', { name: 'Close the decision' }).click();
      await chairBrowser.page
        .getByRole('status')
        .filter({ hasText: /^Final$/ })
        .waitFor();

      await page.getByRole('radio', { name: 'Support' }).check();
      await page.getByRole('button', { name: 'State the position' }).click();
      await page.getByRole('alert').filter({ hasText: 'Not recorded: the decision is closed' }).waitFor();
      expect(await seriousViolations(page), 'the position form with a refusal').toEqual([]);
    } finally {
      await kzBrowser.context.close();
      await chairBrowser.context.close();
    }
  }, 60_000);

  it('lists the decisions and what awaits a delegation, without serious axe violations', async () => {
    const pending = await decision('Programme of cooperation 2027–2031');
    const { context, page } = await signedIn(ru);
    try {
      await open(page, '/council/decisions');
      await page.getByRole('heading', { level: 1, name: 'Council decisions' }).waitFor();
      const row = page.getByRole('row', { name: /Programme of cooperation 2027–2031/ });
      await expect(row.textContent()).resolves.toMatch(/Consensus.*Pending.*0 of 10/);
      expect(await seriousViolations(page), '/council/decisions').toEqual([]);
      await page.getByRole('radiogroup', { name: 'Status' }).getByText('Adopted', { exact: true }).click();
      await page.waitForURL(/status=adopted/);
      await page.getByRole('row', { name: /Programme of cooperation/ }).waitFor({ state: 'detached' });
      await page.getByRole('row', { name: /Joint statement/ }).waitFor();

      await open(page, '/council/delegation');
      await page.getByRole('heading', { level: 1, name: 'Awaiting our position' }).waitFor();
      const card = page.getByRole('listitem').filter({ hasText: 'Programme of cooperation 2027–2031' });
      await card.waitFor();
      expect(await seriousViolations(page), '/council/delegation').toEqual([]);
      await card
        .getByRole('link', { name: 'Open the board of “Programme of cooperation 2027–2031”' })
        .click();
      await page.waitForURL(new RegExp(`/council/decisions/${pending.id}$`));
      await page.getByRole('heading', { level: 1, name: 'Programme of cooperation 2027–2031' }).waitFor();
    } finally {
      await context.close();
    }
  }, 60_000);

  it('lays out the Council pages at laptop and phone widths without sideways scroll', async () => {
    const d = await decision('Statement on the anniversary of the Charter');
    // Some positions with texts, so that the board shows them all.
    const db = server.database.db;
    const { statePosition } = await import('../../src/council/decisions.service.ts');
    const { actorFor } = await import('../helpers/identity-factory.ts');
    const heads = await Promise.all(
      ['IN', 'PK', 'BY'].map((state) =>
        makeUser(db, { roles: ['head-of-delegation'], organizationId: delegationId(state) }),
      ),
    );
    const [india, pakistan, belarus] = await Promise.all(heads.map((user) => actorFor(db, user.id)));
    if (!india || !pakistan || !belarus) throw new Error('no actors');
    await statePosition(
      db,
      india,
      d.id,
      { position: 'reservation', text: 'India reserves its position on paragraph 7.' },
      new Date(),
    );
    await statePosition(
      db,
      pakistan,
      d.id,
      { position: 'statement', text: 'Pakistan recalls its statement of 2017.' },
      new Date(),
    );
    await statePosition(
      db,
      belarus,
      d.id,
      { position: 'objection', text: 'The text came too late to consult the capital.' },
      new Date(),
    );
    for (const [width, viewport] of [
      [1280, LAPTOP],
      [390, PHONE],
    ] as const) {
      for (const [who, user] of [
        ['delegation', kz],
        ['chair', chair],
      ] as const) {
        const { context, page } = await signedIn(user, viewport);
        try {
          await openBoard(page, d.id);
          expect(await sidewaysOverflow(page), `board (${who}) at ${width}px`).toBeLessThanOrEqual(0);
          await page.screenshot({ path: `/tmp/sco-council-board-${who}-${width}.png`, fullPage: true });
          if (who === 'delegation') {
            for (const [name, path] of [
              ['decisions', '/council/decisions'],
              ['delegation', '/council/delegation'],
            ] as const) {
              await open(page, path);
              expect(await sidewaysOverflow(page), `${name} at ${width}px`).toBeLessThanOrEqual(0);
              await page.screenshot({ path: `/tmp/sco-council-${name}-${width}.png`, fullPage: true });
            }
          }
        } finally {
          await context.close();
        }
      }
    }
  }, 180_000);
});
