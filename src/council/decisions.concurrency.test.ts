import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describeEachDialect, type TestDatabase } from '../../test/helpers/db.ts';
import { actorFor, makeUser, SYSTEM } from '../../test/helpers/identity-factory.ts';
import { DATA_DIR } from '../../test/helpers/server.ts';
import { createToken } from '../identity/auth.service.ts';
import { buildApp } from '../server/app.ts';
import { prepareDatabase } from '../server/prepare.ts';
import { outcome } from './decision.rules.ts';
import * as repo from './decisions.repository.ts';
import { openDecision } from './decisions.service.ts';

const MEMBERS = ['BY', 'CN', 'IN', 'IR', 'KG', 'KZ', 'PK', 'RU', 'TJ', 'UZ'];
const DECISIONS = 200;

/** Runs `tasks` with at most `width` in flight. */
async function pool<T>(tasks: (() => Promise<T>)[], width: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await (tasks[i] as () => Promise<T>)();
    }
  };
  await Promise.all(Array.from({ length: width }, worker));
  return results;
}

describeEachDialect('ten delegations on two hundred decisions at once, over HTTP', (dialect) => {
  let database: TestDatabase;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let url: string;
  const tokens = new Map<string, string>();
  const ids: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    await prepareDatabase(database, { dataDir: DATA_DIR });
    for (const code of MEMBERS) {
      const user = await makeUser(database.db, {
        roles: ['delegate'],
        organizationId: `delegation-${code.toLowerCase()}`,
      });
      const token = await createToken(
        database.db,
        await actorFor(database.db, user.id),
        { name: 'load', roles: ['delegate'], expiresInDays: 1 },
        new Date(),
      );
      tokens.set(code, token.token);
    }
    for (let i = 0; i < DECISIONS; i++) {
      const d = await openDecision(
        database.db,
        SYSTEM,
        { bodyId: 'cnc', title: { en: `Decision ${i}` }, rule: 'consensus' },
        new Date(),
      );
      ids.push(d.id);
    }
    app = await buildApp({ database });
    url = await app.listen({ port: 0, host: '127.0.0.1' });
  }, 120_000);
  afterAll(async () => {
    await app.close();
    await database.destroy();
  });

  it('loses and duplicates nothing, and each stored outcome equals the rules over the stored log', async () => {
    const tasks = ids.flatMap((id, i) =>
      MEMBERS.map((code, j) => async () => {
        const objection = (i + j) % 37 === 0;
        const res = await fetch(`${url}/api/decisions/${id}/positions`, {
          method: 'POST',
          headers: { authorization: `Bearer ${tokens.get(code)}`, 'content-type': 'application/json' },
          body: JSON.stringify(
            objection ? { position: 'objection', text: 'Not yet' } : { position: 'support' },
          ),
        });
        return res.status;
      }),
    );
    const statuses = await pool(tasks, 40);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    for (const id of ids) {
      const events = await repo.eventsOf(database.db, id);
      expect(events.map((e) => e.seq)).toEqual(Array.from({ length: MEMBERS.length + 1 }, (_, k) => k + 1));
      const stated = events.flatMap((e) => (e.type === 'position' ? [e.state] : [])).sort();
      expect(stated).toEqual(MEMBERS);
      const row = await repo.decisionById(database.db, id);
      expect(row?.version).toBe(MEMBERS.length + 1);
      expect(row?.status).toBe(outcome(events, new Date().toISOString()).status);
    }
  }, 180_000);
});
