import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { Invalid } from '../errors.ts';
import { actorOf } from '../identity/actor.ts';
import type { Actor } from '../identity/policy.rules.ts';
import { userByUsername } from '../identity/users.repository.ts';
import { renderHtml } from '../publications/bulletins.render-html.ts';
import { renderPdf } from '../publications/bulletins.render-pdf.ts';
import {
  buildBulletin,
  bulletinSnapshot,
  publishBulletin,
  sendBulletin,
} from '../publications/bulletins.service.ts';
import { withDatabase } from './context.ts';

/**
 * `sco bulletin build|send|publish`: the bulletins of the RATS information center from the
 * command line, through the same services as the API. Without `--as`, the local operator builds
 * for the RATS Executive Committee and reads the whole knowledge base.
 */

const CLI: Actor = { kind: 'system', name: 'cli' };

const list = (value: string) =>
  value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);

/** The actor named by `--as USERNAME`, or the local operator. */
async function actorNamed(db: Kysely<DB>, username: string | undefined): Promise<Actor> {
  if (!username) return CLI;
  const user = await userByUsername(db, username.trim().toLowerCase());
  const actor = user ? await actorOf(db, user, new Date()) : null;
  if (!actor) throw new Invalid('--as', `no active user ${username}`);
  return actor;
}

interface BuildFlags {
  title: string;
  from: string;
  to: string;
  states?: string[];
  regions?: string[];
  sections: string[];
  lang: string;
  note?: string;
  top?: string;
  out?: string;
  html?: string;
  as?: string;
}

export function bulletinCommand(program: Command): void {
  const bulletin = program.command('bulletin').description('bulletins of the RATS information center');
  bulletin
    .command('build')
    .description('build a bulletin, store it, and write its PDF (and HTML)')
    .requiredOption('--title <text>', 'the title')
    .requiredOption('--from <date>', 'first day, YYYY-MM-DD')
    .requiredOption('--to <date>', 'last day, YYYY-MM-DD (included)')
    .option('--states <codes>', 'ISO 3166 alpha-2 codes, comma-separated', list)
    .option('--regions <ids>', 'central-asia, sco-members', list)
    .option('--sections <names>', 'overview, incidents, organizations, measures, events', list, [
      'overview',
      'incidents',
      'organizations',
    ])
    .option('--lang <language>', 'en, ru or zh', 'en')
    .option('--note <text>', "editor's note")
    .option('--top <n>', 'how many incidents of note', '10')
    .option('--out <file>', 'the PDF to write')
    .option('--html <file>', 'the HTML to write')
    .option('--as <username>', 'build as this analyst (what they may read)')
    .action(async (o: BuildFlags) => {
      await withDatabase(async (database) => {
        const actor = await actorNamed(database.db, o.as);
        const top = Number(o.top ?? 10);
        const built = await buildBulletin(
          database,
          actor,
          {
            title: o.title,
            language: o.lang as 'en',
            from: o.from,
            to: o.to,
            states: o.states,
            regions: o.regions,
            sections: o.sections,
            note: o.note,
            topIncidents: top,
          },
          new Date(),
        );
        const snapshot = await bulletinSnapshot(database.db, actor, built.id);
        if (o.out) writeFileSync(o.out, await renderPdf(snapshot));
        if (o.html) writeFileSync(o.html, renderHtml(snapshot));
        console.log(
          `${built.id}  TLP:${built.tlp.toUpperCase()}  ${built.parts.length} parts${o.out ? `  ${o.out}` : ''}${o.html ? `  ${o.html}` : ''}`,
        );
        if (built.markingOrganizations)
          console.log(`organizations allowed: ${built.markingOrganizations.join(', ')}`);
      });
    });
  bulletin
    .command('send')
    .description('send a bulletin to organizations or users allowed to read every part')
    .argument('<id>')
    .option('--org <ids>', 'organizations, comma-separated', list)
    .option('--user <names>', 'users (ids or usernames), comma-separated', list)
    .option('--as <username>', 'send as this analyst')
    .action(async (id: string, o: { org?: string[]; user?: string[]; as?: string }) => {
      await withDatabase(async (database) => {
        const actor = await actorNamed(database.db, o.as);
        const sent = await sendBulletin(
          database,
          actor,
          id,
          { organizations: o.org, users: o.user },
          new Date(),
        );
        console.log(
          `sent to ${[...(o.org ?? []), ...(o.user ?? [])].join(', ')}; ${sent.deliveries.length} deliveries in all`,
        );
      });
    });
  bulletin
    .command('publish')
    .description('put a TLP:CLEAR bulletin on the public portal')
    .argument('<id>')
    .option('--as <username>', 'publish as this analyst')
    .action(async (id: string, o: { as?: string }) => {
      await withDatabase(async (database) => {
        const actor = await actorNamed(database.db, o.as);
        const published = await publishBulletin(database, actor, id, new Date());
        console.log(`${published.id} published ${published.publishedAt}`);
      });
    });
}
