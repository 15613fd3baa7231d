import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { Invalid } from '../errors.ts';
import type { Actor } from '../identity/policy.rules.ts';
import type { Language } from '../publications/events.presenter.ts';
import { eventsIcs, listEvents } from '../publications/events.service.ts';
import { withDatabase } from './context.ts';
import { renderTable } from './table.ts';

const CLI: Actor = { kind: 'system', name: 'cli' };
const LANGUAGES = ['en', 'ru', 'zh'];

interface PeriodFlags {
  from?: string;
  to?: string;
  kind?: string;
}

const period = (command: Command) =>
  command
    .option('--from <date>', 'from this day (YYYY-MM-DD) or instant (with its offset)')
    .option('--to <date>', 'to this day, included (YYYY-MM-DD), or before this instant')
    .option('--kind <kinds>', 'seminar, conference, symposium, expert-meeting (comma-separated)');

/** `sco events list` and `sco events ics`: the calendar of events, as a table or an iCalendar file. */
export function eventsCommand(program: Command): void {
  const events = program
    .command('events')
    .description('seminars, conferences, symposiums and expert meetings');
  period(events.command('list').description('events in a period, in time order, as a table'))
    .option('--q <text>', 'words of the title or description')
    .action(async (o: PeriodFlags & { q?: string }) => {
      await withDatabase(async ({ db }) => {
        const rows: string[][] = [];
        let total = 0;
        for (let offset = 0; ; offset += 500) {
          const page = await listEvents(db, CLI, { ...o, limit: 500, offset });
          total = page.total;
          for (const e of page.items) {
            const where = e.place.kind === 'online' ? 'online' : `${e.place.city}, ${e.place.country}`;
            const when = e.allDay
              ? e.start === e.end
                ? e.start
                : `${e.start} – ${e.end}`
              : `${e.start.slice(0, 16).replace('T', ' ')}Z`;
            rows.push([when, e.kind, e.title.en, where, e.organizer.id, e.audience, e.status]);
          }
          if (page.items.length === 0 || rows.length >= total) break;
        }
        console.log(renderTable(['when', 'kind', 'title', 'place', 'organizer', 'audience', 'status'], rows));
        console.log(`\n${total} event${total === 1 ? '' : 's'}`);
      });
    });
  period(events.command('ics').description('events in a period as an iCalendar file (RFC 5545)'))
    .option('--lang <language>', 'en, ru or zh', 'en')
    .option('--out <file>', 'write to this file instead of standard output')
    .action(async (o: PeriodFlags & { lang: string; out?: string }) => {
      if (!LANGUAGES.includes(o.lang)) throw new Invalid('lang', `must be one of ${LANGUAGES.join(', ')}`);
      await withDatabase(async ({ db }) => {
        const text = await eventsIcs(db, CLI, {
          from: o.from,
          to: o.to,
          kind: o.kind,
          language: o.lang as Language,
        });
        if (o.out) writeFileSync(o.out, text);
        else process.stdout.write(text);
      });
    });
}
