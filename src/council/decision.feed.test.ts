import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describeEachDialect, type TestDatabase } from '../../test/helpers/db.ts';
import { actorFor, makeUser, SYSTEM } from '../../test/helpers/identity-factory.ts';
import { DATA_DIR } from '../../test/helpers/server.ts';
import { openDatabase } from '../db/kysely.ts';
import { createToken } from '../identity/auth.service.ts';
import { buildApp } from '../server/app.ts';
import { prepareDatabase } from '../server/prepare.ts';
import { openDecision } from './decisions.service.ts';

/** Reads server-sent events from a response until `until` returns true for one of them. */
async function readEvents(
  res: Response,
  until: (data: { standingObjections: { state: string }[] }) => boolean,
) {
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const seen: unknown[] = [];
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return seen;
    buffer += decoder.decode(value, { stream: true });
    let end = buffer.indexOf('\n\n');
    while (end >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = block.split('\n').find((l) => l.startsWith('data: '));
      if (data) {
        const decision = JSON.parse(data.slice(6));
        seen.push(decision);
        if (until(decision)) {
          await reader.cancel();
          return seen;
        }
      }
      end = buffer.indexOf('\n\n');
    }
  }
}

describeEachDialect('the live board feed across two app servers', (dialect) => {
  let database: TestDatabase;
  let second: ReturnType<typeof openDatabase>;
  let appA: Awaited<ReturnType<typeof buildApp>>;
  let appB: Awaited<ReturnType<typeof buildApp>>;
  let urlA: string;
  let urlB: string;
  let kz: string;
  let ru: string;
  let decisionId: string;

  beforeAll(async () => {
    const sqliteFile = join(mkdtempSync(join(tmpdir(), 'sco-feed-')), 'sco.db');
    database = await createTestDatabase(dialect, { sqliteFile });
    await prepareDatabase(database, { dataDir: DATA_DIR });
    // A second server on the same database, through its own connection, as behind a load balancer.
    second = openDatabase(database.options);
    for (const [code, set] of [
      ['KZ', (t: string) => (kz = t)],
      ['RU', (t: string) => (ru = t)],
    ] as const) {
      const user = await makeUser(database.db, {
        roles: ['delegate'],
        organizationId: `delegation-${code.toLowerCase()}`,
      });
      set(
        (
          await createToken(
            database.db,
            await actorFor(database.db, user.id),
            { name: 'board', roles: ['delegate'], expiresInDays: 1 },
            new Date(),
          )
        ).token,
      );
    }
    decisionId = (
      await openDecision(
        database.db,
        SYSTEM,
        { bodyId: 'cnc', title: { en: 'Live' }, rule: 'consensus' },
        new Date(),
      )
    ).id;
    appA = await buildApp({ database });
    appB = await buildApp({ database: second });
    urlA = await appA.listen({ port: 0, host: '127.0.0.1' });
    urlB = await appB.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await appA.close();
    await appB.close();
    await second.close();
    await database.destroy();
  });

  it('shows on server B an objection stated through server A, without asking again', async () => {
    const stream = await fetch(`${urlB}/api/decisions/${decisionId}/stream`, {
      headers: { authorization: `Bearer ${ru}` },
    });
    expect(stream.headers.get('content-type')).toMatch(/text\/event-stream/);
    const watching = readEvents(stream, (d) => d.standingObjections.some((o) => o.state === 'KZ'));
    await new Promise((r) => setTimeout(r, 700));
    const posted = await fetch(`${urlA}/api/decisions/${decisionId}/positions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${kz}`, 'content-type': 'application/json' },
      body: JSON.stringify({ position: 'objection', text: 'Article 1' }),
    });
    expect(posted.status).toBe(200);
    const seen = await watching;
    expect(seen.length).toBeGreaterThanOrEqual(2);
    expect((seen[0] as { standingObjections: unknown[] }).standingObjections).toEqual([]);
  });

  it('refuses the stream without credentials', async () => {
    const res = await fetch(`${urlB}/api/decisions/${decisionId}/stream`);
    expect(res.status).toBe(401);
  });
});
