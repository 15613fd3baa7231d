import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateGtd } from '../../src/intel/gtd/gtd.generate.ts';
import { importGtd } from '../../src/intel/gtd.import.ts';
import { makeUser, SYSTEM } from '../helpers/identity-factory.ts';
import {
  type BrowserSession,
  LAPTOP,
  PHONE,
  seriousViolations,
  sidewaysOverflow,
  startBrowserSession,
} from './browser.ts';

/**
 * The threat-assessment dashboard in a real browser. A synthetic GTD export of 3,000 rows (the
 * SCO region over many years) is imported as TLP:GREEN; an analyst of the RATS Executive
 * Committee opens /assessment: the map of the SCO space and the six charts draw with data, the
 * year slider recolours the map, the trend's CSV and PNG download, the measure changes the map's
 * legend, the period changes the slider's range, and a region is defined through the dialog.
 * Axe and sideways overflow are checked at 1280 and 390 px; the anonymous reader is told that only
 * TLP:CLEAR incidents count and is not offered the dialog; the page reads in Russian. Screenshots
 * are kept in test/e2e/artifacts/assessment-*.png.
 */

const ARTIFACTS = join(import.meta.dirname, 'artifacts');
const CHARTS = ['trend', 'forms-attack', 'forms-weapon', 'cbrn', 'forms-target', 'forms-category'];

let session: BrowserSession;
let analyst: { username: string; password: string };

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  session = await startBrowserSession();
  const report = await importGtd(
    session.server.database,
    SYSTEM,
    generateGtd({ rows: 3000, seed: 11, awkward: true }),
    { tlp: 'green' },
    new Date(),
  );
  expect(report.landed).toBe(true);
  analyst = await makeUser(session.server.database.db, {
    roles: ['analyst'],
    organizationId: 'rats-executive-committee',
    username: 'rats.analyst',
  });
}, 180_000);

afterAll(async () => {
  await session?.close();
});

async function signedIn(viewport = LAPTOP): Promise<{ context: BrowserContext; page: Page }> {
  return session.signIn(analyst, { viewport, acceptDownloads: true });
}

/** Opens the dashboard and waits until the map has its states and every chart has drawn. */
async function openDashboard(page: Page, path = '/assessment') {
  await session.open(page, path);
  await page.locator('svg path[data-state="KZ"]').waitFor();
  for (const chart of CHARTS) await page.locator(`[data-chart="${chart}"][data-ready="true"]`).waitFor();
}

/** The fill of each coloured state on the map (the chosen states, listed in the map's table). */
async function fills(page: Page): Promise<Record<string, string>> {
  return page.$$eval('svg path[data-state]', (paths) =>
    Object.fromEntries(
      paths.map((path) => [path.getAttribute('data-state') ?? '', path.getAttribute('fill') ?? '']),
    ),
  );
}

async function check(page: Page, name: string) {
  expect(await seriousViolations(page), name).toEqual([]);
  expect(await sidewaysOverflow(page), `${name}: sideways overflow`).toBeLessThanOrEqual(0);
  const width = page.viewportSize()?.width ?? 0;
  await page.screenshot({ path: join(ARTIFACTS, `assessment-${name}-${width}.png`), fullPage: true });
}

