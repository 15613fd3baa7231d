import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
 * The events pages in a real browser. A Secretariat officer plans a public seminar through the
 * form (whole days this month, an agenda item), sees it on its page and on the month grid and the
 * list, and downloads its calendar file, which a real iCalendar parser reads back. A visitor who
 * is not signed in sees it too, on a phone as well. Axe and sideways overflow are checked at
 * 1280 and 390 px; screenshots go to /tmp/sco-events-*.png.
 */

type User = { username: string; password: string };

let session: BrowserSession;
let officer: User;
const TITLE = 'Synthetic seminar on border cooperation';
const today = new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  session = await startBrowserSession();
  officer = await makeUser(session.server.database.db, {
    roles: ['secretariat-officer'],
    organizationId: 'secretariat',
    username: 'secretariat.officer',
  });
});

afterAll(async () => {
  await session?.close();
});

async function signedIn(user: User, viewport = LAPTOP): Promise<{ context: BrowserContext; page: Page }> {
  const signed = await session.signIn(user, { viewport, acceptDownloads: true });
  signed.context.setDefaultTimeout(10_000);
  return signed;
}

async function checkPage(page: Page, name: string) {
  expect(await seriousViolations(page), name).toEqual([]);
  expect(await sidewaysOverflow(page), `${name}: sideways overflow`).toBeLessThanOrEqual(0);
  const width = page.viewportSize()?.width ?? 0;
  await page.screenshot({ path: `/tmp/sco-events-${name}-${width}.png`, fullPage: true });
}

describe('the events calendar', () => {
  it('lets a Secretariat officer plan an event, find it on the calendar and download it', async () => {
    const { context, page } = await signedIn(officer);
    try {
      await session.open(page, '/events');
      await page
        .getByRole('navigation', { name: 'Main navigation' })
        .getByRole('link', { name: 'Events' })
        .waitFor();
      await page.getByRole('link', { name: 'New event' }).click();
      await page.getByRole('heading', { level: 1, name: 'New event' }).waitFor();
      await page.waitForLoadState('networkidle');

      // A first try without a title is stopped on the form.
      await page.getByRole('button', { name: 'Create the event' }).click();
      await page.getByRole('alert').filter({ hasText: 'Some fields need your attention.' }).waitFor();

      await page.getByRole('textbox', { name: 'Title in English' }).fill(TITLE);
      await page.getByRole('textbox', { name: 'Title in Russian' }).fill('Синтетический семинар');
      await page.getByLabel('First day').fill(today);
      await page.getByLabel('Last day').fill(today);
      await page.getByRole('textbox', { name: 'City' }).fill('Tashkent');
      await page.getByRole('textbox', { name: 'Country code' }).fill('UZ');
      await page.getByRole('radio', { name: 'Public' }).check();
      await page.getByRole('button', { name: 'Add an agenda item' }).click();
      await page.getByRole('textbox', { name: 'Time of item 1' }).fill('9 o’clock');
      await page.getByRole('textbox', { name: 'Item 1', exact: true }).fill('Opening');
      await page.getByRole('textbox', { name: 'Speaker’s role, item 1' }).fill('Secretary-General');
      await checkPage(page, 'form');

      // The server names the agenda time it cannot read, on its field.
      await page.getByRole('button', { name: 'Create the event' }).click();
      await page.getByText('agenda.0.time: expected a local time HH:MM or YYYY-MM-DDTHH:MM').waitFor();
      await page.getByRole('textbox', { name: 'Time of item 1' }).fill('09:00');
      await page.getByRole('button', { name: 'Create the event' }).click();
      await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
      await page.waitForLoadState('networkidle');
      await page.getByRole('cell', { name: 'Opening' }).waitFor();
      await page.getByText('Tashkent, Uzbekistan').waitFor();
      await checkPage(page, 'event');

      // The calendar file of the event, read back by a real parser.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Add to calendar (.ics)' }).click(),
      ]);
      const path = await download.path();
      const text = readFileSync(path, 'utf8');
      const vevent = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent');
      if (!vevent) throw new Error('no VEVENT in the download');
      const parsed = new ICAL.Event(vevent);
      expect(parsed.summary).toBe(TITLE);
      expect(parsed.startDate.toString()).toBe(today);
      expect(parsed.location).toBe('Tashkent, Uzbekistan');
      expect(parsed.description).toContain('09:00 Opening (Secretary-General)');

      // On the month grid, and in the list.
      await page.getByRole('link', { name: 'Events', exact: true }).first().click();
      await page.getByRole('heading', { level: 1, name: 'Events' }).waitFor();
      await page.waitForLoadState('networkidle');
      const cell = page.getByRole('table').getByRole('link', { name: TITLE });
      await cell.waitFor();
      await checkPage(page, 'month');
      await page.getByText('List', { exact: true }).click();
      await page.getByRole('heading', { level: 3, name: TITLE }).waitFor();
      await checkPage(page, 'list');
      // The keyboard reaches the event from the month grid.
      await page.getByText('Month', { exact: true }).click();
      await cell.focus();
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    } finally {
      await context.close();
    }
  }, 120_000);

  it('shows the public event to a visitor who is not signed in, on a phone too', async () => {
    for (const viewport of [LAPTOP, PHONE]) {
      const { context, page } = await session.visitor(viewport);
      context.setDefaultTimeout(10_000);
      try {
        await session.open(page, '/events');
        await page.getByText('You see the public events.').waitFor();
        await page.getByRole('table').getByRole('link', { name: TITLE }).waitFor();
        await checkPage(page, 'public');
        await page.getByRole('button', { name: 'Next month' }).click();
        await page.getByRole('table').getByRole('link', { name: TITLE }).waitFor({ state: 'detached' });
        await page.getByRole('button', { name: 'Previous month' }).click();
        await page.getByRole('table').getByRole('link', { name: TITLE }).click();
        await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
        await page.waitForLoadState('networkidle');
        await checkPage(page, 'public-event');
        expect(await page.getByRole('link', { name: 'Edit' }).count()).toBe(0);
      } finally {
        await context.close();
      }
    }
  }, 120_000);
});
