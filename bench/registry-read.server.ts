import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Fastify from 'fastify';
import { openDatabase } from '../src/db/kysely.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { seedReferenceData } from '../src/registry/reference-data.service.ts';
import { readReferenceData } from '../src/registry/reference-data.ts';
import { buildApp } from '../src/server/app.ts';

// The process under load for registry-read: the real app on a seeded SQLite file, and beside it
// a bare Fastify answering a constant, as the same-machine reference. Prints both ports.
const dir = mkdtempSync(join(tmpdir(), 'sco-bench-'));
const database = openDatabase({ sqliteFile: join(dir, 'sco.db') });
await migrateToLatest(database.db);
await seedReferenceData(database.db, readReferenceData(resolve(import.meta.dirname, '../data')));
const app = await buildApp({ database });
await app.listen({ port: 0, host: '127.0.0.1' });

const constant = Fastify();
const body = { ok: true, items: [], total: 0 };
constant.get('/constant', async () => body);
await constant.listen({ port: 0, host: '127.0.0.1' });

const port = (server: { server: { address(): unknown } }) =>
  (server.server.address() as { port: number }).port;
process.send?.({ app: port(app), constant: port(constant) });
process.on('SIGINT', () => process.exit(0));
