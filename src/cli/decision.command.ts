import type { Command } from 'commander';
import { getDecision, listDecisions } from '../council/decisions.service.ts';
import type { Actor } from '../identity/policy.rules.ts';
import { withDatabase } from './context.ts';
import { renderTable } from './table.ts';

const CLI: Actor = { kind: 'system', name: 'cli' };

export function decisionCommands(program: Command): void {
  program
    .command('decision')
    .description('decisions of the Council')
    .command('show')
    .description('a decision: outcome, positions, objections, reservations, history')
    .argument('<id>')
    .action(async (id: string) => {
      await withDatabase(async ({ db }) => {
        const d = await getDecision(db, CLI, id, new Date());
        console.log(
          `${d.title.en}\n${d.rule}, opened ${d.openedAt}${d.closedAt ? `, ended ${d.closedAt}` : ''}`,
        );
        console.log(`outcome: ${d.status} — ${d.reason}\n`);
        const rows = d.eligible.map((state) => {
          const objection = d.standingObjections.find((o) => o.state === state);
          const reservation = d.reservations.find((r) => r.state === state);
          const note = objection?.reason ?? reservation?.text ?? '';
          return [state, d.positions[state] ?? '(none)', note];
        });
        console.log(renderTable(['state', 'position', 'reason or text'], rows));
        console.log(`\nhistory: ${d.history.length} events`);
      });
    });
  program
    .command('decisions')
    .description('lists of decisions')
    .command('pending')
    .description('pending decisions, or with --state those awaiting that state’s position')
    .option('--state <code>', 'member state whose delegation is to act')
    .action(async (o: { state?: string }) => {
      await withDatabase(async ({ db }) => {
        const page = await listDecisions(
          db,
          CLI,
          { state: o.state, status: 'pending', awaiting: Boolean(o.state), limit: 200 },
          new Date(),
        );
        const rows = page.items.map((d) => [
          d.id,
          d.openedAt.slice(0, 10),
          d.rule,
          d.title.en,
          String(Object.keys(d.positions).length),
        ]);
        console.log(renderTable(['id', 'opened', 'rule', 'title', 'positions'], rows));
        console.log(`\n${page.items.length} pending${o.state ? ` awaiting ${o.state.toUpperCase()}` : ''}`);
      });
    });
}
