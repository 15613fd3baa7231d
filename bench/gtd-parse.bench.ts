import { spawnSync } from 'node:child_process';
import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readGtd, readGtdBatches } from '../src/intel/gtd/gtd.read.ts';
import { figure, report } from './lib.ts';

// gtd-parse: rows per second of `readGtd` (streamed read, UTF-8 check and decode, CSV scan,
// normalization to GtdIncident) over a generated GTD export of ROWS rows, one row at a time and
// a chunk's rows at a time, beside the same run's reference: reading the same file with the same
// stream and splitting its bytes into lines, which is the least any CSV reader must do.
// Best of three interleaved runs each, since this machine is shared; peak heap is printed to show
// that memory does not grow with the file.
const ROWS = Number(process.env.BENCH_GTD_ROWS ?? 200_000);
const dir = mkdtempSync(join(tmpdir(), 'sco-bench-gtd-parse-'));
const file = join(dir, 'gtd.csv');
let peakHeap = 0;
const sampleHeap = () => {
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
};

async function perRow(): Promise<number> {
  const started = performance.now();
  let rows = 0;
  for await (const row of readGtd(createReadStream(file))) {
    if (!row.record) throw new Error(`row ${row.row}: ${JSON.stringify(row.faults)}`);
    if (++rows % 50_000 === 0) sampleHeap();
  }
  if (rows !== ROWS) throw new Error(`read ${rows} rows of ${ROWS}`);
  return rows / ((performance.now() - started) / 1000);
}

async function perBatch(): Promise<number> {
  const started = performance.now();
  let rows = 0;
  for await (const batch of readGtdBatches(createReadStream(file))) {
    for (const row of batch) if (row.record) rows++;
    sampleHeap();
  }
  if (rows !== ROWS) throw new Error(`read ${rows} rows of ${ROWS}`);
  return rows / ((performance.now() - started) / 1000);
}

/** The same bytes from the same stream, cut into lines: the least any CSV reader must do. */
async function lines(): Promise<number> {
  const started = performance.now();
  let count = 0;
  for await (const chunk of createReadStream(file)) {
    const bytes = chunk as Buffer;
    for (let end = bytes.indexOf(10); end >= 0; end = bytes.indexOf(10, end + 1)) count++;
  }
  // The header and the rows: the plain generated file has no line breaks inside fields.
  if (count !== ROWS + 1) throw new Error(`counted ${count} lines`);
  return ROWS / ((performance.now() - started) / 1000);
}

try {
  // Written by another process: generating 200,000 rows here first slows the reads measured
  // after it by a third (garbage and compiled code left behind), which a real import never has.
  const generator = join(import.meta.dirname, '../src/intel/gtd/gtd.generate.main.ts');
  const args = ['--import', 'tsx', generator, '--rows', String(ROWS), '--seed', '1', '--out', file];
  const made = spawnSync(process.execPath, args, { stdio: 'inherit' });
  if (made.status !== 0) throw new Error('the generator failed');
  const bytes = statSync(file).size;
  const best = { row: 0, batch: 0, lines: 0 };
  for (let round = 0; round < 3; round++) {
    best.lines = Math.max(best.lines, await lines());
    best.row = Math.max(best.row, await perRow());
    best.batch = Math.max(best.batch, await perBatch());
  }
  const reference = {
    name: 'the same file read and split into lines (bytes, no decoding)',
    value: best.lines,
  };
  const size = `${ROWS.toLocaleString('en')} rows, ${(bytes / 2 ** 20).toFixed(0)} MiB`;
  report('gtd-parse', [
    figure(
      `readGtd, row by row (${size})`,
      'rows read and normalized per second, best of 3',
      'rows/s',
      best.row,
      reference,
    ),
    figure(
      `readGtdBatches, a chunk's rows at a time (${size})`,
      'rows read and normalized per second, best of 3',
      'rows/s',
      best.batch,
      reference,
    ),
  ]);
  console.log(`gtd-parse: peak heap while reading ${(peakHeap / 2 ** 20).toFixed(0)} MiB`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
