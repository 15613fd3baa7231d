import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { delegationId } from '../../src/identity/organizations.service.ts';
import { saveObject } from '../../src/intel/stix.service.ts';
import { actorFor, makeUser } from '../helpers/identity-factory.ts';
import { type BrowserSession, LAPTOP, PHONE, seriousViolations, startBrowserSession } from './browser.ts';

/**
 * The registry of partner centers in a real browser. The server starts with the three reference
 * partners; a RATS analyst has shared a GREEN and an AMBER object with the CIS Anti-Terrorism
 * Center, which sent one GREEN object back. A delegate finds "Partners" in the navigation and
 * the list; an administrator adds an agreement (a date in the future refused on its field first)
 * and a TAXII endpoint with a password, and sees both listed, the password nowhere on the page;
 * a partner center's analyst sees only its own entry and no "Partners" entry in the navigation.
 * Axe and sideways overflow are checked at 1280 and 390 px; screenshots go to /tmp/sco-partners-*.png.
 */

type User = { username: string; password: string };
const SECRET = 'Open-Sesame-2026!';

let session: BrowserSession;
let admin: User;
let delegate: User;
let partner: User;

beforeAll(async () => {
  session = await startBrowserSession();
  const { database } = session.server;
  const db = database.db;
  admin = await makeUser(db, { roles: ['admin'], organizationId: 'secretariat', username: 'sec.admin' });
  delegate = await makeUser(db, {
    roles: ['delegate'],
    organizationId: delegationId('KZ'),
    username: 'kz.del',
  });
  partner = await makeUser(db, { roles: ['analyst'], organizationId: 'cis-atc', username: 'cis.analyst' });
  const rats = await makeUser(db, { roles: ['analyst'], organizationId: 'rats-executive-committee' });
  const ratsActor = await actorFor(db, rats.id);
  const cisActor = await actorFor(
    db,
    (await makeUser(db, { roles: ['analyst'], organizationId: 'cis-atc' })).id,
  );
  const now = new Date();
  const save = (actor: typeof ratsActor, name: string, tlp: string, recipientOrgs: string[] = []) =>
    saveObject(database, actor, { object: { type: 'threat-actor', name }, tlp, recipientOrgs }, now);
  await save(ratsActor, 'Shared Green Front', 'green');
  await save(ratsActor, 'Amber Steppe Cell', 'amber', ['cis-atc', delegationId('KZ')]);
  await save(cisActor, 'Northern Relay Group', 'green');
}, 120_000);

afterAll(async () => {
  await session?.close();
});

async function signedIn(user: User, viewport = LAPTOP): Promise<{ context: BrowserContext; page: Page }> {
  return session.signIn(user, { viewport });
}

async function checkPage(page: Page, name: string) {
  const violations = await seriousViolations(page);
  expect(violations, `${name}: ${JSON.stringify(violations)}`).toEqual([]);
  // The page's content; the header's navigation is shared by every page (see the report).
  const overflow = await page.evaluate(
    () =>
      (document.querySelector('main')?.scrollWidth ?? 0) - (document.querySelector('main')?.clientWidth ?? 0),
  );
  expect(overflow, `${name}: sideways overflow`).toBeLessThanOrEqual(0);
  const width = page.viewportSize()?.width ?? 0;
  await page.screenshot({ path: `/tmp/sco-partners-${name}-${width}.png`, fullPage: true });
}

const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Main navigation' });

