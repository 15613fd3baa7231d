import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { type Database, openDatabase } from '../src/db/kysely.ts';
import { prepareDatabase } from '../src/server/prepare.ts';

/** One measured figure beside the reference measured in the same run on the same machine. */
export interface Figure {
  name: string;
  metric: string;
  unit: string;
  value: number;
  reference: { name: string; value: number };
  ratio: number;
}

export function figure(
  name: string,
  metric: string,
  unit: string,
  value: number,
  reference: Figure['reference'],
): Figure {
  return { name, metric, unit, value, reference, ratio: value / reference.value };
}

/** Writes bench/results/NAME.json and prints one line per figure with the same numbers. */
export function report(bench: string, figures: Figure[]): void {
  const dir = join(import.meta.dirname, 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, `${bench}.json`),
    `${JSON.stringify(figures.length === 1 ? figures[0] : figures, null, 2)}\n`,
  );
  for (const f of figures) {
    const round = (n: number) => Math.round(n * 10) / 10;
    console.log(
      `${bench}: ${f.name}: ${round(f.value)} ${f.unit} (${f.metric}); reference ${f.reference.name}: ${round(f.reference.value)} ${f.unit}; ratio ${f.ratio.toFixed(3)}`,
    );
  }
}

/**
 * Seconds `run` takes on a prepared PostgreSQL database (TEST_DATABASE_URL, a schema of its own,
 * dropped afterwards), or null when no server answers or BENCH_POSTGRES=0.
 */
export async function onPostgres(run: (database: Database) => Promise<void>): Promise<number | null> {
  if (process.env.BENCH_POSTGRES === '0') return null;
  const url = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const schema = `bench_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: url });
  try {
    await admin.connect();
  } catch {
    return null;
  }
  await admin.query(`create schema ${schema}`);
  const database = openDatabase({ databaseUrl: url, pgSchema: schema });
  try {
    await prepareDatabase(database, { dataDir: resolve(import.meta.dirname, '../data') });
    const started = performance.now();
    await run(database);
    return (performance.now() - started) / 1000;
  } finally {
    await database.close();
    await admin.query(`drop schema ${schema} cascade`);
    await admin.end();
  }
}
