import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
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

await pipeline(generateGtd({ rows: ROWS, seed: 7, awkward: true }), createWriteStream(file));
await imported(); // warm-up
const floor = await raw();
const rate = await imported();
report('gtd-import', [
  figure(
    'sco import gtd',
    `rows/s importing a ${ROWS.toLocaleString('en')}-row generated GTD export, SQLite (goals: at least 100,000 rows/s and half the raw rate)`,
    'rows/s',
    rate,
    { name: 'raw better-sqlite3 inserts of the same normalized rows, same run', value: floor },
  ),
]);
