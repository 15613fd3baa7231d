import type { Command } from 'commander';
import { seedReferenceData } from '../registry/reference-data.service.ts';
import { readReferenceData } from '../registry/reference-data.ts';
import { withDatabase } from './context.ts';

export function seedCommand(program: Command): void {
  program
    .command('seed')
    .description('load the reference data of data/ (idempotent; all or nothing)')
    .option('--data <dir>', 'folder of the reference data files (default: data/)')
    .option('--force', 'rewrite the registry even when the data did not change')
    .action(async (options: { data?: string; force?: boolean }) => {
      await withDatabase(async (database, config) => {
        const loaded = readReferenceData(options.data ?? config.dataDir);
        const result = await seedReferenceData(database.db, loaded, { force: options.force ?? false });
        const counts = Object.entries(result.counts)
          .map(([name, n]) => `${n} ${name}`)
          .join(', ');
        console.log(result.changed ? `loaded ${counts}` : `already up to date (${counts})`);
      });
    });
}
