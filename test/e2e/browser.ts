import { existsSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { startServer, WEB_ROOT } from '../helpers/server.ts';

/**
 * What every browser test needs: a fresh server with the built web app, Chromium (Debian's, with
 * the flags this machine requires), fresh visitors, and a way to open a page and wait until its
 * data has arrived.
 */

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const LAPTOP = { width: 1280, height: 900 };
export const PHONE = { width: 390, height: 844 };

export interface BrowserSession {
  server: Awaited<ReturnType<typeof startServer>>;
  browser: Browser;
  /** The absolute address of a path on the server. */
  url(path: string): string;
  /** A fresh visitor (no cookies, empty storage) with the given viewport and an English browser. */
  visitor(viewport?: { width: number; height: number }): Promise<{ context: BrowserContext; page: Page }>;
  /**
   * Opens a path and waits until its data has arrived and the page has its heading. Pages that
   * hold a live connection (server-sent events) never go quiet: wait for `load` there.
   */
  open(page: Page, path: string, until?: 'networkidle' | 'load'): Promise<void>;
  /** A fresh context signed in as `user` through the sign-in page, left on /me. */
  signIn(
    user: { username: string; password: string },
    options?: {
      viewport?: { width: number; height: number };
      timezoneId?: string;
      acceptDownloads?: boolean;
    },
  ): Promise<{ context: BrowserContext; page: Page }>;
  close(): Promise<void>;
}

export async function startBrowserSession(): Promise<BrowserSession> {
  if (!existsSync(join(WEB_ROOT, 'index.html'))) {
    throw new Error('web/dist is missing: run `npm run build:web` before the browser tests.');
  }
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (apt-get install chromium).`);
  const server = await startServer();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const url = (path: string) => new URL(path, server.url).toString();
  return {
    server,
    browser,
    url,
    async visitor(viewport = LAPTOP) {
      const context = await browser.newContext({ viewport, locale: 'en-GB' });
      return { context, page: await context.newPage() };
    },
    async open(page, path, until = 'networkidle') {
      await page.goto(url(path));
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await page.waitForLoadState(until);
      await page
        .getByRole('status')
        .filter({ hasText: /Loading|Загрузка|正在加载/ })
        .waitFor({ state: 'detached' });
    },
    async signIn(user, options = {}) {
      const { viewport = LAPTOP, ...rest } = options;
      const context = await browser.newContext({ viewport, locale: 'en-GB', ...rest });
      const page = await context.newPage();
      await page.goto(url('/signin'));
      await page.getByRole('textbox', { name: 'Username' }).fill(user.username);
      await page.getByRole('textbox', { name: 'Password', exact: true }).fill(user.password);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.waitForURL(/\/me$/);
      return { context, page };
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** The serious and critical accessibility violations axe finds on the page, briefly. */
export async function seriousViolations(page: Page) {
  // Transitions under way end first: a dialog still fading in has its colours half-drawn, and
  // axe would measure the contrast of a frame nobody reads. Endless animations (spinners) are
  // not waited for.
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getComputedTiming().iterations !== Number.POSITIVE_INFINITY)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact,
      nodes: violation.nodes.slice(0, 3).map((node) => node.target.join(' ')),
    }));
}

/** How far the page scrolls sideways (0 or less: it fits its width). */
export async function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}
