import type { Command } from 'commander';
import { prepareDatabase } from '../server/prepare.ts';
import { withDatabase } from './context.ts';
import { seedDemoUsers } from './demo.ts';

export function seedCommand(program: Command): void {
  program
    .command('seed')
    .description(
      'load the reference data of data/ (idempotent; all or nothing) and the organizations made from it',
    )
    .option('--data <dir>', 'folder of the reference data files (default: data/)')
    .option('--force', 'rewrite the registry even when the data did not change')
    .option('--demo', 'also add demo users, one per delegation and role; their passwords are printed once')
    .action(async (options: { data?: string; force?: boolean; demo?: boolean }) => {
      await withDatabase(async (database, config) => {
        const result = await prepareDatabase(database, config, {
          force: options.force ?? false,
          ...(options.data ? { dataDir: options.data } : {}),
        });
        const counts = Object.entries(result.counts)
          .map(([name, n]) => `${n} ${name}`)
          .join(', ');
        console.log(result.changed ? `loaded ${counts}` : `already up to date (${counts})`);
        if (result.organizationsCreated > 0)
          console.log(`created ${result.organizationsCreated} organizations`);
        if (options.demo) await seedDemoUsers(database.db);
      });
    });
}
