import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import {
  createTestDatabase,
  describeEachDialect,
  TEST_DATABASE_URL,
  type TestDatabase,
} from '../../test/helpers/db.ts';
import { makeUser, SYSTEM, seedIdentityBasics } from '../../test/helpers/identity-factory.ts';
import { verifyAudit } from './audit.verify.ts';

const ROOT = resolve(import.meta.dirname, '../..');

describeEachDialect('the audit chain', (dialect) => {
  let database: TestDatabase;
  let sqliteFile: string | undefined;
  beforeEach(async () => {
    sqliteFile = dialect === 'sqlite' ? join(mkdtempSync(join(tmpdir(), 'sco-audit-')), 'sco.db') : undefined;
    database = await createTestDatabase(dialect, sqliteFile ? { sqliteFile } : {});
    await seedIdentityBasics(database.db);
    for (let i = 0; i < 3; i++) await makeUser(database.db, { roles: ['delegate'] });
  });
  afterEach(() => database.destroy());

  /** What someone with direct access to the database could do: switch the guard off first. */
  async function tamper(statement: string) {
    const { db } = database;
    if (dialect === 'postgres') {
      await sql.raw('alter table audit_log disable trigger audit_log_append_only').execute(db);
      await sql.raw(statement).execute(db);
      await sql.raw('alter table audit_log enable trigger audit_log_append_only').execute(db);
    } else {
      await sql.raw('drop trigger if exists audit_log_no_update').execute(db);
      await sql.raw('drop trigger if exists audit_log_no_delete').execute(db);
      await sql.raw(statement).execute(db);
    }
  }

  /** Runs the real `sco audit verify` against this test's database. */
  function scoVerify() {
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: '', SCO_DB_FILE: sqliteFile ?? '' };
    if (dialect === 'postgres') {
      const schema = database.schema;
      env.DATABASE_URL = `${TEST_DATABASE_URL}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
    }
    const run = spawnSync(process.execPath, [join(ROOT, 'bin/sco.mjs'), 'audit', 'verify'], {
      env,
      encoding: 'utf8',
    });
    return { code: run.status, out: run.stdout, err: run.stderr };
  }

  it('holds one entry per change, chained, and verifies', async () => {
    const entries = await database.db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
    expect(entries.length).toBeGreaterThanOrEqual(7);
    for (const [i, e] of entries.entries()) expect(e.prev_hash).toBe(i === 0 ? '' : entries[i - 1]?.hash);
    expect(await verifyAudit(database, SYSTEM)).toEqual({ ok: true, entries: entries.length });
  });

  it('refuses UPDATE and DELETE on the log', async () => {
    await expect(
      sql.raw(`update audit_log set action = 'x' where seq = 1`).execute(database.db),
    ).rejects.toThrow(/append-only/);
    await expect(sql.raw('delete from audit_log where seq = 1').execute(database.db)).rejects.toThrow(
      /append-only/,
    );
  });

  it.each([
    ['at', "'2001-01-01T00:00:00.000Z'"],
    ['actor', "'system:intruder'"],
    ['organization_id', "'delegation-cn'"],
    ['action', "'user.delete'"],
    ['subject_type', "'state'"],
    ['subject_id', "'someone-else'"],
    ['state_digest', "'0000'"],
    ['prev_hash', "'0000'"],
    ['hash', "'0000'"],
  ])('names the entry whose %s was edited', async (column, value) => {
    await tamper(`update audit_log set ${column} = ${value} where seq = 4`);
    const result = await verifyAudit(database, SYSTEM);
    expect(result).toMatchObject({ ok: false, seq: 4, entries: 3 });
  });

  it('names a deleted entry', async () => {
    await tamper('delete from audit_log where seq = 5');
    expect(await verifyAudit(database, SYSTEM)).toMatchObject({
      ok: false,
      seq: 5,
      problem: expect.stringMatching(/missing/),
    });
  });

  it('makes `sco audit verify` exit 1 naming the entry, and 0 when intact', async () => {
    const intact = scoVerify();
    expect(intact.code, intact.err).toBe(0);
    expect(intact.out).toMatch(/audit chain intact: \d+ entries verified/);
    await tamper(`update audit_log set subject_id = 'x' where seq = 6`);
    const broken = scoVerify();
    expect(broken.code).toBe(1);
    expect(broken.err).toMatch(/audit chain broken at entry 6: entry 6 was altered/);
  });

  it('finds the same first fault when several threads verify ranges of the chain', async () => {
    const parallel = { threads: 3, parallelFrom: 1 };
    const intact = await verifyAudit(database, SYSTEM, parallel);
    const total = Number(
      (await database.db.selectFrom('audit_head').select('seq').executeTakeFirstOrThrow()).seq,
    );
    expect(intact).toEqual({ ok: true, entries: total });
    await tamper(`update audit_log set action = 'x' where seq = ${total - 1}`);
    await tamper('delete from audit_log where seq = 3');
    expect(await verifyAudit(database, SYSTEM, parallel)).toMatchObject({ ok: false, seq: 3 });
  });

  it('notices the newest entries removed', async () => {
    const last = Number(
      (await database.db.selectFrom('audit_head').select('seq').executeTakeFirstOrThrow()).seq,
    );
    await tamper(`delete from audit_log where seq = ${last}`);
    expect(await verifyAudit(database, SYSTEM)).toMatchObject({
      ok: false,
      seq: last,
      problem: expect.stringMatching(/missing/),
    });
  });
});
