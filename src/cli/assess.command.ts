import type { Command } from 'commander';
import { threatIndex } from '../assessment/index.service.ts';
import type { Actor } from '../identity/policy.rules.ts';
import { withDatabase } from './context.ts';
import { renderTable } from './table.ts';

const CLI: Actor = { kind: 'system', name: 'cli' };

const signed = (n: number | null) => (n === null ? '–' : `${n > 0 ? '+' : ''}${n.toFixed(3)}`);

/** `sco assess`: the threat index per state and year as a table (method: docs/threat-index.md). */
export function assessCommand(program: Command): void {
  program
    .command('assess')
    .description('the regional threat index per state and year, over everything the database holds')
    .option('--region <id>', "central-asia, sco-members, or a defined region's id")
    .option('--states <codes>', 'ISO 3166 alpha-2 codes, comma-separated')
    .option('--from <year>', 'first year')
    .option('--to <year>', 'last year')
    .action(async (o: { region?: string; states?: string; from?: string; to?: string }) => {
      await withDatabase(async ({ db }) => {
        const index = await threatIndex(db, CLI, o, new Date());
        const rows = index.states.flatMap((s) =>
          s.series.map((p) => [
            s.code,
            String(p.year),
            String(p.incidents),
            String(p.killed),
            String(p.wounded),
            p.weighted.toFixed(3),
            p.score.toFixed(3),
            signed(p.change1),
            signed(p.change5),
          ]),
        );
        if (index.region)
          for (const p of index.region.series)
            rows.push([
              index.region.id,
              String(p.year),
              String(p.incidents),
              String(p.killed),
              String(p.wounded),
              p.weighted.toFixed(3),
              p.score.toFixed(3),
              signed(p.change1),
              signed(p.change5),
            ]);
        console.log(
          renderTable(
            ['state', 'year', 'incidents', 'killed', 'wounded', 'weighted', 'index', '1-year', '5-year'],
            rows,
          ),
        );
        console.log(
          `index 0..10 on a log scale, 10 = the highest weighted score in the data (${index.highestWeighted}); method: ${index.method}`,
        );
      });
    });
}
