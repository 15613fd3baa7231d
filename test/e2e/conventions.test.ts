import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { delegationId } from '../../src/identity/organizations.service.ts';
import { makeUser } from '../helpers/identity-factory.ts';
import {
  type BrowserSession,
  LAPTOP,
  PHONE,
  seriousViolations,
  sidewaysOverflow,
  startBrowserSession,
} from './browser.ts';

/**
 * The Conventions' pages in a real browser. The public opens the matrix (status in words, no laws);
 * Kazakhstan's head of delegation opens the Convention on Countering Extremism's cell for
 * Kazakhstan, adds a law with the keyboard-reachable form and sees the matrix count it. Axe and
 * sideways overflow are checked at 1280 and 390 px (where the table scrolls in its own frame with
 * the state column kept in view); screenshots go to /tmp/sco-conventions-*.png.
 */

let session: BrowserSession;
let delegate: { username: string; password: string };

beforeAll(async () => {
  session = await startBrowserSession();
  delegate = await makeUser(session.server.database.db, {
    roles: ['head-of-delegation'],
    organizationId: delegationId('KZ'),
  });
}, 60_000);
afterAll(() => session?.close());

async function signedIn(viewport = LAPTOP): Promise<{ context: BrowserContext; page: Page }> {
  return session.signIn(delegate, { viewport });
}

const kazakhstanExtremism = (page: Page) =>
  page
    .getByRole('row', { name: /Kazakhstan/ })
    .getByRole('cell')
    .nth(3);

describe('the Conventions pages', () => {
  it('show the public matrix with statuses in words, accessible at 1280 and 390 px', async () => {
    const { context, page } = await session.visitor(LAPTOP);
    await session.open(page, '/conventions?at=2020-01-01');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Conventions');
    const table = page.getByRole('table');
    await expect(
      table.getByRole('columnheader', { name: 'Convention on Countering Extremism (2017)' }).count(),
    ).resolves.toBe(1);
    expect(await kazakhstanExtremism(page).textContent()).toMatch(/In force · 12 Oct(ober)? 2019/);
    expect(await page.getByRole('row', { name: /India/ }).getByRole('cell').nth(3).textContent()).toMatch(
      /Not signed/,
    );
    await expect(page.getByText('Sign in to see national implementing laws').count()).resolves.toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: '/tmp/sco-conventions-matrix.png', fullPage: true });
    await context.close();

    const phone = await session.visitor(PHONE);
    await session.open(phone.page, '/conventions?at=2020-01-01');
    expect(await sidewaysOverflow(phone.page)).toBeLessThanOrEqual(0);
    const frame = phone.page.getByRole('region', { name: /Member states by instrument/ });
    await frame.focus();
    await phone.page.keyboard.press('End');
    await frame.evaluate((el) => {
      el.scrollLeft = el.scrollWidth;
    });
    // The state column stays in view while the table scrolls.
    const box = await phone.page.getByRole('rowheader', { name: 'Kazakhstan' }).boundingBox();
    expect(box?.x ?? -1).toBeGreaterThanOrEqual(0);
    expect(box?.x ?? 999).toBeLessThan(40);
    expect(await seriousViolations(phone.page)).toEqual([]);
    await phone.page.screenshot({ path: '/tmp/sco-conventions-phone.png', fullPage: true });
    await phone.context.close();
  });

  it('lets a delegation add a law from the cell page, counted in the matrix', async () => {
    const { context, page } = await signedIn();
    await session.open(page, '/conventions');
    expect(await kazakhstanExtremism(page).textContent()).toMatch(/0 laws/);
    await kazakhstanExtremism(page).getByRole('link').click();
    await page
      .getByRole('heading', { level: 1, name: /Kazakhstan · Convention on Countering Extremism/ })
      .waitFor();
    await page.getByText('Ratification ·').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page
      .getByRole('textbox', { name: 'Title in the original language' })
      .fill('Закон о противодействии экстремизму');
    await page.getByLabel('Adopted on').fill('2020-03-01');
    await page.getByRole('textbox', { name: 'Link (optional)' }).fill('https://adilet.zan.kz/example');
    await page.getByRole('button', { name: 'Add the law' }).press('Enter');
    await page.getByText('Закон о противодействии экстремизму', { exact: true }).waitFor();
    await page.getByText('No law recorded.').waitFor({ state: 'detached' });
    await page.screenshot({ path: '/tmp/sco-conventions-cell.png', fullPage: true });

    await page.getByRole('link', { name: 'Conventions' }).first().click();
    await page.getByRole('table').waitFor();
    await expect.poll(() => kazakhstanExtremism(page).textContent()).toMatch(/1 law\b/);
    await context.close();
  });
});
