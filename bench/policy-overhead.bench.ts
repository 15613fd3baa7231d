import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openDatabase } from '../src/db/kysely.ts';
import type { Actor } from '../src/identity/policy.rules.ts';
import { listUsers as listUsersQuery } from '../src/identity/users.repository.ts';
import { listUsers, presentUser } from '../src/identity/users.service.ts';
import { prepareDatabase } from '../src/server/prepare.ts';
import { figure, report } from './lib.ts';

// policy-overhead: the users list through the access policy (scope turned into a SQL condition)
// against the same query with no access condition returning the same rows, in the same run.
const USERS = Number(process.env.BENCH_USERS ?? 20_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const dir = mkdtempSync(join(tmpdir(), 'sco-bench-policy-'));
const database = openDatabase({ sqliteFile: join(dir, 'sco.db') });
await prepareDatabase(database, { dataDir: resolve(import.meta.dirname, '../data') });
const { db } = database;

const orgs = (await db.selectFrom('organizations').select('id').orderBy('id').execute()).map((o) => o.id);
const rows = Array.from({ length: USERS }, (_, i) => ({
  id: randomUUID(),
  username: `user${String(i).padStart(6, '0')}`,
  display_name: `User ${i}`,
  organization_id: orgs[i % orgs.length] as string,
  roles: '["delegate"]',
  password_hash: null,
  disabled_at: null,
  created_at: '2026-01-01T00:00:00.000Z',
}));
for (let i = 0; i < rows.length; i += 500)
  await db
    .insertInto('users')
    .values(rows.slice(i, i + 500))
    .execute();

const org = 'delegation-kz';
const delegate: Actor = {
  kind: 'user',
  userId: 'x',
  organizationId: org,
  organizationKind: 'delegation',
  roles: ['delegate'],
};
const admin: Actor = {
  kind: 'user',
  userId: 'y',
  organizationId: 'secretariat',
  organizationKind: 'secretariat',
  roles: ['admin'],
};

async function opsPerSecond(run: () => Promise<{ rows?: unknown[]; items?: unknown[] }>): Promise<number> {
  let n = 0;
  const until = performance.now() + SECONDS * 1000;
  const t0 = performance.now();
  while (performance.now() < until) {
    const page = await run();
    if ((page.items ?? page.rows ?? []).length !== 50) throw new Error('expected a full page of 50');
    n += 1;
  }
  return n / ((performance.now() - t0) / 1000);
}

/** The same query and the same presentation, with no access condition in the SQL. */
async function unfiltered(actor: Actor, organizationId?: string) {
  const { rows, total } = await listUsersQuery(db, null, {
    limit: 50,
    offset: 0,
    ...(organizationId ? { organizationId } : {}),
  });
  return { items: rows.map((r) => presentUser(r, actor)), total };
}

const cases = {
  delegateFiltered: () => listUsers(db, delegate, { limit: 50 }),
  delegateUnfiltered: () => unfiltered(delegate, org),
  adminFiltered: () => listUsers(db, admin, { limit: 50 }),
  adminUnfiltered: () => unfiltered(admin),
};
try {
  for (const run of Object.values(cases)) await opsPerSecond(run); // warm-up
  const sums = { delegateFiltered: 0, delegateUnfiltered: 0, adminFiltered: 0, adminUnfiltered: 0 };
  const ROUNDS = 3;
  for (let r = 0; r < ROUNDS; r++) {
    for (const [name, run] of Object.entries(cases))
      sums[name as keyof typeof sums] += await opsPerSecond(run);
  }
  const mean = (k: keyof typeof sums) => sums[k] / ROUNDS;
  const metric = `lists of 50 per second over ${USERS.toLocaleString('en')} users, mean of ${ROUNDS} rounds of ${SECONDS}s`;
  report('policy-overhead', [
    figure(
      'GET users as a delegate (own organization by policy)',
      metric,
      'lists/s',
      mean('delegateFiltered'),
      {
        name: 'same rows, query without the access condition',
        value: mean('delegateUnfiltered'),
      },
    ),
    figure('GET users as an administrator (all by policy)', metric, 'lists/s', mean('adminFiltered'), {
      name: 'same rows, query without the access condition',
      value: mean('adminUnfiltered'),
    }),
  ]);
} finally {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
}
