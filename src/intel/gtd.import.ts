import type { Readable } from 'node:stream';
import type { Database } from '../db/kysely.ts';
import type { Actor } from '../identity/policy.rules.ts';
import { type ImportOptions, type ImportReport, importInput } from './stix.import.ts';

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
  return importInput(database, actor, 'gtd', input as AsyncIterable<Buffer | string>, options, now);
}
