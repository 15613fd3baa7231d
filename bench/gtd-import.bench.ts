import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import SQLite from 'better-sqlite3';
import { openDatabase } from '../src/db/kysely.ts';
import { generateGtd } from '../src/intel/gtd/gtd.generate.ts';
import { importGtd } from '../src/intel/gtd.import.ts';
import { prepareDatabase } from '../src/server/prepare.ts';
import { figure, onPostgres, report } from './lib.ts';

// gtd-import: rows/s of `sco import gtd` (streamed CSV read, normalization, STIX conversion,
// marking, versioned store with its indexes, references, incident rollups, one transaction) over
// a generated GTD export on SQLite, beside raw better-sqlite3 inserts of the same rows measured in
// the same run: every row the import wrote (versions, objects, references, recipients, incident
// facts, rollups), read back from its database and inserted into a fresh one with prepared
// statements in one transaction, nothing else. The difference is what the importer adds: reading,
// converting, preparing, looking up and the rollups' arithmetic.
// The import and the raw inserts take turns, ROUNDS times, each after the disk has caught up with
// what the runs before it wrote (a `sync`, so that neither pays for the other's write-back) and
// into a database removed afterwards; each figure is the median of its runs.
// With BENCH_MEMORY_ROWS set, a child process imports that many rows and reports its peak RSS.
const ROWS = Number(process.env.BENCH_ROWS ?? 200_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const dir = mkdtempSync(join(tmpdir(), 'sco-bench-gtd-'));
const file = join(dir, 'gtd.csv');
const dataDir = resolve(import.meta.dirname, '../data');
const system = { kind: 'system', name: 'bench' } as const;
/** The tables an import writes rows into. */
const WRITTEN = [
  'stix_versions',
  'stix_objects',
  'stix_refs',
  'stix_recipients',
  'audiences',
  'incident_facts',
  'rollups',
  'rollups_year',
];

async function fresh(name = `sco-${randomUUID()}.db`) {
  const database = openDatabase({ sqliteFile: join(dir, name) });
  await prepareDatabase(database, { dataDir });
  // What the runs before wrote reaches the disk now, not while this one is timed.
  spawnSync('sync');
  return database;
}

/** Closes a database and removes its files. */
async function removed(database: Awaited<ReturnType<typeof fresh>>): Promise<void> {
  await database.close();
  const name = database.options.sqliteFile as string;
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${name}${suffix}`, { force: true });
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

async function imported(name?: string): Promise<number> {
  const database = await fresh(name);
  const started = performance.now();
  const result = await importGtd(database, system, createReadStream(file), { tlp: 'green' }, new Date());
  const seconds = (performance.now() - started) / 1000;
  if (name) await database.close();
  else await removed(database);
  if (result.rejected !== 0)
    throw new Error(`rejected rows: ${JSON.stringify(result.rejections.slice(0, 3))}`);
  return ROWS / seconds;
}

/** The rows the import into `source` wrote (of `only` these tables), inserted raw into a fresh database. */
async function raw(source: string, only: readonly string[] = WRITTEN): Promise<number> {
  const from = new SQLite(join(dir, source), { readonly: true });
  const tables = only.map((table) => {
    const statement = from.prepare(`select * from ${table}`).raw();
    const columns = statement.columns().map((c) => c.name);
    return { table, columns, rows: statement.all() as unknown[][] };
  });
  from.close();
  const database = await fresh();
  const sqlite = database.sqlite as NonNullable<typeof database.sqlite>;
  const inserts = tables.map(({ table, columns, rows }) => ({
    rows,
    statement: sqlite.prepare(
      `insert into ${table} (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`,
    ),
  }));
  const started = performance.now();
  sqlite.transaction(() => {
    for (const { rows, statement } of inserts) for (const row of rows) statement.run(row);
  })();
  const seconds = (performance.now() - started) / 1000;
  await removed(database);
  return ROWS / seconds;
}

/** The same import on PostgreSQL, when one is reachable. */
async function importedPostgres(): Promise<number | null> {
  const seconds = await onPostgres(async (database) => {
    await importGtd(database, system, createReadStream(file), { tlp: 'green' }, new Date());
  });
  return seconds === null ? null : ROWS / seconds;
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
await imported('first.db'); // warm-up, and the rows the raw inserts write
const raws: number[] = [];
const rates: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  raws.push(await raw('first.db'));
  rates.push(await imported());
}
const floor = median(raws);
const rate = median(rates);
// The least any versioned store writes: one version row per object, nothing else. Its rate bounds
// every importer of that store on this machine, whatever it does before it writes.
const versionsOnly = await raw('first.db', ['stix_versions']);
const postgres = await importedPostgres();
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
    'raw inserts of the STIX versions alone',
    'rows/s of raw better-sqlite3 inserts of the one version row each GTD row stores, nothing else (the floor under any importer of a versioned store)',
    'rows/s',
    versionsOnly,
    { name: 'the goal of 100,000 rows/s', value: 100_000 },
  ),
  figure(
    'sco import gtd',
    `rows/s importing a ${ROWS.toLocaleString('en')}-row generated GTD export, SQLite, median of ${ROUNDS} (runs: ${rates.map(Math.round).join(', ')}; goals: at least 100,000 rows/s and half the raw rate)`,
    'rows/s',
    rate,
    {
      name: `raw better-sqlite3 inserts of the same rows, same run, median of ${ROUNDS} (runs: ${raws.map(Math.round).join(', ')})`,
      value: floor,
    },
  ),
]);
rmSync(dir, { recursive: true, force: true });
