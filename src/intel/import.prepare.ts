import { Worker } from 'node:worker_threads';
import { Invalid } from '../errors.ts';
import { readGtdBatches } from './gtd/gtd.read.ts';
import { gtdObjects } from './gtd.convert.ts';
import { BundleReader } from './stix.bundle.ts';
import type { StixObject } from './stix.definitions.ts';
import { type Prepared, prepareObject } from './stix.rules.ts';
import { validateStix } from './stix.validate.rules.ts';
import { mostRestrictive, type Tlp, tlpOfMarking, tlpOfObject } from './tlp.rules.ts';

/**
 * The first half of an import: reading a file (a STIX bundle, a GTD CSV export), validating or
 * converting each record and preparing each object for the store. It is pure work on the input,
 * so a file larger than one chunk is prepared on a worker thread while the importer writes the
 * batches before it: on two cores, reading and writing no longer take turns.
 */

/** Where a record was (`objects[12]`, `row 40`), and what became of it before the store. */
export type Candidate =
  | { at: string; object: StixObject; refs?: readonly string[] }
  | { at: string; prepared: Prepared }
  | Rejected;

/** A record that cannot be stored, with each fault's property path or column. */
export type Rejected = { at: string; rejection: { field: string; problem: string }[] };

export type InputKind = 'stix' | 'gtd';

/** A batch of candidates and how many bytes of the input were read to give it. */
export interface PreparedBatch {
  candidates: Candidate[];
  bytes: number;
}

/** The level an imported object is stored at: the import's, or its own if that is stricter. */
export function importLevel(object: StixObject, tlp: Tlp): Tlp {
  const own = tlpOfObject(object.object_marking_refs as string[] | undefined);
  return own ? mostRestrictive([tlp, own]) : tlp;
}

/**
 * One STIX object as a candidate for the store: validated, with each fault named; null for a TLP
 * marking definition, which is built in (written with every export, never stored).
 */
export function candidateOf(
  value: unknown,
  at: string,
): { at: string; object: StixObject } | Rejected | null {
  const object = value as StixObject;
  if (object?.type === 'marking-definition' && typeof object.id === 'string' && tlpOfMarking(object.id)) {
    return null;
  }
  const faults = validateStix(object);
  return faults.length
    ? { at, rejection: faults.map((f) => ({ field: f.path, problem: f.problem })) }
    : { at, object };
}

const prepared = (at: string, object: StixObject, tlp: Tlp): Candidate => ({
  at,
  prepared: prepareObject(object, importLevel(object, tlp)),
});

/** The prepared candidates of a STIX bundle, a chunk at a time. */
async function* stixBatches(
  input: AsyncIterable<Uint8Array | string>,
  tlp: Tlp,
): AsyncGenerator<PreparedBatch> {
  const reader = new BundleReader();
  for await (const items of reader.objects(input)) {
    const candidates: Candidate[] = [];
    for (const item of items) {
      const at = `objects[${item.index}]`;
      if (item.error) {
        candidates.push({ at, rejection: [{ field: '(object)', problem: item.error }] });
        continue;
      }
      const candidate = candidateOf(item.value, at);
      if (candidate === null) continue;
      candidates.push('object' in candidate ? prepared(at, candidate.object, tlp) : candidate);
    }
    yield { candidates, bytes: reader.position };
  }
}

/**
 * The prepared candidates of a GTD export: each row becomes its incident, its groups and its
 * country (each group and country once per import); a row that cannot be read is rejected with
 * its row number and columns.
 */
