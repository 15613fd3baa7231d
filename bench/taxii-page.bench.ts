import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { openDatabase } from '../src/db/kysely.ts';
import { actorOf } from '../src/identity/actor.ts';
import { createToken } from '../src/identity/auth.service.ts';
import { delegationId } from '../src/identity/organizations.service.ts';
import { userById } from '../src/identity/users.repository.ts';
import { addUser } from '../src/identity/users.service.ts';
import { TLP2_IDS } from '../src/intel/tlp.rules.ts';
import { buildApp } from '../src/server/app.ts';
import { prepareDatabase } from '../src/server/prepare.ts';
import { figure, report } from './lib.ts';

// taxii-page: a TAXII client paging through the community collection of a store of OBJECTS
// objects on SQLite. Figures: the p95 latency of a 1,000-object page at random places in the
// collection (`added_after`), requests one after another over loopback; and objects/s of a walk
// through every page by `next`. Reference, same run: a plain SELECT of the same rows (every
// version's id, modified, date_added and body in date_added order) through better-sqlite3.
const OBJECTS = Number(process.env.BENCH_OBJECTS ?? 1_000_000);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 200);
const dir = mkdtempSync(join(tmpdir(), 'sco-bench-taxii-'));
const file = join(dir, 'sco.db');

/** Fills the store directly (the importer has its own benchmark): 90% GREEN, 10% AMBER for Kazakhstan. */
function fill(): { firstAdded: number; lastAdded: number } {
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  const version = sqlite.prepare('insert into stix_versions (added, id, modified, body) values (?, ?, ?, ?)');
  const object = sqlite.prepare(
    `insert into stix_objects (id, type, tlp, creator_org, creator_user, created, modified, name, happened, place, search, digest, revoked)
     values (?, ?, ?, 'rats-executive-committee', null, ?, ?, ?, ?, ?, ?, ?, 0)`,
  );
  const recipient = sqlite.prepare(
    "insert into stix_recipients (object_id, kind, principal) values (?, 'org', ?)",
  );
  const start = Date.parse('2026-01-01T00:00:00.000Z') * 1000;
  const at = '2026-01-01T00:00:00.000Z';
  sqlite.transaction(() => {
    for (let i = 0; i < OBJECTS; i++) {
      const incident = i % 3 !== 0;
      const type = incident ? 'incident' : 'threat-actor';
      const id = `${type}--${randomUUID()}`;
      const tlp = i % 10 === 9 ? 'amber' : 'green';
      const name = incident ? `Incident ${i} in Almaty` : `Synthetic group ${i}`;
      const body = JSON.stringify({
        created: at,
        modified: at,
        type,
        spec_version: '2.1',
        id,
        name,
        description: `Synthetic ${type} number ${i}, written for the TAXII paging benchmark.`,
        ...(incident ? {} : { threat_actor_types: ['terrorist'], aliases: [`SG-${i}`] }),
        created_by_ref: 'identity--0b6c0a4e-8d0f-5a8a-9b7e-1c2d3e4f5a6b',
        object_marking_refs: [TLP2_IDS[tlp]],
      });
      version.run(start + i, id, at, body);
      object.run(
        id,
        type,
        tlp,
        at,
        at,
        name,
        incident ? '2025-06-01' : null,
        'KZ',
        name.toLowerCase(),
        `d${i}`,
      );
      if (tlp === 'amber') recipient.run(id, delegationId('KZ'));
    }
    sqlite.prepare('update stix_clock set last_added = ?').run(start + OBJECTS);
  })();
  sqlite.pragma('optimize');
  sqlite.close();
  return { firstAdded: start, lastAdded: start + OBJECTS - 1 };
}

function plainSelect(): number {
  const sqlite = new SQLite(file, { readonly: true });
  const started = performance.now();
  let n = 0;
  for (const _row of sqlite
    .prepare('select id, modified, added, body from stix_versions order by added')
    .iterate())
    n++;
  const seconds = (performance.now() - started) / 1000;
  sqlite.close();
  return n / seconds;
}

