import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueSetupToken } from '../../src/identity/auth.service.ts';
import {
  type BrowserSession,
  LAPTOP,
  PHONE,
  seriousViolations,
  sidewaysOverflow,
  startBrowserSession,
} from './browser.ts';

/**
 * The signed-in part of the web app, in a real browser: the first administrator is created
 * through the setup link, adds a delegate and checks the audit log; the delegate reads their
 * organization and creates (once shown) and revokes an API token; the administration stays
 * hidden from them; wrong passwords and throttling are explained. Axe checks the main pages.
 */

const ADMIN = {
  username: 'chief',
  displayName: 'Chief Administrator',
  password: 'a long enough admin secret',
};
const DELEGATE = {
  username: 'kz.delegate',
  displayName: 'Delegate of Kazakhstan',
  password: 'steppe wind over the city',
};

let session: BrowserSession;
let server: BrowserSession['server'];

beforeAll(async () => {
  session = await startBrowserSession();
  server = session.server;
});

afterAll(async () => {
  await session?.close();
});

const visitor = (viewport = LAPTOP) => session.visitor(viewport);
const open = (page: Page, path: string) => session.open(page, path);
const url = (path: string) => session.url(path);

/** Fills the sign-in form and sends it (the page is expected to be /signin). */
async function submitSignIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Username' }).fill(username);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

async function signIn(page: Page, user: { username: string; password: string }): Promise<void> {
  await open(page, '/signin');
  await submitSignIn(page, user.username, user.password);
  await page.waitForURL(/\/me$/);
  await page.getByRole('heading', { level: 1 }).waitFor();
}

async function openAccountMenu(page: Page, displayName: string): Promise<void> {
  await page.getByRole('button', { name: `Account of ${displayName}` }).click();
  await page.getByRole('menu').waitFor();
}

