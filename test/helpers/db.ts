import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe } from 'vitest';
import { type Database, type Dialect, openDatabase } from '../../src/db/kysely.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';

/**
 * The dialect matrix: repository and service tests run once on SQLite and once on PostgreSQL.
 * Each PostgreSQL test database is a schema of its own, so runs and files never collide.
 */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

const postgresUp = await postgresReachable();
if (!postgresUp) {
  if (process.env.CI)
    throw new Error(`PostgreSQL is required in CI and is not reachable at ${TEST_DATABASE_URL}`);
  console.warn(
    `\n!!! PostgreSQL at ${TEST_DATABASE_URL} is not reachable: the PostgreSQL leg of the tests DID NOT RUN !!!\n`,
  );
}

export const DIALECTS: Dialect[] = postgresUp ? ['sqlite', 'postgres'] : ['sqlite'];

export interface TestDatabase extends Database {
  /** The PostgreSQL schema the test works in (undefined on SQLite). */
  schema?: string;
  /** Drops what the test created (the PostgreSQL schema) and closes the connection. */
  destroy(): Promise<void>;
}

/** A fresh, migrated, empty database of the given dialect. */
export async function createTestDatabase(
  dialect: Dialect,
  options: { sqliteFile?: string } = {},
): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const database = openDatabase({ sqliteFile: options.sqliteFile ?? ':memory:' });
    await migrateToLatest(database.db);
    return { ...database, destroy: () => database.close() };
  }
  const schema = `test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const database = openDatabase({ databaseUrl: TEST_DATABASE_URL, pgSchema: schema, pgPoolSize: 4 });
  await migrateToLatest(database.db, schema);
  return {
    ...database,
    schema,
    destroy: async () => {
      await database.close();
      const cleanup = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await cleanup.connect();
      await cleanup.query(`drop schema ${schema} cascade`);
      await cleanup.end();
    },
  };
}

/** Declares the same suite once per available dialect. */
export function describeEachDialect(name: string, suite: (dialect: Dialect) => void): void {
  for (const dialect of DIALECTS) describe(`${name} [${dialect}]`, () => suite(dialect));
}
