import { type Config, loadConfig } from '../config.ts';
import { type Database, openDatabase } from '../db/kysely.ts';
import { migrateToLatest } from '../db/migrate.ts';

/** Opens the configured database, migrated, runs `work`, and always closes it. */
export async function withDatabase<T>(work: (database: Database, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = openDatabase({ databaseUrl: config.databaseUrl, sqliteFile: config.sqliteFile });
  try {
    await migrateToLatest(database.db, database.options.pgSchema);
    return await work(database, config);
  } finally {
    await database.close();
  }
}
