import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { openDatabase } from '../src/db/kysely.ts';
import { generateGtd } from '../src/intel/gtd/gtd.generate.ts';
import { readGtdBatches } from '../src/intel/gtd/gtd.read.ts';
import { gtdObjects } from '../src/intel/gtd.convert.ts';
import { importGtd } from '../src/intel/gtd.import.ts';
import { indexOf } from '../src/intel/stix.rules.ts';
import { prepareDatabase } from '../src/server/prepare.ts';
import { figure, report } from './lib.ts';

// gtd-import: rows/s of `sco import gtd` (streamed CSV read, normalization, STIX conversion,
// marking, versioned store with its indexes, one transaction) over a generated GTD export on
// SQLite, beside raw better-sqlite3 inserts of the same normalized rows (the same STIX bodies
// and index rows, prepared statements, one transaction, nothing else) measured in the same run.
// With BENCH_MEMORY_ROWS set, a child process imports that many rows and reports its peak RSS.
const ROWS = Number(process.env.BENCH_ROWS ?? 200_000);
const dir = mkdtempSync(join(tmpdir(), 'sco-bench-gtd-'));
const file = join(dir, 'gtd.csv');
const dataDir = resolve(import.meta.dirname, '../data');
const system = { kind: 'system', name: 'bench' } as const;

async function fresh() {
  const database = openDatabase({ sqliteFile: join(dir, `sco-${randomUUID()}.db`) });
  await prepareDatabase(database, { dataDir });
  return database;
}

async function imported(): Promise<number> {
  const database = await fresh();
  const started = performance.now();
  const result = await importGtd(database, system, createReadStream(file), { tlp: 'green' }, new Date());
  const seconds = (performance.now() - started) / 1000;
  await database.close();
  if (result.rejected !== 0)
    throw new Error(`rejected rows: ${JSON.stringify(result.rejections.slice(0, 3))}`);
  return ROWS / seconds;
}

/** The same rows, normalized and converted beforehand, inserted raw. */
async function raw(): Promise<number> {
  const rows: {
    id: string;
    type: string;
    body: string;
    name: string | null;
    happened: string | null;
    place: string | null;
    search: string;
  }[] = [];
  const seen = new Set<string>();
  for await (const batch of readGtdBatches(createReadStream(file))) {
    for (const row of batch) {
      if (!row.record) continue;
      for (const object of gtdObjects(row.record)) {
        if (object.type !== 'incident' && seen.has(object.id)) continue;
        seen.add(object.id);
        const at = new Date().toISOString();
        rows.push({
          id: object.id,
          type: object.type,
          body: JSON.stringify({ created: at, modified: at, ...object }),
          ...indexOf(object),
        });
      }
    }
  }
  const database = await fresh();
  const sqlite = database.sqlite as NonNullable<typeof database.sqlite>;
  const version = sqlite.prepare('insert into stix_versions (added, id, modified, body) values (?, ?, ?, ?)');
  const object = sqlite.prepare(
    `insert into stix_objects (id, type, tlp, creator_org, creator_user, created, modified, name, happened, place, search, digest, revoked)
     values (?, ?, 'green', 'rats-executive-committee', null, ?, ?, ?, ?, ?, ?, 'digest', 0)`,
  );
  const at = new Date().toISOString();
  let added = Date.now() * 1000;
  const started = performance.now();
  sqlite.transaction(() => {
    for (const r of rows) {
      version.run(added++, r.id, at, r.body);
      object.run(r.id, r.type, at, at, r.name, r.happened, r.place, r.search);
    }
  })();
  const seconds = (performance.now() - started) / 1000;
  await database.close();
  return ROWS / seconds;
}

/** The same import on PostgreSQL (TEST_DATABASE_URL, a schema of its own), when one is reachable. */
async function importedPostgres(): Promise<number | null> {
  const url = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const schema = `bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  try {
    await admin.connect();
  } catch {
    return null;
  }
  await admin.query(`create schema ${schema}`);
  const database = openDatabase({ databaseUrl: url, pgSchema: schema });
  try {
    await prepareDatabase(database, { dataDir });
    const started = performance.now();
    await importGtd(database, system, createReadStream(file), { tlp: 'green' }, new Date());
    return ROWS / ((performance.now() - started) / 1000);
  } finally {
    await database.close();
    await admin.query(`drop schema ${schema} cascade`);
    await admin.end();
  }
}

/** Peak memory of a separate process importing `rows` rows. */
function peakMemory(rows: number): { peakBytes: number; seconds: number } {
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'gtd-import.memory.ts'), String(rows)],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    },
  );
  if (run.status !== 0) throw new Error(`memory run failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').pop() as string);
}

await pipeline(generateGtd({ rows: ROWS, seed: 7, awkward: true }), createWriteStream(file));
await imported(); // warm-up
const floor = await raw();
const rate = await imported();
const postgres = process.env.BENCH_POSTGRES === '0' ? null : await importedPostgres();
const memoryRows = Number(process.env.BENCH_MEMORY_ROWS ?? 0);
const memory = memoryRows > 0 ? peakMemory(memoryRows) : null;
report('gtd-import', [
  ...(postgres === null
    ? []
    : [
        figure('sco import gtd on PostgreSQL', `rows/s, the same file, PostgreSQL`, 'rows/s', postgres, {
          name: 'the same import on SQLite, same run',
          value: rate,
        }),
      ]),
  ...(memory === null
    ? []
    : [
        figure(
          'sco import gtd peak memory',
          `peak resident set size of a process importing ${memoryRows.toLocaleString('en')} rows in ${memory.seconds.toFixed(0)} s (goal: under 512 MB)`,
          'MB',
          memory.peakBytes / 1024 / 1024,
          { name: 'the budget', value: 512 },
        ),
      ]),
  figure(
    'sco import gtd',
    `rows/s importing a ${ROWS.toLocaleString('en')}-row generated GTD export, SQLite (goals: at least 100,000 rows/s and half the raw rate)`,
    'rows/s',
    rate,
    { name: 'raw better-sqlite3 inserts of the same normalized rows, same run', value: floor },
  ),
]);
rmSync(dir, { recursive: true, force: true });