const micros = (n: number) => {
  const iso = new Date(Math.floor(n / 1000)).toISOString();
  return `${iso.slice(0, -1)}${String(n % 1000).padStart(3, '0')}Z`;
};

const database = openDatabase({ sqliteFile: file });
await prepareDatabase(database, { dataDir: resolve(import.meta.dirname, '../data') });
await database.close();
const range = fill();

const served = openDatabase({ sqliteFile: file });
const app = await buildApp({ database: served });
const base = await app.listen({ port: 0, host: '127.0.0.1' });
try {
  const user = await addUser(
    served.db,
    { kind: 'system', name: 'bench' },
    {
      username: 'bench-analyst',
      displayName: 'Bench analyst',
      organizationId: 'rats-executive-committee',
      roles: ['analyst'],
      password: 'a long enough benchmark password',
    },
    new Date(),
  );
  const row = await userById(served.db, user.id);
  const actor = row ? await actorOf(served.db, row, new Date()) : null;
  if (!actor) throw new Error('no actor');
  const { token } = await createToken(
    served.db,
    actor,
    { name: 'bench', roles: ['analyst'], expiresInDays: 1 },
    new Date(),
  );
  const headers = { accept: 'application/taxii+json;version=2.1', authorization: `Bearer ${token}` };
  const objectsUrl = `${base}/taxii2/api/collections/community/objects/`;

  const page = async (query: string) => {
    const res = await fetch(`${objectsUrl}?${query}`, { headers });
    if (res.status !== 200) throw new Error(`${res.status}: ${await res.text()}`);
    return {
      body: (await res.json()) as { more: boolean; next?: string; objects?: unknown[] },
      headers: res.headers,
    };
  };

  // Latency of one page of 1,000 at random places (warm-up first).
  const span = range.lastAdded - range.firstAdded - 2000;
  for (let i = 0; i < 20; i++)
    await page(`limit=1000&added_after=${micros(range.firstAdded + Math.floor(Math.random() * span))}`);
  const times: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const after = micros(range.firstAdded + Math.floor(Math.random() * span));
    const started = performance.now();
    const { body } = await page(`limit=1000&added_after=${after}`);
    times.push(performance.now() - started);
    if ((body.objects?.length ?? 0) < 900) throw new Error(`short page: ${body.objects?.length}`);
  }
  times.sort((a, b) => a - b);
  const p95 = times[Math.floor(times.length * 0.95)] as number;

  // A walk through every page by `next`.
  let next: string | undefined;
  let walked = 0;
  const started = performance.now();
  do {
    const { body } = await page(`limit=1000${next ? `&next=${next}` : ''}`);
    walked += body.objects?.length ?? 0;
    next = body.more ? body.next : undefined;
  } while (next);
  const walkRate = walked / ((performance.now() - started) / 1000);
  const expected = OBJECTS - Math.floor((OBJECTS + 0) / 10);
  if (Math.abs(walked - expected) > 1)
    throw new Error(`walked ${walked}, expected ${expected} GREEN objects`);

  const selectRate = plainSelect();
  const selectPageMs = (1000 / selectRate) * 1000;
  report('taxii-page', [
    figure(
      'GET objects, limit=1000, p95',
      `p95 latency of a 1,000-object page at random added_after, community collection of a ${OBJECTS.toLocaleString('en')}-object store, SQLite, ${SAMPLES} requests in sequence over loopback (goal: under 100 ms)`,
      'ms',
      p95,
      {
        name: 'plain SELECT of 1,000 rows (id, modified, added, body) in date_added order, same run',
        value: selectPageMs,
      },
    ),
    figure(
      'full walk by next',
      `objects/s walking all ${walked.toLocaleString('en')} GREEN objects of the collection in pages of 1,000`,
      'objects/s',
      walkRate,
      {
        name: 'plain SELECT of every version in date_added order through better-sqlite3, same run',
        value: selectRate,
      },
    ),
  ]);
} finally {
  await app.close();
  await served.close();
  rmSync(dir, { recursive: true, force: true });
}