describe('the partner registry in the browser', () => {
  it('shows a delegate the partners, with what is shared with each and what came from it', async () => {
    for (const viewport of [LAPTOP, PHONE]) {
      const { context, page } = await signedIn(delegate, viewport);
      await session.open(page, '/partners');
      if (viewport === LAPTOP) {
        await mainNav(page).getByRole('link', { name: 'Partners' }).waitFor();
      }
      const rows = page.getByRole('table').getByRole('row');
      await expect.poll(() => rows.count()).toBe(4);
      await expect
        .poll(() => page.getByRole('rowheader').allTextContents())
        .toEqual([
          'CIS Anti-Terrorism Center',
          'Collective Security Treaty Organization (CSTO)',
          'UN Counter-Terrorism Committee Executive Directorate (CTED)',
        ]);
      await checkPage(page, 'list');

      await page.getByRole('link', { name: 'CIS Anti-Terrorism Center' }).click();
      await page.getByRole('heading', { name: 'Shared with this partner' }).waitFor();
      const shared = page.getByRole('region', { name: 'Shared with this partner' });
      await shared.getByText('3 objects in all').waitFor();
      await shared.getByRole('link', { name: 'Amber Steppe Cell' }).waitFor();
      const received = page.getByRole('region', { name: 'Received from this partner' });
      await received.getByRole('link', { name: 'Northern Relay Group' }).waitFor();
      expect(await page.getByRole('button', { name: 'Add an agreement' }).count()).toBe(0);
      await checkPage(page, 'cis-atc');
      await context.close();
    }
  }, 120_000);

  it('lets an administrator add an agreement and an endpoint, and lists them', async () => {
    const { context, page } = await signedIn(admin);
    await session.open(page, '/partners/csto');

    // The keyboard opens the form.
    await page.getByRole('button', { name: 'Add an agreement' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Add an agreement' });
    await dialog.getByRole('textbox', { name: 'Title' }).fill('Memorandum of understanding on exchange');
    await dialog.getByRole('textbox', { name: 'Signed on' }).fill('2999-01-01');
    await dialog.getByRole('textbox', { name: 'Scope' }).fill('Exchange of GREEN analytical reports');
    await dialog.getByRole('button', { name: 'Save' }).click();
    const signedOn = dialog.getByRole('textbox', { name: 'Signed on' });
    await expect.poll(() => signedOn.getAttribute('aria-invalid')).toBe('true');
    await dialog.getByText(/must not be in the future/).waitFor();
    expect(await seriousViolations(page), 'the agreement form with a refused date').toEqual([]);
    await signedOn.fill('2024-10-15');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    const agreements = page.getByRole('list', { name: 'Agreements' });
    await agreements.getByText('Memorandum of understanding on exchange').waitFor();

    await page.getByRole('button', { name: 'Add an endpoint' }).click();
    const form = page.getByRole('dialog', { name: 'Add an endpoint' });
    await form.getByRole('textbox', { name: 'API root (URL)' }).fill('https://taxii.csto.example/api1');
    await form.getByRole('textbox', { name: 'Collection id' }).fill('reports');
    await form.getByRole('combobox', { name: 'Direction' }).selectOption('both');
    await form.getByRole('combobox', { name: 'Authentication' }).selectOption('basic');
    await form.getByRole('textbox', { name: 'User name' }).fill('rats-exchange');
    await form.getByLabel('Password or token').fill(SECRET);
    await form.getByRole('textbox', { name: 'Pull every (minutes)' }).fill('60');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.waitFor({ state: 'detached' });
    const endpoints = page.getByRole('list', { name: 'TAXII endpoints' });
    await endpoints.getByText('https://taxii.csto.example/api1/').waitFor();
    await endpoints.getByText(/secret held/).waitFor();
    await endpoints.getByText('Every 60 min').waitFor();
    await endpoints.getByText('Never pulled').waitFor();
    expect(await page.content()).not.toContain(SECRET);
    await checkPage(page, 'csto-admin');

    await session.open(page, '/partners');
    const row = page.getByRole('row', { name: /Collective Security Treaty Organization/ });
    await row.getByText('Pull and push: Never pulled').waitFor();
    await context.close();
  }, 120_000);

  it("shows a partner center's analyst its own entry only", async () => {
    const { context, page } = await signedIn(partner);
    await session.open(page, '/partners');
    expect(await mainNav(page).getByRole('link', { name: 'Partners' }).count()).toBe(0);
    await expect
      .poll(() => page.getByRole('rowheader').allTextContents())
      .toEqual(['CIS Anti-Terrorism Center']);
    await session.open(page, '/partners/csto');
    await page.getByRole('heading', { name: /not found/i }).waitFor();
    await context.close();
  }, 120_000);
});
