import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Command } from 'commander';
import { Invalid } from '../errors.ts';
import type { Actor } from '../identity/policy.rules.ts';
import { main as generateMain } from '../intel/gtd/gtd.generate.main.ts';
import { importGtd } from '../intel/gtd.import.ts';
import { exportBundle, exportIncidentsCsv } from '../intel/stix.export.ts';
import { type ImportOptions, ImportRejected, type ImportReport, importStix } from '../intel/stix.import.ts';
import type { ObjectFilter } from '../intel/stix.repository.ts';
import { tlpInput } from '../intel/stix.service.ts';
import { withDatabase } from './context.ts';
import { progressLine } from './progress.ts';
import { renderTable } from './table.ts';

const CLI: Actor = { kind: 'system', name: 'cli' };

const list = (value: string) =>
  value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);

/** The options every import takes: the marking and recipients of what lands, and whether partly. */
export function importOptions(command: Command): Command {
  return command
    .requiredOption('--tlp <level>', 'TLP of what is imported: clear, green, amber, amber+strict, red')
    .option('--recipients <orgs>', 'organizations named as recipients (AMBER), comma-separated', list)
    .option('--recipient-users <ids>', 'users named as recipients (RED), comma-separated', list)
    .option('--org <id>', 'the creating organization', 'rats-executive-committee')
    .option('--partial', 'land the good records even if some are rejected')
    .option('--quiet', 'no progress line');
}

export interface ImportFlags {
  tlp: string;
  recipients?: string[];
  recipientUsers?: string[];
  org: string;
  partial?: boolean;
  quiet?: boolean;
}

export function optionsOf(
  flags: ImportFlags,
  progress: ReturnType<typeof progressLine> | null,
): ImportOptions {
  return {
    tlp: tlpInput(flags.tlp, '--tlp'),
    recipientOrgs: flags.recipients ?? [],
    recipientUsers: flags.recipientUsers ?? [],
    partial: Boolean(flags.partial),
    organization: flags.org,
    ...(progress ? { onProgress: (p) => progress.update(p.records, p.bytes) } : {}),
  };
}

/** Prints an import's report: counts, then each rejected record with its place and field. */
export function printReport(report: ImportReport): void {
  console.log(
    report.landed
      ? `read ${report.read}: ${report.created} created, ${report.versioned} new versions, ${report.unchanged} unchanged, ${report.rejected} rejected`
      : `read ${report.read}: ${report.rejected} rejected, so nothing was imported (--partial lands the others)`,
  );
  if (report.rejections.length) {
    console.log(
      renderTable(
        ['where', 'field', 'problem'],
        report.rejections.map((r) => [r.at, r.field, r.problem]),
      ),
    );
    if (report.rejected > report.rejections.length)
      console.log(`(and ${report.rejected - report.rejections.length} more)`);
  }
}

/** Runs an import and prints its report; a rejected all-or-nothing import prints it and fails. */
export async function runImport(work: () => Promise<ImportReport>): Promise<void> {
  try {
    printReport(await work());
  } catch (error) {
    if (error instanceof ImportRejected) {
      printReport({ ...error.report, landed: false });
      throw new Error('import rejected');
    }
    throw error;
  }
}

export function filterOptions(command: Command): Command {
  return command
    .option('--type <types>', 'STIX types, comma-separated', list)
    .option('--q <text>', 'text the name, aliases or description contain')
    .option('--from <date>', 'happened on or after (YYYY-MM-DD)')
    .option('--to <date>', 'happened before (YYYY-MM-DD)')
    .option('--out <file>', 'write to this file instead of standard output');
}

function filterOf(o: { type?: string[]; q?: string; from?: string; to?: string }): ObjectFilter {
  return {
    ...(o.type ? { types: o.type } : {}),
    ...(o.q ? { q: o.q } : {}),
    ...(o.from ? { from: o.from } : {}),
    ...(o.to ? { to: o.to } : {}),
  };
}

export function intelCommands(program: Command): Command {
  const importing = program.command('import').description('import records into the knowledge base');
  importOptions(
    importing
      .command('stix')
      .description('import a STIX 2.1 bundle (streamed; all or nothing unless --partial)')
      .argument('<file>'),
  ).action(async (file: string, flags: ImportFlags) => {
    const progress = flags.quiet ? null : progressLine(statSync(file).size, 'objects');
    await withDatabase(async (database) => {
      await runImport(() =>
        importStix(
          database,
          CLI,
          createReadStream(file, { highWaterMark: 1 << 20 }),
          optionsOf(flags, progress),
          new Date(),
        ),
      );
    });
    progress?.done();
  });
  importOptions(
    importing
      .command('gtd')
      .description(
        'import a Global Terrorism Database CSV export (135 or 134 columns, , or ;, UTF-8 or Latin-1)',
      )
      .argument('<file>'),
  ).action(async (file: string, flags: ImportFlags) => {
    const progress = flags.quiet ? null : progressLine(statSync(file).size, 'records');
    await withDatabase(async (database) => {
      await runImport(() =>
        importGtd(
          database,
          CLI,
          createReadStream(file, { highWaterMark: 1 << 20 }),
          optionsOf(flags, progress),
          new Date(),
        ),
      );
    });
    progress?.done();
  });
  program
    .command('generate')
    .description('write synthetic data for tests and benchmarks')
    .command('gtd')
    .description('a synthetic GTD-format CSV export with the awkward cases (no real GTD data)')
    .requiredOption('--rows <n>', 'how many rows')
    .option('--seed <n>', 'the same seed gives the same file', '1')
    .option('--out <file>', 'where to write (standard output if none)', '-')
    .option('--delimiter <c>', ', or ;', ',')
    .option('--latin1', 'encode as Latin-1 instead of UTF-8')
    .option('--columns <n>', '135 (2017 export) or 134 (older)', '135')
    .option('--awkward', 'quoted delimiters and line breaks, unknown codes, unknown days and months')
    .option('--bad <rows>', 'spoil these 1-based rows, comma-separated')
    .action(async (o: Record<string, string | boolean | undefined>) => {
      const args = Object.entries(o).flatMap(([k, v]) =>
        v === undefined || v === false ? [] : v === true ? [`--${k}`] : [`--${k}`, String(v)],
      );
      const code = await generateMain(args);
      if (code !== 0) throw new Invalid('generate', 'see the message above');
    });
  const exporting = program.command('export').description('export what the knowledge base holds');
  filterOptions(exporting.command('stix').description('a STIX 2.1 bundle of the latest versions')).action(
    async (o: { type?: string[]; q?: string; from?: string; to?: string; out?: string }) => {
      await withDatabase(async ({ db }) => {
        const out = o.out ? createWriteStream(o.out) : process.stdout;
        await pipeline(Readable.from(exportBundle(db, CLI, filterOf(o))), out, { end: Boolean(o.out) });
      });
    },
  );
  filterOptions(exporting.command('incidents').description('incidents as CSV')).action(
    async (o: { type?: string[]; q?: string; from?: string; to?: string; out?: string }) => {
      await withDatabase(async ({ db }) => {
        const out = o.out ? createWriteStream(o.out) : process.stdout;
        await pipeline(Readable.from(exportIncidentsCsv(db, CLI, filterOf(o))), out, { end: Boolean(o.out) });
      });
    },
  );
  return importing;
}
