import { resolve } from 'node:path';

/** Everything the program reads from its environment, read once at the edge. */
export interface Config {
  /** PostgreSQL connection string; when absent the embedded SQLite file is used. */
  databaseUrl: string | undefined;
  sqliteFile: string;
  port: number;
  host: string;
  /** Folder of the built web app, served at `/` when it exists. */
  webRoot: string;
  dataDir: string;
  logLevel: string;
  /** Trust X-Forwarded-* headers from a reverse proxy. */
  trustProxy: boolean;
}

const root = resolve(import.meta.dirname, '..');

/** Builds the configuration from environment variables, with the documented defaults. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT: expected an integer from 0 to 65535, got ${env.PORT}`);
  }
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    sqliteFile: resolve(env.SCO_DB_FILE ?? resolve(root, 'var/sco.db')),
    port,
    host: env.HOST ?? '0.0.0.0',
    webRoot: resolve(env.SCO_WEB_ROOT ?? resolve(root, 'web/dist')),
    dataDir: resolve(env.SCO_DATA_DIR ?? resolve(root, 'data')),
    logLevel: env.LOG_LEVEL ?? 'info',
    trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
  };
}
