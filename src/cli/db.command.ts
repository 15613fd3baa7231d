import type { Command } from 'commander';
import { withDatabase } from './context.ts';

export function dbCommand(program: Command): void {
  const db = program.command('db').description('database administration');
  db.command('migrate')
    .description('bring the database schema to the newest migration')
    .action(async () => {
      await withDatabase(async (database, config) => {
        const where = config.databaseUrl ? 'PostgreSQL' : config.sqliteFile;
        console.log(`database ${where} (${database.dialect}) is migrated to the newest schema`);
      });
    });
}
