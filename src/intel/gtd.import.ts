import type { Readable } from 'node:stream';
import type { Database } from '../db/kysely.ts';
import type { Actor } from '../identity/policy.rules.ts';
import { readGtdBatches } from './gtd/gtd.read.ts';
import { gtdObjects } from './gtd.convert.ts';
import { type Candidate, type ImportOptions, type ImportReport, importCandidates } from './stix.import.ts';
import { referencesOf } from './stix.validate.rules.ts';

/**
 * Imports a GTD CSV export as it streams: each row becomes its incident, its groups and its
 * country (each group and country once per import), through the same import path as STIX: one
 * transaction, every rejected row reported with its row number and column, deterministic ids.
 */
export async function importGtd(
  database: Database,
  actor: Actor,
  input: AsyncIterable<Buffer | string> | Readable,
  options: ImportOptions,
  now: Date,
): Promise<ImportReport> {
  const reader = readGtdBatches(input);
  async function* candidates(): AsyncGenerator<Candidate[]> {
    const emitted = new Set<string>();
    for await (const rows of reader) {
      const out: Candidate[] = [];
      for (const row of rows) {
        const at = `row ${row.row}`;
        if (!row.record || row.faults?.length) {
          out.push({
            at,
            rejection: (row.faults ?? [{ column: '(row)', problem: 'could not be read' }]).map((f) => ({
              field: f.column,
              problem: f.problem,
            })),
          });
          continue;
        }
        for (const object of gtdObjects(row.record)) {
          if (object.type !== 'incident') {
            if (emitted.has(object.id)) continue;
            emitted.add(object.id);
          }
          out.push({ at, object, refs: referencesOf(object) });
        }
      }
      yield out;
    }
  }
  return importCandidates(database, actor, candidates(), options, now, () => reader.bytesRead);
}
