import type { Command } from 'commander';
import { Invalid } from '../errors.ts';
import type { Actor } from '../identity/policy.rules.ts';
import { endpointById } from '../intel/partners/partners.service.ts';
import { tlpInput } from '../intel/stix.service.ts';
import { type TaxiiAuth, TaxiiClient } from '../intel/taxii/taxii.client.ts';
import { pull, pullDuePartners, pullPartner, push } from '../intel/taxii/taxii.exchange.ts';
import { withDatabase } from './context.ts';
import { printReport } from './intel.command.ts';
import { renderTable } from './table.ts';

const CLI: Actor = { kind: 'system', name: 'cli' };

const list = (value: string) =>
  value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);

/**
 * Credentials for the other server, never on the command line (where `ps` would show them):
 * `--user` with the password in SCO_TAXII_PASSWORD, or a bearer token in SCO_TAXII_TOKEN.
 */
function authOf(flags: { user?: string }): TaxiiAuth {
  const token = process.env.SCO_TAXII_TOKEN;
  if (flags.user) {
    const password = process.env.SCO_TAXII_PASSWORD;
    if (password === undefined) throw new Invalid('SCO_TAXII_PASSWORD', 'set it to the password of --user');
    return { kind: 'basic', username: flags.user, password };
  }
  return token ? { kind: 'bearer', token } : { kind: 'none' };
}

const remote = (command: Command) =>
  command
    .argument('<api-root>', 'the API root URL, e.g. https://partner.example/taxii2/api/')
    .option(
      '--user <name>',
      'HTTP Basic user (password in SCO_TAXII_PASSWORD; or a token in SCO_TAXII_TOKEN)',
    );

/** `sco taxii`: pull from and push to TAXII 2.1 servers, and list their collections. */
export function taxiiCommand(program: Command): Command {
  const taxii = program.command('taxii').description('exchange with TAXII 2.1 servers');

  remote(taxii.command('collections').description('list the collections the server offers you')).action(
    async (apiRoot: string, flags: { user?: string }) => {
      const collections = await new TaxiiClient(apiRoot, authOf(flags)).collections();
      console.log(
        renderTable(
          ['id', 'alias', 'title', 'read', 'write'],
          collections.map((c) => [
            c.id,
            c.alias ?? '',
            c.title,
            c.can_read ? 'yes' : 'no',
            c.can_write ? 'yes' : 'no',
          ]),
        ),
      );
    },
  );

  remote(
    taxii
      .command('pull')
      .description('land a collection’s objects here, resuming where the last pull from it ended'),
  )
    .requiredOption('--collection <id>', 'the collection id')
    .option(
      '--org <id>',
      'the organization the objects come from (their creator here)',
      'rats-executive-committee',
    )
    .option('--tlp <level>', 'marking of objects that bring no stricter one', 'green')
    .option('--partial', 'land the good objects of a page even if some are rejected')
    .option('--quiet', 'no progress line')
    .action(
      async (
        apiRoot: string,
        flags: {
          user?: string;
          collection: string;
          org: string;
          tlp: string;
          partial?: boolean;
          quiet?: boolean;
        },
      ) => {
        const client = new TaxiiClient(apiRoot, authOf(flags));
        const tlp = tlpInput(flags.tlp, '--tlp');
        await withDatabase(async (database) => {
          const report = await pull(
            database,
            CLI,
            client,
            apiRoot,
            flags.collection,
            {
              organization: flags.org,
              tlp,
              partial: Boolean(flags.partial),
              ...(flags.quiet
                ? {}
                : { onPage: (p) => process.stderr.write(`page ${p.pages}: ${p.objects} objects\n`) }),
            },
            () => new Date(),
          );
          printReport({ ...report, landed: report.stoppedAt === null });
          console.log(
            `pages landed: ${report.pages}; next pull resumes after ${report.cursor ?? 'the start'}`,
          );
          if (report.stoppedAt)
            throw new Invalid('collection', `${report.stoppedAt} was rejected, the pull stopped there`);
        });
      },
    );

  taxii
    .command('pull-endpoint')
    .description('pull a partner center’s registered endpoint now, from where its last pull ended')
    .argument('<endpoint-id>')
    .action(async (id: string) => {
      await withDatabase(async (database) => {
        const target = await endpointById(database.db, id);
        if (!target) throw new Invalid('endpoint-id', `no partner endpoint ${id}`);
        const outcome = await pullPartner(database, target, () => new Date());
        console.log(`${outcome.endpoint}: ${outcome.ok ? 'ok' : 'failed'}: ${outcome.message}`);
        if (!outcome.ok) throw new Invalid('endpoint-id', 'the pull failed');
      });
    });

  taxii
    .command('pull-due')
    .description('pull every partner endpoint whose schedule is due (the server does this every minute)')
    .action(async () => {
      await withDatabase(async (database) => {
        const outcomes = await pullDuePartners(database, () => new Date());
        if (outcomes.length === 0) console.log('no pull is due');
        for (const o of outcomes) console.log(`${o.endpoint}: ${o.ok ? 'ok' : 'failed'}: ${o.message}`);
      });
    });

  remote(taxii.command('push').description('send objects to a collection of another server'))
    .requiredOption('--collection <id>', 'the collection id')
    .option('--for <org>', 'send what this organization may read (else only TLP:CLEAR and TLP:GREEN)')
    .option('--type <types>', 'STIX types, comma-separated', list)
    .option('--from <date>', 'happened on or after (YYYY-MM-DD)')
    .option('--to <date>', 'happened before (YYYY-MM-DD)')
    .action(
      async (
        apiRoot: string,
        flags: {
          user?: string;
          collection: string;
          for?: string;
          type?: string[];
          from?: string;
          to?: string;
        },
      ) => {
        const client = new TaxiiClient(apiRoot, authOf(flags));
        await withDatabase(async (database) => {
          const report = await push(database, client, flags.collection, {
            forOrganization: flags.for ?? null,
            filter: {
              ...(flags.type ? { types: flags.type } : {}),
              ...(flags.from ? { from: flags.from } : {}),
              ...(flags.to ? { to: flags.to } : {}),
            },
          });
          console.log(`sent ${report.sent}: ${report.succeeded} accepted, ${report.failed} refused`);
          if (report.failures.length)
            console.log(
              renderTable(
                ['object', 'reason'],
                report.failures.map((f) => [f.id, f.message ?? '']),
              ),
            );
          if (report.failed > 0) throw new Invalid('collection', 'the server refused some objects');
        });
      },
    );
  return taxii;
}
