import type { Command } from 'commander';
import { chronology } from '../registry/registry.service.ts';
import { withDatabase } from './context.ts';
import { renderTable } from './table.ts';

type Lang = 'en' | 'ru' | 'zh';

export function chronologyCommand(program: Command): void {
  program
    .command('chronology')
    .description('the chronology as a table: summits, documents, status changes, appointments')
    .option('--from <date>', 'first date, YYYY-MM-DD')
    .option('--to <date>', 'last date, YYYY-MM-DD')
    .option('--kind <kind>', 'summit | document | status | appointment')
    .option('--state <code>', 'only events concerning this state (ISO code)')
    .option('--lang <lang>', 'en | ru | zh', 'en')
    .option('--limit <n>', 'at most this many rows', '500')
    .action(
      async (options: {
        from?: string;
        to?: string;
        kind?: string;
        state?: string;
        lang: string;
        limit: string;
      }) => {
        if (!['en', 'ru', 'zh'].includes(options.lang))
          throw new Error(`--lang: must be en, ru or zh; got "${options.lang}"`);
        const lang = options.lang as Lang;
        const limit = Number(options.limit);
        await withDatabase(async ({ db }) => {
          const page = await chronology(db, { ...options, limit });
          const rows = page.items.map((e) => [
            e.date,
            e.kind,
            e.title[lang] ?? e.title.en,
            e.states.join(' '),
          ]);
          console.log(renderTable(['date', 'kind', 'event', 'states'], rows));
          console.log(`\n${page.items.length} of ${page.total} events`);
        });
      },
    );
}
