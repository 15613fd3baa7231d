import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Kysely } from 'kysely';
import type { Database, DatabaseOptions } from '../db/kysely.ts';
import { openDatabase } from '../db/kysely.ts';
import type { DB } from '../db/schema.ts';
import { NotFound } from '../errors.ts';
import * as repo from './audit.repository.ts';
import { type ChainFault, ChainVerifier } from './audit.rules.ts';
import { type Actor, authorize } from './policy.rules.ts';

/**
 * Verification of the whole audit chain. A chain is cut into ranges checked independently (each
 * range starts from the stored hash of the entry before it), so long chains are verified by
 * several threads at once, each with its own connection; the first fault in chain order wins.
 */
export type VerifyResult = { ok: true; entries: number } | ({ ok: false; entries: number } & ChainFault);

export interface RangeResult {
  checked: number;
  fault: ChainFault | null;
}

const PAGE = 5000;
/** Below this many entries one thread is quicker than starting others. */
const PARALLEL_FROM = 100_000;

/** Checks entries `from` to `to` (inclusive) and the link into `from`. */
export async function verifyRange(db: Kysely<DB>, from: number, to: number): Promise<RangeResult> {
  const before = from === 1 ? '' : ((await repo.hashOf(db, from - 1)) ?? null);
  const verifier = new ChainVerifier(from, before);
  let after = from - 1;
  for (;;) {
    const rows = await repo.entriesAfter(db, after, PAGE, to);
    for (const entry of rows) {
      const fault = verifier.check(entry);
      if (fault) return { checked: verifier.checked, fault };
    }
    if (rows.length < PAGE) break;
    after = Number(rows[rows.length - 1]?.seq);
  }
  return { checked: verifier.checked, fault: verifier.endAt(to) };
}

function inWorker(options: DatabaseOptions, from: number, to: number): Promise<RangeResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./audit.verify.worker.mjs', import.meta.url), {
      workerData: { options, from, to },
    });
    worker.once('message', (result: RangeResult | { error: string }) => {
      void worker.terminate();
      if ('error' in result) reject(new Error(result.error));
      else resolve(result);
    });
    worker.once('error', reject);
  });
}

/** Walks the whole chain and reports the first broken entry; only administrators may. */
export async function verifyAudit(
  database: Database,
  actor: Actor,
  options: { threads?: number; parallelFrom?: number } = {},
): Promise<VerifyResult> {
  if (!authorize(actor, 'verify', 'audit', {})) throw new NotFound('audit log', 'chain');
  const { db } = database;
  const head = await repo.readHead(db);
  const shared =
    database.options.databaseUrl !== undefined || (database.options.sqliteFile ?? ':memory:') !== ':memory:';
  const parallel = shared && head.seq >= (options.parallelFrom ?? PARALLEL_FROM);
  const count = parallel ? (options.threads ?? Math.min(availableParallelism(), 4)) : 1;
  const size = Math.ceil(head.seq / count);
  const ranges = Array.from(
    { length: count },
    (_, i) => [i * size + 1, Math.min((i + 1) * size, head.seq)] as const,
  ).filter(([from, to]) => from <= to);
  const results =
    ranges.length <= 1
      ? [await verifyRange(db, 1, head.seq)]
      : await Promise.all(ranges.map(([from, to]) => inWorker(database.options, from, to)));
  let entries = 0;
  for (const result of results) {
    entries += result.checked;
    if (result.fault) return { ok: false, entries, ...result.fault };
  }
  const beyond = await repo.countAfter(db, head.seq);
  if (beyond > 0)
    return {
      ok: false,
      entries,
      seq: head.seq + 1,
      problem: `${beyond} entries lie beyond the chain's head`,
    };
  const lastHash = head.seq === 0 ? '' : await repo.hashOf(db, head.seq);
  if (lastHash !== head.hash)
    return {
      ok: false,
      entries,
      seq: head.seq,
      problem: `the chain's head does not match entry ${head.seq}`,
    };
  return { ok: true, entries };
}

/** The body of a verifying thread: open the database, check one range, report. */
export async function verifyRangeIn(
  options: DatabaseOptions,
  from: number,
  to: number,
): Promise<RangeResult> {
  const database = openDatabase({ ...options, pgPoolSize: 1 });
  try {
    return await verifyRange(database.db, from, to);
  } finally {
    await database.close();
  }
}
