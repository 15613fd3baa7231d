import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/identity/policy.rules.ts';
import { addIncident } from '../../src/publications/bulletins.fixtures.ts';
import { buildBulletin, publishBulletin } from '../../src/publications/bulletins.service.ts';
import { actorFor, makeUser } from '../helpers/identity-factory.ts';
import {
  type BrowserSession,
  PHONE,
  seriousViolations,
  sidewaysOverflow,
  startBrowserSession,
} from './browser.ts';

/**
 * Bulletins in a real browser. A RATS analyst builds a bulletin in the builder over an AMBER and a
 * GREEN incident, sees its live preview marked TLP:AMBER, builds it, downloads its PDF, finds
 * Kazakhstan's delegation refused in the recipient picker (with the part it may not read) and
 * sends it to the Secretariat. Signed out, the public portal lists a published TLP:CLEAR
 * bulletin. Axe and sideways overflow are checked, at 390 px too; screenshots go to
 * /tmp/sco-bulletins-*.png.
 */

let session: BrowserSession;
let analyst: { username: string; password: string };
let analystActor: Actor;
let amberId: string;

async function signIn(page: Page, user: { username: string; password: string }) {
  page.setDefaultTimeout(20_000);
  await page.goto(session.url('/signin'));
  await page.getByRole('textbox', { name: 'Username' }).fill(user.username);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL(/\/me$/);
}

beforeAll(async () => {
  session = await startBrowserSession();
  const { database } = session.server;
  const user = await makeUser(database.db, {
    roles: ['analyst'],
    organizationId: 'rats-executive-committee',
    username: 'bulletin.analyst',
  });
  analyst = user;
  analystActor = await actorFor(database.db, user.id);
  amberId = await addIncident(database, analystActor, {
    name: 'Amber incident',
    date: '2024-05-14',
    country: 'KZ',
    city: 'Almaty',
    killed: 9,
    wounded: 20,
    tlp: 'amber',
    recipientOrgs: ['secretariat'],
  });
  await addIncident(database, analystActor, {
    name: 'Green incident',
    date: '2024-09-02',
    country: 'KG',
    city: 'Osh',
    killed: 2,
    tlp: 'green',
  });
}, 120_000);
afterAll(() => session.close());

describe('bulletins', () => {
  it('builds a bulletin in the builder with a live preview, downloads its PDF and sends it where allowed', async () => {
    const { context, page } = await session.visitor();
    await signIn(page, analyst);
    await session.open(page, '/bulletins');
    await page.getByRole('link', { name: 'New bulletin' }).click();
    await page.getByRole('heading', { level: 1, name: 'New bulletin' }).waitFor();
    await page.getByRole('textbox', { name: 'Title' }).fill('Central Asia, 2024');
    await page.getByLabel('From').fill('2024-01-01');
    await page.getByLabel('To (included)').fill('2024-12-31');
    const preview = page.frameLocator('iframe[title="Preview of the bulletin"]');
    await expect
      .poll(() => preview.locator('h1').textContent(), { timeout: 15_000 })
      .toBe('Central Asia, 2024');
    expect(await preview.locator('.marking.top').textContent()).toContain('TLP:AMBER');
    expect(await preview.locator('svg').count()).toBeGreaterThanOrEqual(2);
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'will be marked' }).textContent())
      .toContain('TLP:AMBER');
    await page.screenshot({ path: '/tmp/sco-bulletins-builder.png', fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Build bulletin' }).click();
    await page.getByRole('heading', { level: 1, name: 'Central Asia, 2024' }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download PDF' }).click(),
    ]);
    const file = await download.path();
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    expect(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })).toContain('TLP:AMBER');

    const kazakhstan = page.getByRole('checkbox', { name: /Kazakhstan/ });
    await kazakhstan.waitFor();
    expect(await kazakhstan.isDisabled()).toBe(true);
    const refusal = page
      .getByText(`may not read incident ${amberId.replace(/^incident--/, '')} (TLP:AMBER)`)
      .first();
    await refusal.waitFor();
    await page.getByRole('checkbox', { name: 'SCO Secretariat' }).check();
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Sent.' }).waitFor();
    await page.getByRole('cell', { name: 'SCO Secretariat' }).waitFor();
    expect(await page.getByRole('button', { name: 'Publish on the portal' }).isDisabled()).toBe(true);
    await page.screenshot({ path: '/tmp/sco-bulletins-page.png', fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);

    // A delegation not allowed to read the AMBER part cannot be sent it through the API either.
    const refused = await page.evaluate(async (id) => {
      const me = await (await fetch('/api/auth/me')).json();
      const r = await fetch(`/api/bulletins/${encodeURIComponent(id)}/send`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: JSON.stringify({ organizations: ['delegation-kz'] }),
      });
      return r.status;
    }, page.url().split('/').pop() ?? '');
    expect(refused).toBe(403);
    await context.close();
  }, 120_000);

  it('works at 390 px', async () => {
    const { context, page } = await session.visitor(PHONE);
    await signIn(page, analyst);
    await session.open(page, '/bulletins/new');
    await page.getByRole('textbox', { name: 'Title' }).fill('Phone bulletin');
    await page.getByLabel('From').fill('2024-01-01');
    await page.getByLabel('To (included)').fill('2024-12-31');
    await page.frameLocator('iframe[title="Preview of the bulletin"]').locator('h1').waitFor();
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await session.open(page, '/bulletins');
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: '/tmp/sco-bulletins-phone.png', fullPage: true });
    await context.close();
  }, 120_000);

  it('shows published TLP:CLEAR bulletins on the public portal, signed out', async () => {
    const { database } = session.server;
    await addIncident(database, analystActor, {
      name: 'Clear',
      date: '2024-02-02',
      country: 'TJ',
      killed: 1,
      tlp: 'clear',
    });
    const clear = await buildBulletin(
      database,
      analystActor,
      {
        title: 'Tajikistan 2024',
        language: 'en',
        from: '2024-01-01',
        to: '2024-12-31',
        states: ['TJ'],
        sections: ['overview', 'incidents'],
      },
      new Date(),
    );
    await publishBulletin(database, analystActor, clear.id, new Date());
    const { context, page } = await session.visitor();
    await session.open(page, '/bulletins');
    await page.getByRole('link', { name: 'Tajikistan 2024' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tajikistan 2024' }).waitFor();
    const href = await page.getByRole('link', { name: 'Download PDF' }).getAttribute('href');
    expect(href).toBe(`/api/bulletins/public/${encodeURIComponent(clear.id)}.pdf`);
    const pdf = await page.request.get(session.url(href ?? ''));
    expect(pdf.status()).toBe(200);
    expect(await page.getByText('Central Asia, 2024').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  }, 120_000);
});
