import type { Command } from 'commander';
import type { MatrixView } from '../assessment/conventions.schemas.ts';
import { conventionMatrix } from '../assessment/conventions.service.ts';
import type { Actor } from '../identity/policy.rules.ts';
import { withDatabase } from './context.ts';
import { renderTable } from './table.ts';

const CLI: Actor = { kind: 'system', name: 'cli' };

/** Short column headings for the four instruments, by document id. */
const HEADINGS: Record<string, string> = {
  'shanghai-convention-2001': 'Shanghai Convention 2001',
  'rats-agreement-2002': 'RATS Agreement 2002',
  'convention-against-terrorism-2009': 'Convention against Terrorism 2009',
  'convention-countering-extremism-2017': 'Convention on Extremism 2017',
};

type Cell = MatrixView['rows'][number]['cells'][number];

/** A cell as text: its status with the date that made it so, and the laws counted. */
function cellText(cell: Cell): string {
  const status =
    cell.status === 'in-force'
      ? `in force ${cell.inForceFor}`
      : cell.status === 'ratified'
        ? `${cell.ratified?.kind} ${cell.ratified?.date}`
        : cell.status === 'signed'
          ? `signed ${cell.signed}`
          : 'not signed';
  return cell.laws ? `${status}, ${cell.laws} law${cell.laws === 1 ? '' : 's'}` : status;
}

/** `sco conventions matrix`: the states-by-instruments matrix of the Conventions on a date. */
export function conventionsCommand(program: Command): void {
  const conventions = program
    .command('conventions')
    .description('the Conventions against terrorism, separatism and extremism, per state');
  conventions
    .command('matrix')
    .description('signature, ratification and entry into force of the four instruments per member state')
    .option('--at <date>', 'the date, YYYY-MM-DD (default: today)')
    .option('--states <codes>', 'ISO 3166 alpha-2 codes, comma-separated (default: the members on the date)')
    .option('--instruments <ids>', 'instrument document ids, comma-separated (default: all four)')
    .action(async (o: { at?: string; states?: string; instruments?: string }) => {
      await withDatabase(async ({ db }) => {
        const matrix = await conventionMatrix(db, CLI, o, new Date());
        const headers = ['state', ...matrix.instruments.map((i) => HEADINGS[i.id] ?? i.id)];
        // An instrument the depositary has recorded nothing of is unknown, not "not signed".
        const recorded = matrix.instruments.map((i) => i.recorded);
        const rows = matrix.rows.map((r) => [
          r.state.code,
          ...r.cells.map((c, i) => (recorded[i] ? cellText(c) : 'no record')),
        ]);
        console.log(renderTable(headers, rows));
        const unrecorded = matrix.instruments.filter((i) => !i.recorded).map((i) => i.id);
        console.log(
          `as of ${matrix.asOf}; entry into force computed by the Council's rules (data/instruments.json)`,
        );
        if (unrecorded.length > 0)
          console.log(`no signatures or instruments recorded yet for: ${unrecorded.join(', ')}`);
      });
    });
}
