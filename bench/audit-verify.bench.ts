import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { openDatabase } from '../src/db/kysely.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { type AuditFields, entryBytes, entryHash } from '../src/identity/audit.rules.ts';
import { verifyAudit } from '../src/identity/audit.verify.ts';
import { figure, report } from './lib.ts';

// audit-verify: entries per second of `verifyAudit` over a chain of ENTRIES entries in SQLite,
// beside raw SHA-256 over the same bytes (one digest per entry, as the verifier computes) in the
// same run.
const ENTRIES = Number(process.env.BENCH_AUDIT_ENTRIES ?? 1_000_000);
const dir = mkdtempSync(join(tmpdir(), 'sco-bench-audit-'));
const file = join(dir, 'sco.db');
const database = openDatabase({ sqliteFile: file });
await migrateToLatest(database.db);
await database.close();

// Building the chain is set-up, not measured: raw statements in one transaction.
const raw = new SQLite(file);
const insert = raw.prepare(
  'insert into audit_log (seq, at, actor, organization_id, action, subject_type, subject_id, state_digest, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
);
const bytes: string[] = new Array(ENTRIES);
let prevHash = '';
const started = Date.parse('2026-01-01T00:00:00Z');
raw.transaction(() => {
  for (let seq = 1; seq <= ENTRIES; seq++) {
    const fields: AuditFields = {
      seq,
      at: new Date(started + seq * 1000).toISOString(),
      actor: `user:${(seq % 97).toString(16).padStart(8, '0')}-0000-4000-8000-000000000000`,
      organizationId: `delegation-${['cn', 'kz', 'kg', 'ru', 'tj', 'uz'][seq % 6]}`,
      action: 'user.create',
      subjectType: 'user',
      subjectId: `${seq.toString(16).padStart(8, '0')}-0000-4000-8000-000000000000`,
      stateDigest: createHash('sha256').update(String(seq)).digest('hex'),
      prevHash,
    };
    bytes[seq - 1] = entryBytes(fields);
    prevHash = entryHash(fields);
    insert.run(
      fields.seq,
      fields.at,
      fields.actor,
      fields.organizationId,
      fields.action,
      fields.subjectType,
      fields.subjectId,
      fields.stateDigest,
      fields.prevHash,
      prevHash,
    );
  }
  raw.prepare('update audit_head set seq = ?, hash = ? where id = 1').run(ENTRIES, prevHash);
})();
raw.close();

function rawSha256(): number {
  const t0 = performance.now();
  let last = '';
  for (const b of bytes) last = createHash('sha256').update(b).digest('hex');
  if (last !== prevHash) throw new Error('reference hashed different bytes');
  return ENTRIES / ((performance.now() - t0) / 1000);
}

async function verify(): Promise<number> {
  const db = openDatabase({ sqliteFile: file });
  const t0 = performance.now();
  const result = await verifyAudit(db, { kind: 'system', name: 'bench' });
  const seconds = (performance.now() - t0) / 1000;
  await db.close();
  if (!result.ok || result.entries !== ENTRIES)
    throw new Error(`verification failed: ${JSON.stringify(result)}`);
  return ENTRIES / seconds;
}

try {
  // Interleaved, twice each, so that both see the same machine.
  const refs = [rawSha256(), 0];
  const values = [await verify(), 0];
  refs[1] = rawSha256();
  values[1] = await verify();
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  report('audit-verify', [
    figure(
      `verify a ${ENTRIES.toLocaleString('en')}-entry chain (SQLite)`,
      'entries verified per second, mean of 2 runs',
      'entries/s',
      mean(values),
      { name: 'raw SHA-256 of the same bytes, one digest per entry', value: mean(refs) },
    ),
  ]);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
