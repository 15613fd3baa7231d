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
 * The measures pages in a real browser. A RATS analyst finds the first joint exercise (6-13
 * August 2003, Kazakhstan and Xinjiang) in the list, opens it, adds an indicator and two
 * measurements, and sees the chart move; a delegate of Kazakhstan reads the same page without
 * the forms; the public is asked to sign in. Axe and sideways overflow are checked at 1280 and
 * 390 px; screenshots go to /tmp/sco-measures-*.png.
 */

type User = { username: string; password: string };

let session: BrowserSession;
let analyst: User;
let delegate: User;

beforeAll(async () => {
  session = await startBrowserSession();
  const db = session.server.database.db;
  analyst = await makeUser(db, {
    roles: ['analyst'],
    organizationId: 'rats-executive-committee',
    username: 'm.analyst',
  });
  delegate = await makeUser(db, {
    roles: ['delegate'],
    organizationId: delegationId('KZ'),
    username: 'm.delegate',
  });
});

afterAll(async () => {
  await session?.close();
});

async function signedIn(user: User, viewport = LAPTOP): Promise<{ context: BrowserContext; page: Page }> {
  return session.signIn(user, { viewport });
}

async function checkPage(page: Page, name: string) {
  expect(await seriousViolations(page), name).toEqual([]);
  expect(await sidewaysOverflow(page), `${name}: sideways overflow`).toBeLessThanOrEqual(0);
  const width = page.viewportSize()?.width ?? 0;
  await page.screenshot({ path: `/tmp/sco-measures-${name}-${width}.png`, fullPage: true });
}

describe('the measures pages', () => {
  it('lets an analyst open the 2003 exercise, add an indicator and two measurements, and see the chart move', async () => {
    const { context, page } = await signedIn(analyst);
    try {
      await session.open(page, '/measures');
      await page
        .getByRole('navigation', { name: 'Main navigation' })
        .getByRole('link', { name: 'Measures' })
        .waitFor();
      const table = page.getByRole('table');
      const row = table.getByRole('row', { name: /First SCO joint command-post and live exercises/ });
      await row.getByText(/6\s*–\s*13 August 2003/).waitFor();
      await row.getByText(/Kazakhstan; China \(Xinjiang Uygur Autonomous Region\)/).waitFor();
      await checkPage(page, 'list');

      // Filtering by a state that did not host it leaves nothing.
      await page.getByRole('combobox', { name: 'State' }).selectOption('RU');
      await page.getByRole('button', { name: 'Apply' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: /^0 measures$/ })
        .waitFor();
      await page.getByRole('button', { name: 'Clear' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: /^1 measure$/ })
        .waitFor();

      await table.getByRole('link', { name: 'First SCO joint command-post and live exercises' }).click();
      await page
        .getByRole('heading', { level: 1, name: 'First SCO joint command-post and live exercises' })
        .waitFor();
      const about = page.getByRole('region', { name: 'About the measure' });
      await about.getByText(/6\s*–\s*13 August 2003/).waitFor();
      await about.getByText('Kazakhstan; China (Xinjiang Uygur Autonomous Region)').waitFor();
      await expect(about.getByText('unconfirmed').count()).resolves.toBeGreaterThan(0);
      await page.getByText('No indicator yet.').waitFor();

      const indicatorForm = page.getByRole('form', { name: 'Add an indicator' });
      await indicatorForm.getByRole('textbox', { name: 'Indicator' }).fill('Units deployed');
      await indicatorForm.getByRole('textbox', { name: 'Unit' }).fill('units');
      await indicatorForm.getByRole('textbox', { name: 'Target value' }).fill('10');
      await indicatorForm.getByRole('button', { name: 'Add indicator' }).click();
      const card = page.getByRole('article', { name: 'Units deployed' });
      await card.getByText('Nothing measured yet', { exact: false }).waitFor();

      const measurement = card.getByRole('form', { name: 'Add a measurement to Units deployed' });
      await measurement.getByLabel('Date measured').fill('2003-08-06');
      await measurement.getByRole('textbox', { name: 'Value' }).fill('4');
      await measurement.getByRole('button', { name: 'Add measurement' }).click();
      const chart = card.getByRole('img', {
        name: /^Units deployed: 1 measured value against a target of 10\./,
      });
      await chart.waitFor();
      await chart.locator('svg path').first().waitFor({ state: 'attached' });
      const before = await chart.innerHTML();

      await measurement.getByLabel('Date measured').fill('2003-08-13');
      await measurement.getByRole('textbox', { name: 'Value' }).fill('8');
      await measurement.getByRole('button', { name: 'Add measurement' }).click();
      const moved = card.getByRole('img', {
        name: /2 measured values against a target of 10\. Latest 8 on 13 August 2003\./,
      });
      await moved.waitFor();
      await expect.poll(() => moved.innerHTML()).not.toBe(before);
      await card.getByText('Rising').waitFor();
      await expect(card.getByRole('row').count()).resolves.toBe(3);
      await checkPage(page, 'exercise');

      await page.setViewportSize(PHONE);
      await card.waitFor();
      await checkPage(page, 'exercise');
    } finally {
      await context.close();
    }
  }, 180_000);

  it('records a new measure through the form, showing a refused end date on its field', async () => {
    const { context, page } = await signedIn(analyst, PHONE);
    try {
      await session.open(page, '/measures/new');
      const form = page.getByRole('form', { name: 'New measure' });
      await form.getByRole('combobox', { name: 'Kind' }).selectOption('training');
      await form.getByRole('checkbox', { name: 'Drug trafficking' }).check();
      await form.getByRole('textbox', { name: 'Name in English' }).fill('Joint anti-drug training');
      await form.getByLabel('Start').fill('2024-05-10');
      await form.getByLabel('End').fill('2024-05-01');
      await form.getByRole('combobox', { name: 'Country' }).selectOption('KG');
      await form.getByRole('textbox', { name: 'Region (optional)' }).fill('Osh Region');
      await checkPage(page, 'new');
      await form.getByRole('button', { name: 'Record the measure' }).click();
      await form.getByText('end: must not be before the start (2024-05-10)').waitFor();
      await form.getByLabel('End').fill('2024-05-12');
      await form.getByRole('button', { name: 'Record the measure' }).click();
      await page.getByRole('heading', { level: 1, name: 'Joint anti-drug training' }).waitFor();
      await page.getByText('Kyrgyzstan (Osh Region)').waitFor();
      await page.getByText('Drug trafficking').waitFor();
    } finally {
      await context.close();
    }
  }, 120_000);

  it('shows a delegate the measure without the forms, and asks the public to sign in', async () => {
    const { context, page } = await signedIn(delegate, PHONE);
    try {
      await session.open(page, '/measures/joint-exercise-2003');
      await page
        .getByRole('heading', { level: 1, name: 'First SCO joint command-post and live exercises' })
        .waitFor();
      await expect(page.getByRole('form', { name: 'Add an indicator' }).count()).resolves.toBe(0);
      await checkPage(page, 'delegate');
    } finally {
      await context.close();
    }
    const visitor = await session.visitor();
    try {
      await session.open(visitor.page, '/measures');
      await visitor.page.getByRole('link', { name: /Sign in to see them/ }).waitFor();
      await expect(visitor.page.getByText('First SCO joint').count()).resolves.toBe(0);
    } finally {
      await visitor.context.close();
    }
  }, 120_000);
});
