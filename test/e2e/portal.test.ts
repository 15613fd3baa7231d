import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserSession, LAPTOP, PHONE, startBrowserSession } from './browser.ts';

/**
 * What a visitor of the public portal does, in a real browser: reads the chronology, switches
 * the language, opens a summit from the timeline, searches, and moves around on a phone. Every
 * main page is checked with axe for serious or critical accessibility violations.
 */

let session: BrowserSession;

beforeAll(async () => {
  session = await startBrowserSession();
});

afterAll(async () => {
  await session?.close();
});

const visitor = (viewport = LAPTOP) => session.visitor(viewport);
const open = (page: Page, path: string) => session.open(page, path);

describe('public portal', () => {
  it('switches to Russian and opens a summit from the timeline, with the Charter among its documents', async () => {
    const { context, page } = await visitor();
    try {
      await open(page, '/');
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
        'Chronology of the SCO',
      );

      await page.getByRole('radiogroup', { name: 'Language' }).getByText('RU', { exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Хронология ШОС' }).waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('ru');
      await expect(
        page.getByRole('navigation', { name: 'Основная навигация' }).textContent(),
      ).resolves.toContain('Государства');

      // The timeline's summit lane: Saint Petersburg, 7 June 2002, named in Russian.
      const marker = page.locator('svg a[href="/summits/chs-2002"]');
      await expect(marker.getAttribute('aria-label')).resolves.toContain('Санкт-Петербург');
      await marker.click();

      await page.getByRole('heading', { level: 1, name: 'Санкт-Петербург, 2002' }).waitFor();
      const documents = page.getByRole('region', { name: 'Принятые и подписанные документы' });
      const titles = await documents.getByRole('link').allTextContents();
      expect(titles).toContain('Хартия Шанхайской организации сотрудничества');
      expect(titles.length).toBeGreaterThanOrEqual(3);

      // The choice survives a reload.
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Санкт-Петербург, 2002' }).waitFor();
    } finally {
      await context.close();
    }
  });

  it('zooms and pans the timeline with buttons, keys, the wheel and a drag', async () => {
    const { context, page } = await visitor();
    try {
      await open(page, '/');
      const range = page.getByText(/^Showing /);
      const plot = page.getByRole('group', { name: /Interactive timeline/ });
      const all = await range.textContent();
      expect(all).toMatch(/^Showing 1996 – \d{4}$/);

      await page.getByRole('button', { name: 'Zoom in', exact: true }).click();
      await page.getByRole('button', { name: 'Zoom in', exact: true }).click();
      const zoomed = await range.textContent();
      expect(zoomed).not.toBe(all);

      await plot.focus();
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('ArrowLeft');
      const panned = await range.textContent();
      expect(panned).not.toBe(zoomed);
      await page.keyboard.press('0');
      expect(await range.textContent()).toBe(all);

      const box = await plot.boundingBox();
      if (!box) throw new Error('the timeline has no box');
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.wheel(0, -600);
      const wheeled = await range.textContent();
      expect(wheeled).not.toBe(all);

      // Drag from an empty spot in the axis row, to the right: the view moves back in time.
      await page.mouse.move(box.x + box.width / 2, box.y + box.height - 8);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width / 2 + 300, box.y + box.height - 8, { steps: 6 });
      await page.mouse.up();
      expect(await range.textContent()).not.toBe(wheeled);
    } finally {
      await context.close();
    }
  });

  it('finds the Charter from the header search by its Chinese title', async () => {
    const { context, page } = await visitor();
    try {
      await open(page, '/');
      await page.getByRole('searchbox', { name: 'Search the portal' }).fill('宪章');
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: 'Results for “宪章”' }).waitFor();
      await page.getByRole('link', { name: 'Charter of the Shanghai Cooperation Organization' }).click();
      await page
        .getByRole('heading', { level: 1, name: 'Charter of the Shanghai Cooperation Organization' })
        .waitFor();
      await expect(page.getByText('19 September 2003').count()).resolves.toBeGreaterThan(0);
    } finally {
      await context.close();
    }
  });

  it('filters the states by status on a past date', async () => {
    const { context, page } = await visitor();
    try {
      await open(page, '/states?at=2010-01-01&status=observer');
      const observers = page.getByRole('region', { name: /Observers/ });
      const names = await observers.getByRole('link').allTextContents();
      expect(names).toEqual(expect.arrayContaining(['India', 'Iran', 'Mongolia', 'Pakistan']));
      expect(names).not.toContain('China');
    } finally {
      await context.close();
    }
  });

  it('works on a phone: the menu leads to the states and the page does not scroll sideways', async () => {
    const { context, page } = await visitor(PHONE);
    try {
      await open(page, '/');
      await page.getByRole('button', { name: 'Open menu' }).click();
      await page.getByRole('dialog').getByRole('link', { name: 'States' }).click();
      await page.getByRole('heading', { level: 1, name: 'Member states and partners' }).waitFor();
      for (const path of ['/', '/states/IN', '/documents/charter-2002', '/bodies']) {
        await open(page, path);
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow, path).toBeLessThanOrEqual(0);
      }
    } finally {
      await context.close();
    }
  });

  const MAIN_PAGES = [
    ['home', '/'],
    ['states', '/states'],
    ['state', '/states/BY'],
    ['documents', '/documents'],
    ['document', '/documents/charter-2002'],
    ['bodies', '/bodies'],
    ['summit', '/summits/chs-2002'],
  ] as const;

  it.each(MAIN_PAGES)('has no serious or critical axe violations on the %s page', async (name, path) => {
    const { context, page } = await visitor();
    try {
      await open(page, path);
      const results = await new AxeBuilder({ page }).analyze();
      const serious = results.violations
        .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
        .map((violation) => ({
          rule: violation.id,
          impact: violation.impact,
          nodes: violation.nodes.slice(0, 3).map((node) => node.target.join(' ')),
        }));
      expect(serious, `${name} (${path})`).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('lays out every main page at laptop and phone widths with a heading and no sideways scroll', async () => {
    for (const [width, viewport] of [
      [1280, LAPTOP],
      [390, PHONE],
    ] as const) {
      const { context, page } = await visitor(viewport);
      try {
        for (const [name, path] of MAIN_PAGES) {
          await open(page, path);
          const overflow = await page.evaluate(
            () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
          );
          expect(overflow, `${name} at ${width}px`).toBeLessThanOrEqual(0);
          expect(await page.locator('h1').first().isVisible(), `${name} at ${width}px has a heading`).toBe(
            true,
          );
          // Kept for people to look at: the pages as a visitor sees them.
          await page.screenshot({ path: `/tmp/sco-portal-${name}-${width}.png`, fullPage: true });
        }
      } finally {
        await context.close();
      }
    }
  }, 120_000);
});
