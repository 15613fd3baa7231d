import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { type Database, openDatabase } from '../../src/db/kysely.ts';
import { buildApp } from '../../src/server/app.ts';
import { prepareDatabase } from '../../src/server/prepare.ts';

const ROOT = resolve(import.meta.dirname, '../..');
export const DATA_DIR = join(ROOT, 'data');
export const WEB_ROOT = join(ROOT, 'web/dist');

/**
 * A server on a fresh SQLite file with the reference data, the organizations made from it and
 * the built web app, on a free port; `database` lets a test make what it needs (users).
 */
export async function startServer(): Promise<{
  url: string;
  app: FastifyInstance;
  database: Database;
  close(): Promise<void>;
}> {
  const dir = mkdtempSync(join(tmpdir(), 'sco-e2e-'));
  const database = openDatabase({ sqliteFile: join(dir, 'sco.db') });
  await prepareDatabase(database, { dataDir: DATA_DIR });
  const app = await buildApp({ database, webRoot: WEB_ROOT });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url: address,
    app,
    database,
    close: async () => {
      await app.close();
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
