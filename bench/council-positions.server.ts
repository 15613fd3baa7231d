import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openDecision } from '../src/council/decisions.service.ts';
import { openDatabase } from '../src/db/kysely.ts';
import { actorOf } from '../src/identity/actor.ts';
import { createToken } from '../src/identity/auth.service.ts';
import { userById } from '../src/identity/users.repository.ts';
import { addUser } from '../src/identity/users.service.ts';
import { buildApp } from '../src/server/app.ts';
import { prepareDatabase } from '../src/server/prepare.ts';

// The process under load for council-positions: the real app on a SQLite file with the reference
// data, a delegate and an API token for each member state, and DECISIONS open decisions.
const DECISIONS = Number(process.env.BENCH_DECISIONS ?? 500);
const MEMBERS = ['BY', 'CN', 'IN', 'IR', 'KG', 'KZ', 'PK', 'RU', 'TJ', 'UZ'];
const system = { kind: 'system', name: 'bench' } as const;
const dir = mkdtempSync(join(tmpdir(), 'sco-bench-council-'));
const database = openDatabase({ sqliteFile: join(dir, 'sco.db') });
await prepareDatabase(database, { dataDir: resolve(import.meta.dirname, '../data') });
const tokens: string[] = [];
for (const code of MEMBERS) {
  const user = await addUser(
    database.db,
    system,
    {
      username: `${code.toLowerCase()}.bench`,
      displayName: code,
      organizationId: `delegation-${code.toLowerCase()}`,
      roles: ['delegate'],
    },
    new Date(),
  );
  const row = await userById(database.db, user.id);
  const actor = row ? await actorOf(database.db, row, new Date()) : null;
  if (!actor) throw new Error('no actor');
  tokens.push(
    (
      await createToken(
        database.db,
        actor,
        { name: 'bench', roles: ['delegate'], expiresInDays: 1 },
        new Date(),
      )
    ).token,
  );
}
const ids: string[] = [];
for (let i = 0; i < DECISIONS; i++) {
  ids.push(
    (
      await openDecision(
        database.db,
        system,
        { bodyId: 'cnc', title: { en: `Decision ${i}` }, rule: 'consensus' },
        new Date(),
      )
    ).id,
  );
}
const app = await buildApp({ database });
await app.listen({ port: 0, host: '127.0.0.1' });
process.send?.({ port: (app.server.address() as { port: number }).port, tokens, ids });
process.on('SIGINT', () => process.exit(0));
