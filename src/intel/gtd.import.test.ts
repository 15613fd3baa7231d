import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { createTestDatabase, describeEachDialect, type TestDatabase } from '../../test/helpers/db.ts';
import { SYSTEM, seedIdentityBasics } from '../../test/helpers/identity-factory.ts';
import type { Database } from '../db/kysely.ts';
import { openDatabase } from '../db/kysely.ts';
import { generateGtd } from './gtd/gtd.generate.ts';
import { importGtd } from './gtd.import.ts';
import { listIncidents } from './incidents.service.ts';
import { ImportRejected } from './stix.import.ts';

/**
 * GTD exports in: a large generated file lands, a second import leaves the same state, bad rows
 * are named by row and column, and a process killed in the middle leaves nothing behind.
 */

vi.setConfig({ testTimeout: 600_000 });
const ROOT = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'sco-gtd-'));

async function generated(name: string, options: Parameters<typeof generateGtd>[0]): Promise<string> {
  const file = join(dir, name);
  await pipeline(generateGtd(options), createWriteStream(file));
  return file;
}

/** A digest of everything the store holds, and the clock: equal digests mean an identical state. */
async function stateOf(database: Database): Promise<{ objects: number; versions: number; digest: string }> {
  const hash = createHash('sha256');
  const objects = await database.db.selectFrom('stix_objects').selectAll().orderBy('id').execute();
  for (const row of objects) hash.update(JSON.stringify(row));
  const versions = await database.db
    .selectFrom('stix_versions')
    .select(['added', 'id', 'modified', 'body'])
    .orderBy('added')
    .execute();
  for (const row of versions) hash.update(`${row.added}|${row.id}|${row.modified}|${row.body}`);
  const refs = await database.db
    .selectFrom('stix_refs')
    .selectAll()
    .orderBy('source_id')
    .orderBy('target_id')
    .execute();
  hash.update(JSON.stringify(refs));
  const clock = await database.db.selectFrom('stix_clock').selectAll().execute();
  hash.update(JSON.stringify(clock.map((c) => String(c.last_added))));
  return { objects: objects.length, versions: versions.length, digest: hash.digest('hex') };
}

describeEachDialect('GTD exports in', (dialect) => {
  let database: TestDatabase;
  // The full 200,000 rows on the embedded database; PostgreSQL takes a smaller file through the same path.
  const rows = dialect === 'sqlite' ? 200_000 : 20_000;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    await seedIdentityBasics(database.db);
  });
  afterAll(() => database.destroy());

  it(`imports ${rows.toLocaleString('en')} generated rows, and importing them again changes nothing`, async () => {
    const file = await generated(`big-${dialect}.csv`, { rows, seed: 11, awkward: true });
    const first = await importGtd(database, SYSTEM, createReadStream(file), { tlp: 'green' }, new Date());
    expect(first.rejected).toBe(0);
    const incidents = await listIncidents(database.db, SYSTEM, { limit: 1, offset: 0 });
    expect(incidents.total).toBe(rows);
    const before = await stateOf(database);
    const again = await importGtd(database, SYSTEM, createReadStream(file), { tlp: 'green' }, new Date());
    expect(again).toMatchObject({ created: 0, versioned: 0, rejected: 0 });
    expect(await stateOf(database)).toEqual(before);
  });

  it('rejects a file with bad rows whole, naming each row and column, and lands the rest with partial', async () => {
    const file = await generated(`bad-${dialect}.csv`, { rows: 300, seed: 3, badRows: [4, 120, 250] });
    const before = await stateOf(database);
    const attempt = importGtd(database, SYSTEM, createReadStream(file), { tlp: 'amber' }, new Date());
    await expect(attempt).rejects.toThrow(ImportRejected);
    const report = await attempt.catch((e: ImportRejected) => e.report);
    expect(report?.rejections.map((r) => `${r.at}:${r.field}`)).toEqual([
      'row 4:iyear',
      'row 120:INT_MISC',
      'row 250:latitude',
    ]);
    expect(await stateOf(database)).toEqual(before);
    const partial = await importGtd(
      database,
      SYSTEM,
      createReadStream(file),
      { tlp: 'amber', partial: true },
      new Date(),
    );
    expect(partial.rejected).toBe(3);
    expect(partial.landed).toBe(true);
  });

  it('names bad rows and a bad header alike when a file larger than a mebibyte is prepared on a worker thread', async () => {
    const file = await generated(`bad-large-${dialect}.csv`, {
      rows: 4000,
      seed: 5,
      badRows: [7, 2100, 3990],
    });
    expect(statSync(file).size).toBeGreaterThan(2 << 20);
    const before = await stateOf(database);
    const attempt = importGtd(database, SYSTEM, createReadStream(file), { tlp: 'green' }, new Date());
    await expect(attempt).rejects.toThrow(ImportRejected);
    const report = await attempt.catch((e: ImportRejected) => e.report);
    expect(report?.rejections.map((r) => r.at)).toEqual(['row 7', 'row 2100', 'row 3990']);
    expect(report?.rejected).toBe(3);
    expect(await stateOf(database)).toEqual(before);
    const notGtd = join(dir, `not-gtd-${dialect}.csv`);
    writeFileSync(notGtd, `name,city,year\n${'Someone,Somewhere,2001\n'.repeat(100_000)}`);
    await expect(
      importGtd(database, SYSTEM, createReadStream(notGtd), { tlp: 'green' }, new Date()),
    ).rejects.toMatchObject({ details: { field: 'header' } });
    expect(await stateOf(database)).toEqual(before);
  });
});

it('a process killed in the middle of an import leaves the database as it was, and the re-run completes', async () => {
  const file = await generated('killed.csv', { rows: 60_000, seed: 5 });
  const env = { ...process.env, SCO_DB_FILE: join(dir, 'killed.db'), DATABASE_URL: '' };
  const run = (args: string[]) =>
    new Promise<{ code: number | null; out: string }>((done) => {
      const child = spawn(process.execPath, [join(ROOT, 'bin/sco.mjs'), ...args], { env });
      let out = '';
      child.stdout.on('data', (d) => {
        out += d;
      });
      child.on('close', (code) => done({ code, out }));
    });
  expect((await run(['seed'])).code).toBe(0);
  const database = openDatabase({ sqliteFile: env.SCO_DB_FILE });
  const before = await stateOf(database);
  const child: ChildProcess = spawn(
    process.execPath,
    [join(ROOT, 'bin/sco.mjs'), 'import', 'gtd', file, '--tlp', 'green'],
    { env },
  );
  // Kill it once it has written its first batch (the first progress line comes after it: later
  // ones come every five seconds, and the import may be done by then); the import must not
  // finish first, or the test would prove nothing.
  const finishedFirst = new Promise<boolean>((settled) => {
    child.stderr?.on('data', (d: Buffer) => {
      const written = /([\d,]+) records/.exec(String(d));
      if (written && Number(written[1]?.replace(/,/g, '')) > 0 && !child.killed) {
        child.kill('SIGKILL');
        settled(false);
      }
    });
    child.on('close', () => settled(true));
  });
  expect(await finishedFirst).toBe(false);
  await new Promise((closed) => child.on('close', closed));
  expect(await stateOf(database)).toEqual(before);
  const rerun = await run(['import', 'gtd', file, '--tlp', 'green', '--quiet']);
  expect(rerun.code).toBe(0);
  expect(rerun.out).toMatch(/0 rejected/);
  const after = await listIncidents(database.db, SYSTEM, { limit: 1, offset: 0 });
  expect(after.total).toBe(60_000);
  await database.close();
});
