import { type Config, loadConfig } from '../config.ts';
import { openDatabase } from '../db/kysely.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { seedReferenceData } from '../registry/reference-data.service.ts';
import { readReferenceData } from '../registry/reference-data.ts';
import { buildApp } from './app.ts';

/**
 * Process entry of the server: migrate, load the reference data when it changed, listen, and
 * close cleanly on SIGINT/SIGTERM so that no request is cut and the database is left consistent.
 */
export async function serve(config: Config = loadConfig()): Promise<void> {
  const database = openDatabase({ databaseUrl: config.databaseUrl, sqliteFile: config.sqliteFile });
  await migrateToLatest(database.db);
  await seedReferenceData(database.db, readReferenceData(config.dataDir));
  const app = await buildApp({
    database,
    webRoot: config.webRoot,
    logger: {
      level: config.logLevel,
      redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
    },
  });
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  const where = config.databaseUrl ? 'PostgreSQL' : config.sqliteFile;
  app.log.info(`SCO Platform on http://localhost:${config.port} (database: ${where})`);
}
