import type { Database } from '../db/kysely.ts';
import { Forbidden, Invalid } from '../errors.ts';
import { audit } from '../identity/audit.service.ts';
import { type Actor, authorize } from '../identity/policy.rules.ts';
import { type Candidate, type InputKind, importLevel, prepareInput } from './import.prepare.ts';
import * as repo from './stix.repository.ts';
import { type Prepared, prepareObject } from './stix.rules.ts';
import { type Access, StixWriter } from './stix.store.ts';
import { mostRestrictive, rank, type Tlp } from './tlp.rules.ts';

export { type Candidate, candidateOf } from './import.prepare.ts';

/**
 * Imports of records into the knowledge base, whatever their source (a STIX bundle, GTD rows):
 * streamed in batches through the store's writer inside one transaction, so that by default an
 * import lands whole or not at all (a killed process leaves the database as it was), and with
 * `partial` the good records land and each rejected one is reported with its place and field.
 * Identifiers are deterministic, so a second import of the same records changes nothing.
 */

export interface ImportOptions {
  tlp: Tlp;
  recipientOrgs?: readonly string[];
  recipientUsers?: readonly string[];
  /** Land the valid records even when some are rejected. */
  partial?: boolean;
  /** Called after each batch with the records read so far and the bytes consumed, if known. */
  onProgress?: (progress: { records: number; bytes: number }) => void;
  batchSize?: number;
  /** The creating organization when the local operator imports (a user imports for their own). */
  organization?: string;
  /** Told the outcome of each record, in order (a TAXII status lists them one by one). */
  onRecord?: (at: string, outcome: RecordOutcome) => void;
}

/** What became of one record. */
export type RecordOutcome =
  | { status: 'created' | 'versioned' | 'unchanged'; id: string; modified: string }
  | { status: 'rejected'; id?: string; problem: string };

export interface Rejection {
  /** Where the record was: `objects[12]`, `row 40`. */
  at: string;
  /** The property path or column, and the problem. */
  field: string;
  problem: string;
}

export interface ImportReport {
  read: number;
  created: number;
  versioned: number;
  unchanged: number;
  rejected: number;
  /** Each fault of the rejected records, the first thousand; `rejected` counts the records. */
  rejections: Rejection[];
  /** Whether anything was written (false when rejections stopped an all-or-nothing import). */
  landed: boolean;
}

export class ImportRejected extends Invalid {
  constructor(readonly report: ImportReport) {
    const first = report.rejections[0];
    super(
      first ? `${first.at}.${first.field}` : 'input',
      `${report.rejected} record(s) rejected, nothing imported${first ? `; first: ${first.problem}` : ''}`,
      { report },
    );
  }
}

const KEPT_REJECTIONS = 1000;
/** Objects whose level an import keeps at hand (a few megabytes). */
const LEVELS_KEPT = 20_000;

