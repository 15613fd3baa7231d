import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createTestDatabase, describeEachDialect, type TestDatabase } from '../../test/helpers/db.ts';
import { migrateToLatest } from './migrate.ts';

const TABLES = [
  'api_tokens',
  'audit_head',
  'audit_log',
  'bodies',
  'chronology_event_states',
  'chronology_events',
  'document_parties',
  'documents',
  'login_throttle',
  'meta',
  'organizations',
  'people',
  'search_entries',
  'sessions',
  'setup_tokens',
  'state_statuses',
  'states',
  'summits',
  'users',
];

describeEachDialect('migrations', (dialect) => {
  let database: TestDatabase;
  beforeEach(async () => {
    const sqliteFile = join(mkdtempSync(join(tmpdir(), 'sco-migrate-')), 'sco.db');
    database = await createTestDatabase(dialect, { sqliteFile });
  });
  afterEach(() => database.destroy());

  it('create every table, and a second run changes nothing', async () => {
    const tables = (await database.db.introspection.getTables()).map((t) => t.name).sort();
    expect(tables).toEqual(expect.arrayContaining(TABLES));
    expect(await migrateToLatest(database.db, database.schema)).toEqual([]);
  });

  it('keep foreign keys enforced', async () => {
    await expect(
      database.db
        .insertInto('state_statuses')
        .values({
          id: 'x',
          state_code: 'ZZ',
          status: 'member',
          from_date: '2001-01-01',
          to_date: null,
          how: 'x',
          sources: '[]',
          confidence: 'confirmed',
          notes: null,
          conflicts: null,
        })
        .execute(),
    ).rejects.toThrow(/foreign key|FOREIGN KEY/);
  });

  if (dialect === 'sqlite') {
    it('open SQLite files in WAL mode', async () => {
      const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(database.db);
      expect(mode.rows[0]?.journal_mode).toBe('wal');
    });
  }
});
