import { type Config, loadConfig } from '../config.ts';
import { settleExpired } from '../council/decisions.service.ts';
import { openDatabase } from '../db/kysely.ts';
import { issueSetupToken } from '../identity/auth.service.ts';
import { pullDuePartners } from '../intel/taxii/taxii.exchange.ts';
import { buildApp } from './app.ts';
import { prepareDatabase } from './prepare.ts';

/**
 * Process entry of the server: migrate, load the reference data when it changed, listen, and
 * close cleanly on SIGINT/SIGTERM so that no request is cut and the database is left consistent.
 * On a fresh install it prints a one-time link to create the first administrator.
 */
export async function serve(config: Config = loadConfig()): Promise<void> {
  const database = openDatabase({ databaseUrl: config.databaseUrl, sqliteFile: config.sqliteFile });
  await prepareDatabase(database, config);
  const app = await buildApp({
    database,
    webRoot: config.webRoot,
    dataDir: config.dataDir,
    trustProxy: config.trustProxy,
    logger: { level: config.logLevel },
  });
  // Silence deadlines end decisions without an event: settle them now and every 30 seconds.
  const settle = () =>
    settleExpired(database.db, new Date()).catch((err) =>
      app.log.error({ err }, 'settling decisions failed'),
    );
  await settle();
  const settling = setInterval(() => void settle(), 30_000);
  app.addHook('onClose', async () => clearInterval(settling));
  // Partner centers' TAXII endpoints on a schedule: each pull resumes where its last one ended.
  // The schedule is in the database (the last pull's time), so any instance may run it.
  let pulling = false;
  const pullPartners = async () => {
    if (pulling) return;
    pulling = true;
    try {
      for (const o of await pullDuePartners(database, () => new Date()))
        app.log[o.ok ? 'info' : 'warn']({ endpoint: o.endpoint }, `partner pull: ${o.message}`);
    } catch (err) {
      app.log.error({ err }, 'partner pulls failed');
    } finally {
      pulling = false;
    }
  };
  const pulls = setInterval(() => void pullPartners(), 60_000);
  app.addHook('onClose', async () => clearInterval(pulls));
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
  const setup = await issueSetupToken(database.db, new Date());
  if (setup) {
    // Printed, never logged: the secret lets whoever holds it become the first administrator.
    process.stdout.write(
      `\nNo administrator yet. Create the first one within 24 hours at:\n  http://localhost:${config.port}/setup#token=${setup}\n(or run: npx sco user add --admin)\n\n`,
    );
  }
}
