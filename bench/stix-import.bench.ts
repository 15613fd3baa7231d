import { randomUUID } from 'node:crypto';
import { createReadStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { type Database, openDatabase } from '../src/db/kysely.ts';
import { importStix } from '../src/intel/stix.import.ts';
import { prepareDatabase } from '../src/server/prepare.ts';
import { figure, onPostgres, report } from './lib.ts';

// stix-import: objects/s of `sco import stix` (streamed read, validation, marking, versioned
// store with its indexes and references, one transaction) over a generated bundle of threat
// actors, incidents and relationships on SQLite, beside the floor any importer pays measured in
// the same run: JSON.parse of each object and one raw better-sqlite3 insert of its text.
const OBJECTS = Number(process.env.BENCH_OBJECTS ?? 100_000);
const dir = mkdtempSync(join(tmpdir(), 'sco-bench-stix-'));
const file = join(dir, 'bundle.json');

function generate(): void {
  const objects: unknown[] = [];
  const at = '2026-01-01T00:00:00.000Z';
  const actors: string[] = [];
  for (let i = 0; objects.length < OBJECTS; i++) {
    if (i % 10 === 0) {
      const id = `threat-actor--${randomUUID()}`;
      actors.push(id);
      objects.push({
        type: 'threat-actor',
        spec_version: '2.1',
        id,
        created: at,
        modified: at,
        name: `Synthetic group ${i}`,
        aliases: [`SG-${i}`],
        x_sco_source: 'bench',
      });
    } else if (i % 2 === 0) {
      const id = `incident--${randomUUID()}`;
      objects.push({
        type: 'incident',
        spec_version: '2.1',
        id,
        created: at,
        modified: at,
        name: `Incident ${i}`,
        description: `Synthetic incident number ${i}, for the benchmark.`,
      });
      const actor = actors[actors.length - 1] as string;
      objects.push({
        type: 'relationship',
        spec_version: '2.1',
        id: `relationship--${randomUUID()}`,
        created: at,
        modified: at,
        relationship_type: 'attributed-to',
        source_ref: id,
        target_ref: actor,
      });
    } else {
      objects.push({
        type: 'location',
        spec_version: '2.1',
        id: `location--${randomUUID()}`,
        created: at,
        modified: at,
        country: 'KZ',
        city: `Town ${i}`,
      });
    }
  }
  writeFileSync(
    file,
    JSON.stringify({ type: 'bundle', id: `bundle--${randomUUID()}`, objects: objects.slice(0, OBJECTS) }),
  );
}

async function importInto(database: Database): Promise<void> {
  const result = await importStix(
    database,
    { kind: 'system', name: 'bench' },
    createReadStream(file, { highWaterMark: 1 << 20 }),
    { tlp: 'green' },
    new Date(),
  );
  if (result.created !== OBJECTS)
    throw new Error(`expected ${OBJECTS} created, got ${JSON.stringify(result)}`);
}

async function imported(): Promise<number> {
  const database = openDatabase({ sqliteFile: join(dir, `sco-${randomUUID()}.db`) });
  await prepareDatabase(database, { dataDir: resolve(import.meta.dirname, '../data') });
  const started = performance.now();
  await importInto(database);
  const seconds = (performance.now() - started) / 1000;
  await database.close();
  return OBJECTS / seconds;
}

function raw(): number {
  const sqlite = new SQLite(join(dir, `raw-${randomUUID()}.db`));
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.exec('create table objects (id text primary key, body text not null)');
  const insert = sqlite.prepare('insert into objects (id, body) values (?, ?)');
  const started = performance.now();
  const { objects } = JSON.parse(readFileSync(file, 'utf8')) as { objects: { id: string }[] };
  sqlite.transaction(() => {
    for (const o of objects) insert.run(o.id, JSON.stringify(o));
  })();
  const seconds = (performance.now() - started) / 1000;
  sqlite.close();
  return OBJECTS / seconds;
}

generate();
await imported(); // warm-up
const floor = raw();
const rate = await imported();
const postgresSeconds = await onPostgres(importInto);
report('stix-import', [
  ...(postgresSeconds === null
    ? []
    : [
        figure(
          'sco import stix on PostgreSQL',
          'objects/s, the same bundle, PostgreSQL',
          'objects/s',
          OBJECTS / postgresSeconds,
          {
            name: 'the same import on SQLite, same run',
            value: rate,
          },
        ),
      ]),
  figure(
    'sco import stix',
    `objects/s importing a ${OBJECTS.toLocaleString('en')}-object bundle, SQLite (goal: at least 20,000/s)`,
    'objects/s',
    rate,
    {
      name: 'JSON.parse and one raw better-sqlite3 insert per object, same objects and run',
      value: floor,
    },
  ),
]);
rmSync(dir, { recursive: true, force: true });
