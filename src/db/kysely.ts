import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.ts';
import { FairSqliteDialect, reusingStatements } from './sqlite.ts';

export type Dialect = 'sqlite' | 'postgres';

/** An open database: the Kysely handle, which dialect it speaks, and how to close it. */
export interface Database {
  db: Kysely<DB>;
  dialect: Dialect;
  /** How it was opened: another thread can open the same database with these. */
  options: DatabaseOptions;
  /**
   * The SQLite connection under Kysely, for bulk writes that prepared statements make several
   * times faster (imports). Use it only inside a Kysely transaction on `db`, which holds the
   * connection, so that its statements join that transaction.
   */
  sqlite?: SQLite.Database;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** PostgreSQL connection string; when absent, `sqliteFile` is opened. */
  databaseUrl?: string | undefined;
  sqliteFile?: string;
  /** PostgreSQL schema to work in (tests give each run its own). */
  pgSchema?: string;
  pgPoolSize?: number;
}

/** Opens SQLite (WAL, foreign keys on) or PostgreSQL, by the options given. */
export function openDatabase(options: DatabaseOptions): Database {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.pgPoolSize ?? 10,
      ...(options.pgSchema ? { options: `-c search_path=${options.pgSchema}` } : {}),
    });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', options, close: () => db.destroy() };
  }
  const file = options.sqliteFile ?? ':memory:';
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  // 16 KiB pages for a new database (an existing one keeps its own): a STIX version is often
  // 2 KiB of JSON, and on the default 4 KiB page each took a page to itself; imports write
  // two and a half times faster (measured by bench/gtd-import). Set before WAL fixes the size.
  sqlite.pragma('page_size = 16384');
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  // 128 MiB of page cache: imports write into large B-trees keyed by random ids, while the
  // versions they append pass through the same cache. Against 64 MiB, a 200,000-row GTD import
  // runs 16 % faster (bench/gtd-import) and a 1,000,000-row one peaks at 450-456 MB, not 382.
  sqlite.pragma('cache_size = -131072');
  // The temporary tables where an import's rows wait to be written in key order (`staged`) hold a
  // few megabytes at a time; 8 MiB of cache keeps them off the disk without the default 16.
  sqlite.pragma('temp.cache_size = -8192');
  const db = new Kysely<DB>({ dialect: new FairSqliteDialect({ database: reusingStatements(sqlite) }) });
  return { db, dialect: 'sqlite', options, sqlite, close: () => db.destroy() };
}
