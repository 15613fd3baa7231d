import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { openDecision, statePosition } from '../council/decisions.service.ts';
import { openDatabase } from '../db/kysely.ts';

const ROOT = resolve(import.meta.dirname, '../..');
// Each test runs the real command several times, each a new Node.js process: allow for a busy machine.
vi.setConfig({ testTimeout: 180_000 });
const dir = mkdtempSync(join(tmpdir(), 'sco-cli-'));
const env = { ...process.env, SCO_DB_FILE: join(dir, 'sco.db'), DATABASE_URL: '' };

/** Runs the real `sco` command as a user would, on a database file of its own. */
function sco(...args: string[]) {
  const run = spawnSync(process.execPath, [join(ROOT, 'bin/sco.mjs'), ...args], { env, encoding: 'utf8' });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

describe('the sco command', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('migrates, seeds once, and says when the data is already loaded', () => {
    expect(sco('db', 'migrate')).toMatchObject({ code: 0, out: expect.stringContaining('migrated') });
    const first = sco('seed');
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/loaded 27 states, 9 bodies, 30 summits, \d+ documents, 16 people/);
    expect(sco('seed').out).toMatch(/already up to date/);
  });

  it('prints the chronology as a table, filtered', () => {
    const run = sco('chronology', '--from', '2001-01-01', '--to', '2001-12-31', '--kind', 'summit');
    expect(run.code).toBe(0);
    const lines = run.out.trim().split('\n');
    expect(lines[0]).toMatch(/^date\s+kind\s+event\s+states$/);
    expect(lines[2]).toMatch(/^2001-06-14\s+summit\s+SCO summit, Shanghai\s+CN$/);
    expect(run.out).toMatch(/1 of 1 events/);
    const russian = sco('chronology', '--state', 'IN', '--kind', 'status', '--lang', 'ru');
    expect(russian.out).toContain('Индия');
  });

  it('refuses a bad argument with a message naming it, and a non-zero exit', () => {
    const badDate = sco('chronology', '--from', '2001-02-30');
    expect(badDate.code).toBe(2);
    expect(badDate.err).toMatch(/from: expected a date YYYY-MM-DD, got "2001-02-30"/);
    const badKind = sco('chronology', '--kind', 'party');
    expect(badKind.code).toBe(2);
    expect(badKind.err).toMatch(/kind: must be one of summit, document, status, appointment/);
    const unknown = sco('chronology', '--colour', 'red');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/unknown option '--colour'/);
    expect(sco('frobnicate').code).toBe(2);
  });

  it('manages users, partner centers and the audit log', () => {
    const admin = sco('user', 'add', '--admin', '--username', 'Boss', '--name', 'The Boss');
    expect(admin.code, admin.err).toBe(0);
    expect(admin.out).toMatch(/added boss \(admin\) in secretariat\npassword \(shown once\): \S{16}/);
    expect(
      sco('user', 'add', '--username', 'kz.one', '--org', 'delegation-kz', '--role', 'delegate').code,
    ).toBe(0);
    const badRole = sco('user', 'add', '--username', 'kz.two', '--org', 'delegation-kz', '--role', 'analyst');
    expect(badRole.code).toBe(2);
    expect(badRole.err).toMatch(/roles: a delegation cannot hold the role analyst/);
    expect(sco('user', 'role', 'kz.one', 'delegate', 'head-of-delegation').out).toMatch(
      /kz.one now holds delegate, head-of-delegation/,
    );
    expect(sco('user', 'disable', 'kz.one').code).toBe(0);
    const users = sco('user', 'list');
    expect(users.out).toMatch(/kz\.one\s+kz\.one\s+delegation-kz\s+delegate,head-of-delegation\s+disabled/);
    // The reference data brings the CIS Anti-Terrorism Center; an administrator adds another center.
    expect(sco('org', 'list').out).toMatch(/cis-atc\s+partner-center\s+CIS Anti-Terrorism Center/);
    const taken = sco('org', 'add-partner', '--id', 'cis-atc', '--name', 'CIS Anti-Terrorism Center');
    expect(taken.code).toBe(1);
    expect(taken.err).toMatch(/organization cis-atc already exists/);
    expect(
      sco('org', 'add-partner', '--id', 'sco-anti-drug-centre', '--name', 'SCO Anti-Drug Centre').code,
    ).toBe(0);
    expect(sco('org', 'list').out).toMatch(/sco-anti-drug-centre\s+partner-center\s+SCO Anti-Drug Centre/);
    const log = sco('audit', 'log', '--limit', '3');
    expect(log.out).toMatch(/organization\.create\s+organization:sco-anti-drug-centre/);
    expect(sco('audit', 'verify').out).toMatch(/audit chain intact/);
  });

  it('shows a decision and what awaits a delegation', async () => {
    const database = openDatabase({ sqliteFile: env.SCO_DB_FILE as string });
    const system = { kind: 'system', name: 'test' } as const;
    const d = await openDecision(
      database.db,
      system,
      { bodyId: 'cnc', title: { en: 'Budget for 2027' }, rule: 'consensus' },
      new Date(),
    );
    await statePosition(
      database.db,
      system,
      d.id,
      { position: 'objection', text: 'Too high', state: 'KZ' },
      new Date(),
    );
    await database.close();
    const shown = sco('decision', 'show', d.id);
    expect(shown.code, shown.err).toBe(0);
    expect(shown.out).toMatch(/outcome: pending/);
    expect(shown.out).toMatch(/KZ\s+objection\s+Too high/);
    expect(sco('decisions', 'pending', '--state', 'KZ').out).toMatch(/0 pending awaiting KZ/);
    const awaitingRu = sco('decisions', 'pending', '--state', 'RU');
    expect(awaitingRu.out).toContain(d.id);
    expect(awaitingRu.out).toMatch(/1 pending awaiting RU/);
  });

  it('has help on each command', () => {
    for (const args of [
      ['--help'],
      ['serve', '--help'],
      ['db', 'migrate', '--help'],
      ['seed', '--help'],
      ['chronology', '--help'],
    ]) {
      const run = sco(...args);
      expect(run.code, args.join(' ')).toBe(0);
      expect(run.out, args.join(' ')).toMatch(/Usage: sco/);
    }
  });
});
