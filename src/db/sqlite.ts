import type SQLite from 'better-sqlite3';
import {
  type DatabaseConnection,
  type Driver,
  type QueryCompiler,
  type SqliteDatabase,
  SqliteDialect,
  type TransactionSettings,
} from 'kysely';

/**
 * The embedded database's one connection, made to hold up under many concurrent requests:
 * statements are prepared once, and requests take the connection in the order they asked for it.
 */

/** How many prepared statements the connection keeps; the least recently used goes first. */
const STATEMENTS_KEPT = 1000;

/**
 * The connection as Kysely sees it, with each SQL text prepared once. Kysely asks for a fresh
 * statement on every query, and preparing costs as much as running a small one; queries are
 * built from fixed shapes with bound parameters, so the texts repeat. A statement still being
 * iterated (a streamed query) is busy and is not handed out again: a new one is prepared.
 */
export function reusingStatements(sqlite: SQLite.Database): SqliteDatabase {
  const kept = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql) {
      const statement = kept.get(sql);
      if (statement && !statement.busy) {
        kept.delete(sql);
        kept.set(sql, statement);
        return statement;
      }
      const fresh = sqlite.prepare(sql);
      if (!statement) {
        kept.set(sql, fresh);
        if (kept.size > STATEMENTS_KEPT) kept.delete(kept.keys().next().value as string);
      }
      return fresh;
    },
  };
}

/**
 * First come, first served. Kysely's own SQLite lock wakes every waiter on each release and lets
 * them race for it: with fifty requests waiting, each query paid for fifty wake-ups and an
 * unlucky request could wait seconds. Here the connection passes straight to the oldest waiter.
 */
class Queue {
  #held = false;
  readonly #waiting: (() => void)[] = [];

  take(): Promise<void> {
    if (!this.#held) {
      this.#held = true;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  give(): void {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#held = false;
  }
}

/** Kysely's SQLite driver, behind a first-come-first-served queue for its connection. */
class FairDriver implements Driver {
  readonly #queue = new Queue();
  constructor(readonly inner: Driver) {}

  init() {
    return this.inner.init();
  }
  async acquireConnection() {
    await this.#queue.take();
    return this.inner.acquireConnection();
  }
  async releaseConnection(connection: DatabaseConnection) {
    await this.inner.releaseConnection(connection);
    this.#queue.give();
  }
  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings) {
    return this.inner.beginTransaction(connection, settings);
  }
  commitTransaction(connection: DatabaseConnection) {
    return this.inner.commitTransaction(connection);
  }
  rollbackTransaction(connection: DatabaseConnection) {
    return this.inner.rollbackTransaction(connection);
  }
  async savepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
    await this.inner.savepoint?.(connection, name, compile);
  }
  async rollbackToSavepoint(
    connection: DatabaseConnection,
    name: string,
    compile: QueryCompiler['compileQuery'],
  ) {
    await this.inner.rollbackToSavepoint?.(connection, name, compile);
  }
  async releaseSavepoint(
    connection: DatabaseConnection,
    name: string,
    compile: QueryCompiler['compileQuery'],
  ) {
    await this.inner.releaseSavepoint?.(connection, name, compile);
  }
  destroy() {
    return this.inner.destroy();
  }
}

export class FairSqliteDialect extends SqliteDialect {
  override createDriver(): Driver {
    return new FairDriver(super.createDriver());
  }
}

/**
 * Rows written now and put in place later, on the embedded database. A bulk write that inserts
 * rows keyed at random (ids are hashes) pays for each one with a search and often a page split in
 * the middle of a B-tree; the same rows inserted in key order by one statement are appended. So
 * the rows wait in a temporary table of the connection, and `settle` runs statements that read
 * them (move, sort, sum) and empties it. The writer settles before anything reads the rows where
 * they belong, and every `limit` rows, so that the table stays small. A transaction (or a
 * savepoint) that rolls back takes the waiting rows with it, and a settle lands whole or not at
 * all.
 */
export interface Staged {
  add(...values: unknown[]): void;
  /** Runs the settling statements if rows wait (the table says, not a count), then empties it. */
  settle(): void;
}

const stagings = new WeakMap<SQLite.Database, Map<string, Staged>>();

/**
 * The staging table `temp.<name>` of this connection with `columns`; `settling` are the statements
 * that read it (as `temp.<name>`) to put its rows in place, in order.
 */
export function staged(
  sqlite: SQLite.Database,
  name: string,
  columns: readonly string[],
  settling: readonly string[],
  limit: number,
): Staged {
  // Rolled back with the transaction that made it, the table is made again; SQLite prepares the
  // statements written for it again when they next run.
  sqlite.exec(`create temp table if not exists ${name} (${columns.map((c) => `${c} not null`).join(', ')})`);
  const byName = stagings.get(sqlite) ?? new Map<string, Staged>();
  stagings.set(sqlite, byName);
  const kept = byName.get(name);
  if (kept) return kept;
  const insert = sqlite.prepare(
    `insert into temp.${name} (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`,
  );
  const statements = [...settling, `delete from temp.${name}`].map((sql) => sqlite.prepare(sql));
  const any = sqlite.prepare(`select exists (select 1 from temp.${name}) as any`).pluck();
  // Inside the caller's transaction this is a savepoint: the statements land together or not at all.
  const settleAll = sqlite.transaction(() => {
    for (const statement of statements) statement.run();
  });
  // Only paces the settling: rows a rollback took away leave it too high, and whether rows wait
  // is asked of the table.
  let added = 0;
  const made: Staged = {
    add(...values) {
      insert.run(values);
      added += 1;
      if (added >= limit) made.settle();
    },
    settle() {
      added = 0;
      if (any.get() === 1) settleAll();
    },
  };
  byName.set(name, made);
  return made;
}
