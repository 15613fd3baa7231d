import type { Command } from 'commander';
import { addPartnerCenter, listOrganizations } from '../identity/organizations.service.ts';
import type { Actor } from '../identity/policy.rules.ts';
import { withDatabase } from './context.ts';
import { renderTable } from './table.ts';

const CLI: Actor = { kind: 'system', name: 'cli' };

export function orgCommand(program: Command): void {
  const org = program
    .command('org')
    .description('organizations: delegations, Secretariat, RATS Executive Committee, partner centers');
  org
    .command('list')
    .description('list organizations')
    .action(async () => {
      await withDatabase(async ({ db }) => {
        const page = await listOrganizations(db, CLI);
        console.log(
          renderTable(
            ['id', 'kind', 'name', 'state'],
            page.items.map((o) => [o.id, o.kind, o.name.en, o.stateCode ?? '']),
          ),
        );
      });
    });
  org
    .command('add-partner')
    .description('add a partner center (a similar center or organization the RATS cooperates with)')
    .requiredOption('--id <id>', 'identifier, e.g. cis-atc')
    .requiredOption('--name <english>', 'name in English')
    .option('--name-ru <russian>', 'name in Russian')
    .option('--name-zh <chinese>', 'name in Chinese')
    .action(async (o: { id: string; name: string; nameRu?: string; nameZh?: string }) => {
      await withDatabase(async ({ db }) => {
        const name = {
          en: o.name,
          ...(o.nameRu ? { ru: o.nameRu } : {}),
          ...(o.nameZh ? { zh: o.nameZh } : {}),
        };
        const created = await addPartnerCenter(db, CLI, { id: o.id, name }, new Date());
        console.log(`added partner center ${created.id}: ${created.name.en}`);
      });
    });
}