describe('signed-in web app', () => {
  it('creates the first administrator through the setup link, who adds a delegate and verifies the log', async () => {
    const token = await issueSetupToken(server.database.db, new Date());
    if (!token) throw new Error('the test server already has an administrator');
    const { context, page } = await visitor();
    try {
      await open(page, `/setup#token=${encodeURIComponent(token)}`);
      await page.getByRole('textbox', { name: 'Username' }).fill(ADMIN.username);
      await page.getByRole('textbox', { name: 'Display name' }).fill(ADMIN.displayName);
      await page.getByRole('textbox', { name: 'Password', exact: true }).fill('too short');
      await page.getByRole('textbox', { name: 'Password again' }).fill('too short!');
      await page.getByRole('button', { name: 'Create the administrator' }).click();
      await page.getByText('At least 12 characters', { exact: true }).waitFor();
      await page.getByText('The two passwords differ').waitFor();
      expect(await seriousViolations(page), '/setup with errors').toEqual([]);
      await page.screenshot({ path: '/tmp/sco-identity-setup-form-1280.png', fullPage: true });

      await page.getByRole('textbox', { name: 'Password', exact: true }).fill(ADMIN.password);
      await page.getByRole('textbox', { name: 'Password again' }).fill(ADMIN.password);
      await page.getByRole('button', { name: 'Create the administrator' }).click();
      await page.waitForURL(/\/signin$/);
      await page.getByText(`The administrator ${ADMIN.username} was created`).waitFor();
      await expect(page.getByRole('textbox', { name: 'Username' }).inputValue()).resolves.toBe(
        ADMIN.username,
      );

      await page.getByRole('textbox', { name: 'Password', exact: true }).fill(ADMIN.password);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'SCO Secretariat' }).waitFor();
      await page.getByText(`Signed in as ${ADMIN.displayName} (${ADMIN.username})`).waitFor();

      // The header's account menu leads to the administration.
      await openAccountMenu(page, ADMIN.displayName);
      await page.getByRole('menuitem', { name: 'Administration' }).click();
      await page.getByRole('heading', { level: 1, name: 'Administration' }).waitFor();

      // Add a delegate of Kazakhstan.
      await page.getByRole('button', { name: 'Add a user' }).click();
      const dialog = page.getByRole('dialog', { name: 'Add a user' });
      await dialog.getByRole('textbox', { name: 'Username' }).fill(DELEGATE.username);
      await dialog.getByRole('textbox', { name: 'Display name' }).fill(DELEGATE.displayName);
      await dialog.getByRole('combobox', { name: 'Organization' }).fill('Kazakhstan');
      await page.getByRole('option', { name: 'Delegation of Kazakhstan' }).click();
      await dialog.getByRole('checkbox', { name: 'Delegate', exact: true }).check();
      await dialog.getByRole('textbox', { name: 'Initial password' }).fill(DELEGATE.password);
      await dialog.getByRole('button', { name: 'Add a user' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByText(`User ${DELEGATE.username} added.`).waitFor();
      const row = page.getByRole('row', { name: new RegExp(DELEGATE.displayName) });
      await expect(row.textContent()).resolves.toContain('Delegation of Kazakhstan');
      await row.getByRole('button', { name: `Change the roles of ${DELEGATE.username}` }).waitFor();
      await row.getByRole('button', { name: `Disable ${DELEGATE.username}` }).waitFor();

      // The audit log has the two new users, newest first, and its chain is intact.
      await page.getByRole('tab', { name: 'Audit log' }).click();
      const log = page.getByRole('tabpanel', { name: 'Audit log' }).getByRole('table');
      await log.waitFor();
      const first = log.getByRole('row').nth(1);
      await expect(first.textContent()).resolves.toMatch(/User added.*kz\.delegate/);
      await expect(
        first.getByRole('button', { name: `Show only entries by ${ADMIN.username}` }).count(),
      ).resolves.toBe(1);
      await expect(
        log.getByRole('button', { name: `Show only entries about ${ADMIN.username}` }).count(),
      ).resolves.toBe(1);
      await page.getByRole('button', { name: 'Verify chain' }).click();
      await page.getByText(/^Chain intact: \d+ entries$/).waitFor();

      // Filtering by actor leaves only what the administrator did.
      await first.getByRole('button', { name: `Show only entries by ${ADMIN.username}` }).click();
      await page.getByText(/^1 entry$/).waitFor();
      expect(page.url()).toContain('actor=user');

      // Sign out from the header: the header offers to sign in again.
      await openAccountMenu(page, ADMIN.displayName);
      await page.getByRole('menuitem', { name: 'Sign out' }).click();
      await page.getByRole('heading', { level: 1, name: 'Chronology of the SCO' }).waitFor();
      await page.getByRole('link', { name: 'Sign in' }).waitFor();
      const me = await page.evaluate(async () => (await fetch('/api/auth/me')).json());
      expect(me.user).toBeNull();
    } finally {
      await context.close();
    }
  });

  it('lets the delegate read their organization and create a token shown once, then revoke it', async () => {
    const { context, page } = await visitor();
    try {
      await signIn(page, DELEGATE);
      await page.getByRole('heading', { level: 1, name: 'Delegation of Kazakhstan' }).waitFor();
      const members = page.getByRole('region', { name: 'Members of the organization' });
      await expect(members.textContent()).resolves.toContain(DELEGATE.username);

      // No administration in the menu, and the page itself is not found.
      await openAccountMenu(page, DELEGATE.displayName);
      await expect(page.getByRole('menuitem', { name: 'Administration' }).count()).resolves.toBe(0);
      await page.keyboard.press('Escape');

      await page.getByRole('textbox', { name: 'Name', exact: true }).fill('statistics export');
      await page.getByRole('textbox', { name: 'Expires in (days)' }).fill('30');
      await page.getByRole('button', { name: 'Create a token' }).click();
      const field = page.getByRole('textbox', { name: 'Your new token' });
      await field.waitFor();
      const token = await field.inputValue();
      expect(token).toMatch(/^sco_[0-9a-f]{16}_/);
      await page.getByText('it is shown only this once').waitFor();
      // The token works: the API knows who it stands for.
      const viaToken = await page.evaluate(async (bearer) => {
        const response = await fetch('/api/users?limit=1', {
          headers: { authorization: `Bearer ${bearer}` },
          credentials: 'omit',
        });
        return response.status;
      }, token);
      expect(viaToken).toBe(200);

      await page.getByRole('button', { name: 'I have copied it' }).click();
      await page
        .getByRole('textbox', { name: 'Your new token' })
        .waitFor({ state: 'detached', timeout: 5000 });
      const row = page
        .getByRole('region', { name: 'API tokens' })
        .getByRole('row', { name: /statistics export/ });
      await expect(row.textContent()).resolves.toContain('Active');
      await expect(page.content()).resolves.not.toContain(token);

      await row.getByRole('button', { name: 'Revoke the token “statistics export”' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Revoke', exact: true }).click();
      await page.getByRole('dialog').waitFor({ state: 'detached' });
      await row.getByText('Revoked').waitFor();
      const afterRevoke = await page.evaluate(
        async (bearer) =>
          (
            await fetch('/api/users?limit=1', {
              headers: { authorization: `Bearer ${bearer}` },
              credentials: 'omit',
            })
          ).status,
        token,
      );
      expect(afterRevoke).toBe(401);

      await open(page, '/admin');
      await page.getByRole('heading', { level: 1, name: 'Not found' }).waitFor();
    } finally {
      await context.close();
    }
  });

  it('sends a visitor without a session to sign in, and back afterwards', async () => {
    const { context, page } = await visitor();
    try {
      await page.goto(url('/me'));
      await page.waitForURL(/\/signin\?next=%2Fme$/);
      await submitSignIn(page, DELEGATE.username, DELEGATE.password);
      await page.waitForURL(/\/me$/);
      await page.getByRole('heading', { level: 1, name: 'Delegation of Kazakhstan' }).waitFor();
    } finally {
      await context.close();
    }
  });

  it('says so when the password is wrong, and how long to wait after too many attempts', async () => {
    const { context, page } = await visitor();
    try {
      await open(page, '/signin');
      await submitSignIn(page, DELEGATE.username, 'not the password');
      await page.getByRole('alert').filter({ hasText: 'Unknown user or wrong password' }).waitFor();
      expect(page.url()).toMatch(/\/signin$/);

      // A few failures are free; then the account is locked for a while (the right password too).
      let status = 0;
      for (let attempt = 0; attempt < 8 && status !== 429; attempt += 1) {
        const answered = page.waitForResponse((response) => response.url().endsWith('/api/auth/login'));
        await submitSignIn(page, 'nobody', `wrong ${attempt}`);
        status = (await answered).status();
      }
      expect(status).toBe(429);
      await page
        .getByRole('alert')
        .filter({ hasText: /^Too many failed attempts, try again in \d+ seconds?$/ })
        .waitFor();
    } finally {
      await context.close();
    }
  });

  it('has no serious or critical axe violations on the sign-in, setup, my organization and admin pages', async () => {
    const anonymous = await visitor();
    const admin = await visitor();
    try {
      await open(anonymous.page, '/signin');
      expect(await seriousViolations(anonymous.page), '/signin').toEqual([]);
      await open(anonymous.page, '/setup#token=unknown');
      expect(await seriousViolations(anonymous.page), '/setup').toEqual([]);

      await signIn(admin.page, ADMIN);
      expect(await seriousViolations(admin.page), '/me').toEqual([]);
      for (const tab of ['', '?tab=organizations', '?tab=tokens', '?tab=audit']) {
        await open(admin.page, `/admin${tab}`);
        await admin.page.getByRole('tabpanel').getByRole('table').waitFor();
        expect(await seriousViolations(admin.page), `/admin${tab}`).toEqual([]);
      }
      await open(admin.page, '/admin');
      await admin.page.getByRole('button', { name: 'Add a user' }).click();
      const dialog = admin.page.getByRole('dialog');
      await dialog.getByRole('button', { name: 'Add a user' }).click();
      await dialog.getByText('Required').first().waitFor();
      expect(await seriousViolations(admin.page), 'the add-user dialog with errors').toEqual([]);
    } finally {
      await anonymous.context.close();
      await admin.context.close();
    }
  }, 120_000);

  it('lays out the signed-in pages at laptop and phone widths without sideways scroll', async () => {
    for (const [width, viewport] of [
      [1280, LAPTOP],
      [390, PHONE],
    ] as const) {
      const { context, page } = await visitor(viewport);
      try {
        await open(page, '/signin');
        await page.screenshot({ path: `/tmp/sco-identity-signin-${width}.png`, fullPage: true });
        expect(await sidewaysOverflow(page), `signin at ${width}px`).toBeLessThanOrEqual(0);
        await open(page, '/setup#token=unknown');
        await page.screenshot({ path: `/tmp/sco-identity-setup-${width}.png`, fullPage: true });

        await signIn(page, ADMIN);
        for (const [name, path] of [
          ['me', '/me'],
          ['admin-users', '/admin'],
          ['admin-organizations', '/admin?tab=organizations'],
          ['admin-tokens', '/admin?tab=tokens'],
          ['admin-audit', '/admin?tab=audit'],
        ] as const) {
          await open(page, path);
          expect(await sidewaysOverflow(page), `${name} at ${width}px`).toBeLessThanOrEqual(0);
          // Kept for people to look at.
          await page.screenshot({ path: `/tmp/sco-identity-${name}-${width}.png`, fullPage: true });
        }
        if (width === 390) {
          await page.getByRole('button', { name: 'Open menu' }).click();
          await page.getByRole('dialog').getByText(`Signed in as ${ADMIN.displayName}`).waitFor();
          await page.waitForTimeout(400); // let the drawer finish sliding in
          await page.screenshot({ path: `/tmp/sco-identity-menu-${width}.png` });
        } else {
          await openAccountMenu(page, ADMIN.displayName);
          await page.waitForTimeout(300); // let the menu finish fading in
          await page.screenshot({ path: `/tmp/sco-identity-menu-${width}.png` });
        }
      } finally {
        await context.close();
      }
    }
  }, 120_000);
});
