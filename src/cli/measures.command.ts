import type { Command } from 'commander';
import { getMeasure, listMeasures } from '../assessment/measures.service.ts';
import type { Actor } from '../identity/policy.rules.ts';
import { withDatabase } from './context.ts';
import { renderTable } from './table.ts';

const CLI: Actor = { kind: 'system', name: 'cli' };

const who = (participants: { kind: string; id: string }[]) => participants.map((p) => p.id).join(' ');
const where = (places: { country: string; region?: string }[]) =>
  places.map((p) => (p.region ? `${p.country} (${p.region})` : p.country)).join(', ');
const figure = (value: number | null | undefined) =>
  value === null || value === undefined ? '-' : String(value);

/** `sco measures list|show`: joint exercises, operations and trainings, and their indicators. */
export function measuresCommand(program: Command): void {
  const measures = program.command('measures').description('joint exercises, operations and trainings');
  measures
    .command('list')
    .description('measures as a table, earliest first')
    .option('--from <date>', 'measures ending on or after this date, YYYY-MM-DD')
    .option('--to <date>', 'measures starting on or before this date, YYYY-MM-DD')
    .option('--state <code>', 'only measures a state took part in or hosted (ISO code)')
    .option('--kind <kind>', 'exercise | operation | training')
    .option(
      '--category <category>',
      'terrorism | separatism | extremism | drug-trafficking | organized-crime',
    )
    .action(async (o: { from?: string; to?: string; state?: string; kind?: string; category?: string }) => {
      await withDatabase(async ({ db }) => {
        const page = await listMeasures(db, CLI, { ...o, limit: 500 });
        const rows = page.items.map((m) => [
          m.id,
          m.kind,
          m.start,
          m.end,
          m.name.en,
          where(m.places),
          who(m.participants),
          String(m.indicators),
        ]);
        console.log(
          renderTable(['id', 'kind', 'start', 'end', 'name', 'places', 'participants', 'indicators'], rows),
        );
        console.log(`\n${page.items.length} of ${page.total} measures`);
      });
    });
  measures
    .command('show')
    .description('a measure with its indicators: latest value, progress to target, trend')
    .argument('<id>')
    .action(async (id: string) => {
      await withDatabase(async ({ db }) => {
        const m = await getMeasure(db, CLI, id);
        console.log(`${m.name.en}\n${m.kind}, ${m.start} to ${m.end}, ${where(m.places)}`);
        console.log(`categories: ${m.categories.join(', ') || '-'}`);
        console.log(`participants: ${who(m.participants) || '-'}`);
        if (m.unconfirmed.length) console.log(`unconfirmed: ${m.unconfirmed.join(', ')}`);
        for (const [label, list] of [
          ['objectives', m.objectives],
          ['outcomes', m.outcomes],
        ] as const) {
          if (list.length) console.log(`${label}:\n${list.map((line) => `  - ${line}`).join('\n')}`);
        }
        for (const s of m.sources) console.log(`source: ${s.citation}${s.url ? ` <${s.url}>` : ''}`);
        if (m.indicators.length === 0) {
          console.log('\nno indicators');
          return;
        }
        const rows = m.indicators.map((i) => [
          i.name,
          i.unit,
          `${i.direction === 'higher-is-better' ? '>=' : '<='} ${i.target}`,
          i.latest ? `${i.latest.value} (${i.latest.date})` : '-',
          i.progress === null ? '-' : `${Math.round(i.progress * 100)}%`,
          i.trend ?? '-',
          i.onTrack === null ? '-' : i.onTrack ? 'yes' : 'no',
          figure(i.measurements.length),
        ]);
        console.log(
          `\n${renderTable(['indicator', 'unit', 'target', 'latest', 'progress', 'trend', 'on track', 'measurements'], rows)}`,
        );
      });
    });
}
