import SQLite from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { staged } from './sqlite.ts';

/** Rows staged on an in-memory database and settled into `kept`, sorted by key. */
describe('staged rows', () => {
  let sqlite: SQLite.Database;
  const stage = () =>
    staged(
      sqlite,
      'kept_staged',
      ['key', 'value'],
      ['insert into kept (key, value) select key, value from temp.kept_staged order by key'],
      3,
    );
  const kept = () => sqlite.prepare('select key, value from kept order by key').raw().all();

  beforeEach(() => {
    sqlite = new SQLite(':memory:');
    sqlite.exec('create table kept (key text primary key, value integer not null) without rowid');
  });

  it('puts rows in place when settled, and every `limit` rows', () => {
    const rows = stage();
    rows.add('b', 2);
    rows.add('a', 1);
    expect(kept()).toEqual([]);
    rows.add('c', 3);
    expect(kept()).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ]);
    rows.add('d', 4);
    rows.settle();
    rows.settle();
    expect(kept()).toHaveLength(4);
    expect(sqlite.prepare('select count(*) from temp.kept_staged').pluck().get()).toBe(0);
  });

  it('loses waiting rows with a transaction that rolls back, and stages again after it', () => {
    sqlite.exec('begin');
    stage().add('a', 1);
    sqlite.exec('rollback');
    sqlite.exec('begin');
    const rows = stage();
    rows.add('b', 2);
    rows.settle();
    sqlite.exec('commit');
    expect(kept()).toEqual([['b', 2]]);
  });

  it('settles rows that a savepoint rolled back the settling of', () => {
    sqlite.exec('begin');
    const rows = stage();
    rows.add('a', 1);
    sqlite.exec('savepoint inner');
    rows.settle();
    sqlite.exec('rollback to inner');
    sqlite.exec('release inner');
    rows.settle();
    sqlite.exec('commit');
    expect(kept()).toEqual([['a', 1]]);
  });

  it('lands a settle whole or not at all', () => {
    sqlite.exec('create table counted (rows integer not null)');
    sqlite.exec("insert into kept values ('b', 0)");
    const rows = staged(
      sqlite,
      'counted_staged',
      ['key', 'value'],
      [
        'insert into counted (rows) select count(*) from temp.counted_staged',
        'insert into kept (key, value) select key, value from temp.counted_staged order by key',
      ],
      10,
    );
    rows.add('a', 1);
    rows.add('b', 2);
    sqlite.exec('begin');
    // 'b' is kept already: the second statement fails, and the first one's row goes with it.
    expect(() => rows.settle()).toThrow(/UNIQUE/);
    sqlite.exec('commit');
    expect(sqlite.prepare('select count(*) from counted').pluck().get()).toBe(0);
    expect(kept()).toEqual([['b', 0]]);
    expect(sqlite.prepare('select count(*) from temp.counted_staged').pluck().get()).toBe(2);
  });
});