async function* gtdBatches(
  input: AsyncIterable<Uint8Array | string>,
  tlp: Tlp,
): AsyncGenerator<PreparedBatch> {
  const reader = readGtdBatches(input as AsyncIterable<Buffer | string>);
  const emitted = new Set<string>();
  for await (const rows of reader) {
    const candidates: Candidate[] = [];
    for (const row of rows) {
      const at = `row ${row.row}`;
      if (!row.record || row.faults?.length) {
        candidates.push({
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
        candidates.push(prepared(at, object, tlp));
      }
    }
    yield { candidates, bytes: reader.bytesRead };
  }
}

export function preparedBatches(
  kind: InputKind,
  input: AsyncIterable<Uint8Array | string>,
  tlp: Tlp,
): AsyncGenerator<PreparedBatch> {
  return kind === 'stix' ? stixBatches(input, tlp) : gtdBatches(input, tlp);
}

/** Input up to this size is prepared on the importing thread: a worker costs more to start. */
const IN_THREAD_BYTES = 1 << 20;
/** About how much input each of the worker's pulls brings (a file stream reads 64 KiB at a time). */
const FEED_BYTES = 512 * 1024;
/** The old generation of a worker's heap. */
const WORKER_HEAP_MB = 64;
/** Its young generation, where the records of a batch are born and die. */
const WORKER_YOUNG_MB = 48;
/**
 * Batches a worker may have prepared ahead of the writer: bounds memory, keeps both busy. A
 * batch is what the reader gives for a piece of input (see the worker's `PIECE`), some hundred
 * GTD rows: this is about two chunks of input.
 */
export const BATCHES_AHEAD = 16;
/** Chunks of input a worker asks for ahead, so it need not wait for a busy writer to send one. */
export const CHUNKS_AHEAD = 8;

/** Messages between the importing thread and its preparing worker. */
export type ToWorker =
  | { kind: 'chunk'; data: Uint8Array | string }
  | { kind: 'end' }
  | { kind: 'fail'; message: string }
  | { kind: 'taken' };
export type FromWorker =
  | { kind: 'pull' }
  | ({ kind: 'batch' } & PreparedBatch)
  | { kind: 'done' }
  | { kind: 'error'; message: string; invalid?: { field: string; problem: string } };

/**
 * Prepares `input` in batches: on this thread when it is small (one chunk or a few), else on a
 * worker thread that pulls the input's chunks from here and sends back prepared batches, at most
 * a few ahead of the writer. Errors of the input (a bad header, not a bundle) come back as they
 * were thrown. Stopping early (a rejected import) stops the worker and the input.
 */
export async function* prepareInput(
  kind: InputKind,
  input: AsyncIterable<Uint8Array | string>,
  tlp: Tlp,
): AsyncGenerator<PreparedBatch> {
  const source = input[Symbol.asyncIterator]();
  const head: (Uint8Array | string)[] = [];
  let size = 0;
  let ended = false;
  while (size < IN_THREAD_BYTES) {
    const next = await source.next();
    if (next.done) {
      ended = true;
      break;
    }
    head.push(next.value);
    size += next.value.length;
  }
  if (ended) {
    yield* preparedBatches(kind, toIterable(head), tlp);
    return;
  }
  yield* inWorker(kind, tlp, head, source);
}

/** The chunks as one: text if all are text, else bytes (text chunks as UTF-8, as a file holds them). */
function joined(parts: (Uint8Array | string)[]): Uint8Array | string {
  if (parts.every((p) => typeof p === 'string')) return parts.join('');
  if (parts.length === 1) return parts[0] as Uint8Array;
  return Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : p)));
}

async function* toIterable<T>(items: T[]): AsyncGenerator<T> {
  yield* items;
}

async function* inWorker(
  kind: InputKind,
  tlp: Tlp,
  head: (Uint8Array | string)[],
  source: AsyncIterator<Uint8Array | string>,
): AsyncGenerator<PreparedBatch> {
  const worker = new Worker(new URL('./import.worker.mjs', import.meta.url), {
    workerData: { kind, tlp },
    // A worker holds a few batches and one record at a time; the limits keep its heap from
    // growing with the rate it allocates at (the 1,000,000-row import's peak stays under 512 MB).
    // The young generation is large enough that a batch being prepared dies young: at 16 MB the
    // worker spent a quarter of its time collecting, and the writer waited on it (gtd-import).
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_MB },
  });
  const inbox: FromWorker[] = [];
  let wake: (() => void) | null = null;
  let failure: Error | null = null;
  const arrived = () => {
    wake?.();
    wake = null;
  };
  worker.on('message', (message: FromWorker) => {
    if (message.kind === 'pull') feed();
    else {
      inbox.push(message);
      arrived();
    }
  });
  worker.on('error', (error: Error & { code?: string }) => {
    failure =
      error.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? new Invalid('input', `a record needs more than ${WORKER_HEAP_MB} MiB to read`)
        : error;
    arrived();
  });
  worker.on('exit', () => {
    failure ??= new Error('the import worker stopped');
    arrived();
  });
  let stopped = false;
  /**
   * Pulls are answered in order, one read of the input at a time, each with half a mebibyte:
   * a file stream reads 64 KiB at a time, and a worker that asked for a few of those would run
   * dry while this thread is busy writing a batch.
   */
  let reading = Promise.resolve();
  const feed = () => {
    reading = reading.then(async () => {
      try {
        const parts: (Uint8Array | string)[] = [];
        let size = 0;
        while (size < FEED_BYTES && !stopped) {
          const chunk = head.shift() ?? (await source.next()).value;
          if (chunk === undefined) break;
          parts.push(chunk);
          size += chunk.length;
        }
        if (stopped) return;
        worker.postMessage(parts.length === 0 ? { kind: 'end' } : { kind: 'chunk', data: joined(parts) });
      } catch (error) {
        worker.postMessage({ kind: 'fail', message: (error as Error).message });
      }
    });
  };
  try {
    for (;;) {
      const message = inbox.shift();
      if (!message) {
        if (failure) throw failure;
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        continue;
      }
      if (message.kind === 'done') return;
      if (message.kind === 'error') {
        throw message.invalid
          ? new Invalid(message.invalid.field, message.invalid.problem)
          : new Error(message.message);
      }
      if (message.kind === 'batch') {
        worker.postMessage({ kind: 'taken' });
        yield { candidates: message.candidates, bytes: message.bytes };
      }
    }
  } finally {
    stopped = true;
    worker.removeAllListeners();
    await worker.terminate();
    await reading;
    await source.return?.();
  }
}
