import type { Command } from 'commander';
import { listAudit } from '../identity/audit.service.ts';
import { verifyAudit } from '../identity/audit.verify.ts';
import type { Actor } from '../identity/policy.rules.ts';
import { withDatabase } from './context.ts';
import { renderTable } from './table.ts';

const CLI: Actor = { kind: 'system', name: 'cli' };

/** Thrown to end the process with status 1 after a failed verification was reported. */
export class ChainBroken extends Error {}

export function auditCommand(program: Command): void {
  const audit = program.command('audit').description('the tamper-evident audit log');
  audit
    .command('verify')
    .description('check the whole hash chain; exit 1 and name the first broken entry')
    .action(async () => {
      await withDatabase(async (database) => {
        const result = await verifyAudit(database, CLI);
        if (result.ok) {
          console.log(`audit chain intact: ${result.entries} entries verified`);
          return;
        }
        throw new ChainBroken(
          `audit chain broken at entry ${result.seq}: ${result.problem} (${result.entries} entries verified before it)`,
        );
      });
    });
  audit
    .command('log')
    .description('list entries, newest first')
    .option('--subject <id>', 'only entries about this subject id')
    .option('--actor <actor>', 'only entries by this actor (user:<id>, system:cli)')
    .option('--since <time>', 'only entries at or after this ISO 8601 date or time')
    .option('--limit <n>', 'at most this many', '50')
    .action(async (o: { subject?: string; actor?: string; since?: string; limit: string }) => {
      await withDatabase(async ({ db }) => {
        const page = await listAudit(db, CLI, {
          subject: o.subject,
          actor: o.actor,
          since: o.since,
          limit: Number(o.limit),
        });
        const rows = page.items.map((e) => [
          String(e.seq),
          e.at,
          e.actor,
          e.action,
          `${e.subjectType}:${e.subjectId}`,
          e.hash.slice(0, 12),
        ]);
        console.log(renderTable(['seq', 'at', 'actor', 'action', 'subject', 'hash'], rows));
        console.log(`\n${page.items.length} of ${page.total} entries`);
      });
    });
}
