import type { Command } from 'commander';
import { Invalid } from '../errors.ts';
import type { Actor } from '../identity/policy.rules.ts';
import { addEndpoint } from '../intel/partners/partners.records.service.ts';
import { getPartner, listPartners } from '../intel/partners/partners.service.ts';
import { prepareDatabase } from '../server/prepare.ts';
import { withDatabase } from './context.ts';
import { renderTable } from './table.ts';

/** The CLI acts as the local operator: whoever can open the database file. */
const CLI: Actor = { kind: 'system', name: 'cli' };

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

const lastPull = (e: { lastPullStatus: string | null; lastPullAt: string | null }) =>
  e.lastPullStatus ? `${e.lastPullStatus} ${e.lastPullAt ?? ''}`.trim() : 'never';

/** `sco partners`: the registry of partner centers and their TAXII endpoints. */
export function partnersCommand(program: Command): void {
  const partners = program
    .command('partners')
    .description('the registry of partner centers: agreements, contacts, TAXII endpoints');
  partners
    .command('list')
    .description('list the partner centers with their agreements and endpoints')
    .action(async () => {
      await withDatabase(async (database, config) => {
        await prepareDatabase(database, config);
        const page = await listPartners(database.db, CLI);
        const rows = page.items.map((p) => [
          p.id,
          p.name.en,
          p.kind,
          p.status,
          String(p.agreementsCount),
          p.endpoints.map((e) => `${e.direction}:${lastPull(e)}`).join(', ') || '-',
        ]);
        console.log(renderTable(['id', 'name', 'kind', 'status', 'agreements', 'endpoints'], rows));
      });
    });
  partners
    .command('show')
    .description('one partner center: its entry, agreements, contacts and endpoints')
    .argument('<id>')
    .action(async (id: string) => {
      await withDatabase(async (database, config) => {
        await prepareDatabase(database, config);
        const p = await getPartner(database.db, CLI, id);
        console.log(`${p.name.en} (${p.id}), ${p.kind}, ${p.status}`);
        if (p.name.ru) console.log(p.name.ru);
        if (p.name.zh) console.log(p.name.zh);
        console.log(`seat: ${p.seat ?? '-'}   website: ${p.website ?? '-'}`);
        console.log('\nagreements');
        console.log(
          renderTable(
            ['signed', 'title', 'valid until', 'scope'],
            p.agreements.map((a) => [a.signedOn, a.title, a.validUntil ?? '-', a.scope]),
          ),
        );
        console.log('\ncontacts');
        console.log(
          renderTable(
            ['office', 'e-mail', 'phone'],
            p.contacts.map((c) => [c.office, c.email ?? '-', c.phone ?? '-']),
          ),
        );
        console.log('\nendpoints');
        console.log(
          renderTable(
            ['id', 'direction', 'api root', 'collection', 'auth', 'tlp', 'every', 'last pull'],
            p.endpoints.map((e) => [
              e.id,
              e.direction,
              e.apiRoot,
              e.collectionId,
              e.auth + (e.hasSecret ? ' (secret held)' : ''),
              e.tlp,
              e.pullEveryMinutes === null ? '-' : `${e.pullEveryMinutes} min`,
              lastPull(e),
            ]),
          ),
        );
      });
    });
  const endpoint = partners.command('endpoint').description("a partner's TAXII endpoints");
  endpoint
    .command('add')
    .description('register a TAXII 2.1 collection to pull from or push to')
    .argument('<id>', 'the partner center')
    .requiredOption('--api-root <url>', 'the API root URL')
    .requiredOption('--collection <id>', 'the collection id')
    .option('--direction <direction>', 'pull, push or both', 'pull')
    .option('--auth <kind>', 'none, basic or bearer', 'none')
    .option('--username <name>', 'user name (basic)')
    .option('--password-stdin', 'read the password (basic) or token (bearer) from standard input')
    .option('--tlp <level>', 'marking given to what is pulled: clear, green, amber, amber+strict', 'green')
    .option('--every <minutes>', 'pull on a schedule, every so many minutes')
    .action(
      async (
        id: string,
        o: {
          apiRoot: string;
          collection: string;
          direction: string;
          auth: string;
          username?: string;
          passwordStdin?: boolean;
          tlp: string;
          every?: string;
        },
      ) => {
        const every = o.every === undefined ? null : Number(o.every);
        if (every !== null && !Number.isInteger(every))
          throw new Invalid('every', `expected a whole number of minutes, got "${o.every}"`);
        const secret = o.passwordStdin ? await readStdin() : undefined;
        await withDatabase(async (database, config) => {
          await prepareDatabase(database, config);
          const added = await addEndpoint(
            database.db,
            CLI,
            id,
            {
              apiRoot: o.apiRoot,
              collectionId: o.collection,
              direction: o.direction,
              auth: o.auth,
              username: o.username ?? null,
              secret,
              tlp: o.tlp,
              pullEveryMinutes: every,
            },
            new Date(),
          );
          const schedule = added.pullEveryMinutes === null ? '' : `, every ${added.pullEveryMinutes} min`;
          console.log(
            `added endpoint ${added.id} of ${id}: ${added.direction} ${added.apiRoot} collection ${added.collectionId}${schedule}`,
          );
        });
      },
    );
}