describe('the threat-assessment dashboard', () => {
  it('draws the map and the charts with data, and the year slider recolours the map', async () => {
    const { context, page } = await signedIn();
    try {
      await openDashboard(page);
      expect(await page.title()).toMatch(/^Threat assessment · /);
      await page
        .getByRole('navigation', { name: 'Main navigation' })
        .getByRole('link', { name: 'Assessment' })
        .waitFor();
      // The synthetic data end in 2017: the page opens on the ten years up to it.
      const slider = page.getByRole('slider', { name: 'Year' });
      expect(await slider.getAttribute('min')).toBe('2008');
      expect(await slider.getAttribute('max')).toBe('2017');
      await expect.poll(() => page.locator('output').first().textContent()).toBe('2017');
      // The members are coloured by the index; a state outside the SCO space stays grey.
      const before = await fills(page);
      expect(before.US).toBe('#e4e4e4');
      const members = ['CN', 'IN', 'KZ', 'KG', 'PK', 'RU', 'TJ', 'UZ', 'IR'];
      expect(new Set(members.map((code) => before[code])).size).toBeGreaterThan(1);
      await check(page, 'dashboard');
      await page.locator('#map').screenshot({ path: join(ARTIFACTS, 'assessment-map-2017-1280.png') });
      await page.locator('#forms').screenshot({ path: join(ARTIFACTS, 'assessment-forms-1280.png') });

      await slider.focus();
      await page.keyboard.press('Home');
      await expect.poll(() => page.locator('output').first().textContent()).toBe('2008');
      await page.locator('svg[data-year="2008"]').waitFor();
      const after = await fills(page);
      const changed = members.filter((code) => before[code] !== after[code]);
      expect(changed.length, JSON.stringify({ before, after })).toBeGreaterThan(0);
      expect(after.US).toBe('#e4e4e4');
      await page.getByText('Figures for 2008 (table)').click();
      await page.getByRole('row', { name: /^Kazakhstan Member state / }).waitFor();
      await page.locator('#map').screenshot({ path: join(ARTIFACTS, 'assessment-map-2008-1280.png') });
    } finally {
      await context.close();
    }
  }, 120_000);

  it('downloads a chart as CSV and as PNG', async () => {
    const { context, page } = await signedIn();
    try {
      await openDashboard(page);
      const [csv] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download CSV: Threat index per state, 0 to 10' }).click(),
      ]);
      expect(csv.suggestedFilename()).toBe('sco-threat-index-2008-2017.csv');
      const text = readFileSync((await csv.path()) as string, 'utf8');
      const lines = text.split('\r\n');
      expect(lines[0]?.startsWith('Year,')).toBe(true);
      expect(lines[0]).toContain(',Kazakhstan,');
      expect(lines[0]?.endsWith(',SCO member states')).toBe(true);
      expect(lines[1]?.startsWith('2008,')).toBe(true);
      expect(lines).toHaveLength(12); // the header, ten years, and the empty string after the last CRLF
      const [png] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download PNG: By weapon type (CBRN flagged)' }).click(),
      ]);
      expect(png.suggestedFilename()).toMatch(/^sco-forms-weapon-incidents-2008-2017\.png$/);
      const bytes = readFileSync((await png.path()) as string);
      expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    } finally {
      await context.close();
    }
  }, 120_000);

  it('changes the measure and the period, and defines a region', async () => {
    const { context, page } = await signedIn();
    try {
      await openDashboard(page);
      await page.getByText('Deaths', { exact: true }).click();
      await page.getByText('Deaths, 2017:').waitFor();
      await expect.poll(() => page.url()).toContain('measure=deaths');

      await page.getByRole('textbox', { name: 'From (year)' }).fill('2000');
      await page.getByRole('button', { name: 'Show' }).click();
      await expect.poll(() => page.getByRole('slider', { name: 'Year' }).getAttribute('min')).toBe('2000');
      await expect.poll(() => page.url()).toContain('from=2000');

      await page.getByRole('button', { name: 'Define a region' }).click();
      const dialog = page.getByRole('dialog', { name: 'Define a region' });
      await dialog.getByRole('button', { name: 'Define' }).click();
      await dialog.getByText('Give the region a name.').waitFor();
      await dialog.getByRole('textbox', { name: 'Name' }).fill('Ferghana valley');
      for (const name of ['Kyrgyzstan', 'Tajikistan', 'Uzbekistan']) {
        await dialog.locator('input').and(dialog.getByLabel('States')).fill(name.slice(0, 5));
        await page.getByRole('option', { name }).click();
      }
      // Close the list of states, which covers the buttons.
      await dialog.getByRole('textbox', { name: 'Name' }).click();
      await expect.poll(() => dialog.getByText('Give the region a name.').count()).toBe(0);
      await dialog.getByRole('button', { name: 'Define' }).click();
      await dialog.waitFor({ state: 'detached' });
      await expect.poll(() => page.url()).toMatch(/region=[0-9a-f-]{36}/);
      const region = page.locator('input').and(page.getByLabel('Region', { exact: true }));
      await expect.poll(() => region.inputValue()).toBe('Ferghana valley');
      await page.locator('[data-chart="trend"][data-ready="true"]').waitFor();
      // The region's states are coloured; Kazakhstan, outside it, is pale blue.
      await expect.poll(async () => (await fills(page)).KZ).toBe('#c9d6e3');
      await check(page, 'region');
    } finally {
      await context.close();
    }
  }, 120_000);

  it('fits a phone, reads in Russian, and tells the public what it counts', async () => {
    const { context, page } = await signedIn(PHONE);
    try {
      await openDashboard(page);
      await check(page, 'dashboard');
      await page.screenshot({ path: join(ARTIFACTS, 'assessment-top-390.png') });
      await page.locator('#map').screenshot({ path: join(ARTIFACTS, 'assessment-map-390.png') });
      await page.locator('#trend').screenshot({ path: join(ARTIFACTS, 'assessment-trend-390.png') });
      await page.evaluate(() => window.localStorage.setItem('sco.language', 'ru'));
      await openDashboard(page);
      await page.getByRole('heading', { level: 1, name: 'Оценка угрозы' }).waitFor();
      await page.getByRole('slider', { name: 'Год' }).waitFor();
      await page.screenshot({ path: join(ARTIFACTS, 'assessment-top-ru-390.png') });
      await check(page, 'dashboard-ru');
    } finally {
      await context.close();
    }
    const visitor = await session.visitor(LAPTOP);
    try {
      await openDashboard(visitor.page);
      await visitor.page.getByText('You see figures from incidents marked TLP:CLEAR only.').waitFor();
      expect(await visitor.page.getByRole('button', { name: 'Define a region' }).count()).toBe(0);
      await check(visitor.page, 'public');
    } finally {
      await visitor.context.close();
    }
  }, 120_000);
});