/** Runs an import of candidates from `source` as `actor`, under the options' marking. */
export async function importCandidates(
  database: Database,
  actor: Actor,
  /** Candidates in groups (a chunk of a file each): one await per group, not per record. */
  source: AsyncIterable<readonly Candidate[]>,
  options: ImportOptions,
  now: Date,
  progress: () => number = () => 0,
): Promise<ImportReport> {
  if (!authorize(actor, 'import', 'stix', {}))
    throw new Forbidden('only analysts import into the knowledge base');
  const creatorOrg =
    actor.kind === 'user' ? actor.organizationId : (options.organization ?? 'rats-executive-committee');
  const known = await database.db
    .selectFrom('organizations')
    .select('id')
    .where('id', '=', creatorOrg)
    .executeTakeFirst();
  if (!known) throw new Invalid('organization', `no organization ${creatorOrg}`);
  const creatorUser = actor.kind === 'user' ? actor.userId : null;
  const users = [
    ...new Set([
      ...(options.recipientUsers ?? []),
      ...(options.tlp === 'red' && creatorUser ? [creatorUser] : []),
    ]),
  ];
  const report: ImportReport = {
    read: 0,
    created: 0,
    versioned: 0,
    unchanged: 0,
    rejected: 0,
    rejections: [],
    landed: false,
  };
  /** Counts a rejected record once, keeping each of its faults (up to a thousand in all). */
  const reject = (at: string, faults: Omit<Rejection, 'at'>[], id?: string) => {
    report.rejected += 1;
    options.onRecord?.(at, {
      status: 'rejected',
      ...(id ? { id } : {}),
      problem: faults.map((f) => `${f.field}: ${f.problem}`).join('; '),
    });
    for (const { field, problem } of faults) {
      if (report.rejections.length < KEPT_REJECTIONS) report.rejections.push({ at, field, problem });
    }
  };
  // Small batches: the records a batch holds die young instead of outliving a collection, and
  // the writer's work per batch (levels, rollups) stays a small share (measured by gtd-import).
  const batchSize = options.batchSize ?? 500;
  /**
   * Levels of objects this import read or wrote, for the markings of those that reference them: a
   * GTD export names the same groups and countries row after row, and each would otherwise be
   * read from the store again in every batch. Forgotten, all at once, between batches when there
   * are too many: by then every object of the batches before is in the store.
   */
  const levels = new Map<string, Tlp>();

  const landed = await database.db.transaction().execute(async (trx) => {
    const writer = await StixWriter.open(database, trx, now);
    let batch: { at: string; prepared: Prepared; access: Access }[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      // Referenced objects stored before this import give their marking too.
      const outside = [...new Set(batch.flatMap((b) => b.prepared.refs).filter((id) => !levels.has(id)))];
      for (const { id, tlp } of await repo.levelsOf(trx, outside)) levels.set(id, tlp as Tlp);
      for (const entry of batch) {
        const inherited = entry.prepared.refs.map((id) => levels.get(id) ?? 'clear');
        const tlp = mostRestrictive([entry.access.tlp, ...inherited]);
        if (rank(tlp) > rank(entry.access.tlp)) entry.access = { ...entry.access, tlp };
      }
      const results = await writer.write(
        batch.map(({ prepared, access }) => ({ prepared, access, stamped: prepared.modified !== undefined })),
      );
      results.forEach((result, i) => {
        const entry = batch[i] as (typeof batch)[number];
        // A new object has the level it was stored at; any other is read from the store again (a
        // version older than the stored one leaves the object's level as it was).
        if (result.status === 'created') levels.set(result.id, entry.access.tlp);
        else levels.delete(result.id);
        if (result.status === 'rejected')
          reject(entry.at, [{ field: 'modified', problem: result.problem }], result.id);
        else {
          report[result.status] += 1;
          options.onRecord?.(entry.at, { status: result.status, id: result.id, modified: result.modified });
        }
      });
      batch = [];
      if (levels.size > LEVELS_KEPT) levels.clear();
      options.onProgress?.({ records: report.read, bytes: progress() });
    };
    for await (const candidates of source) {
      for (const candidate of candidates) {
        report.read += 1;
        if ('rejection' in candidate) {
          reject(candidate.at, candidate.rejection);
          continue;
        }
        const prepared =
          'prepared' in candidate
            ? candidate.prepared
            : prepareObject(candidate.object, importLevel(candidate.object, options.tlp), candidate.refs);
        const tlp = prepared.tlp;
        levels.set(prepared.id, tlp);
        const access: Access = {
          tlp,
          creatorOrg,
          creatorUser,
          recipientOrgs: options.recipientOrgs ?? [],
          recipientUsers: tlp === 'red' ? users : (options.recipientUsers ?? []),
        };
        batch.push({ at: candidate.at, prepared, access });
        if (batch.length >= batchSize) await flush();
      }
    }
    await flush();
    if (report.rejected > 0 && !options.partial) throw new ImportRejected(report);
    await writer.finish();
    await audit(
      trx,
      actor,
      {
        action: 'stix.import',
        subjectType: 'import',
        subjectId: `${now.toISOString()}`,
        state: { ...report, rejections: report.rejections.length, tlp: options.tlp },
      },
      now,
    );
    return true;
  });
  report.landed = landed;
  return report;
}

/** Imports a STIX 2.1 bundle from a stream. */
export async function importStix(
  database: Database,
  actor: Actor,
  input: AsyncIterable<Uint8Array | string>,
  options: ImportOptions,
  now: Date,
): Promise<ImportReport> {
  return importInput(database, actor, 'stix', input, options, now);
}

/** Imports a file of one kind, prepared as it streams (see `prepareInput`). */
export async function importInput(
  database: Database,
  actor: Actor,
  kind: InputKind,
  input: AsyncIterable<Uint8Array | string>,
  options: ImportOptions,
  now: Date,
): Promise<ImportReport> {
  let bytes = 0;
  async function* candidates(): AsyncGenerator<Candidate[]> {
    for await (const batch of prepareInput(kind, input, options.tlp)) {
      bytes = batch.bytes;
      yield batch.candidates;
    }
  }
  return importCandidates(database, actor, candidates(), options, now, () => bytes);
}
