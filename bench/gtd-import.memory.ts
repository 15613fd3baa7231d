import { createReadStream, createWriteStream, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { openDatabase } from '../src/db/kysely.ts';
import { generateGtd } from '../src/intel/gtd/gtd.generate.ts';
import { importGtd } from '../src/intel/gtd.import.ts';
import { prepareDatabase } from '../src/server/prepare.ts';

// The process gtd-import measures for memory: writes a generated GTD file of ROWS rows, then
// imports it into a fresh SQLite file and prints its peak resident set size in bytes, as JSON.
const rows = Number(process.argv[2]);
const dir = mkdtempSync(join(tmpdir(), 'sco-bench-gtd-memory-'));
const file = join(dir, 'gtd.csv');
await pipeline(generateGtd({ rows, seed: 13, awkward: true }), createWriteStream(file));
const database = openDatabase({ sqliteFile: join(dir, 'sco.db') });
await prepareDatabase(database, { dataDir: resolve(import.meta.dirname, '../data') });
const before = process.resourceUsage().maxRSS * 1024;
const started = performance.now();
const report = await importGtd(
  database,
  { kind: 'system', name: 'bench' },
  createReadStream(file),
  { tlp: 'green' },
  new Date(),
);
const seconds = (performance.now() - started) / 1000;
await database.close();
console.log(
  JSON.stringify({
    rows,
    rejected: report.rejected,
    seconds,
    peakBytes: process.resourceUsage().maxRSS * 1024,
    before,
  }),
);
