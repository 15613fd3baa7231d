import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { Invalid } from '../errors.ts';
import {
  BATCHES_AHEAD,
  CHUNKS_AHEAD,
  type FromWorker,
  type InputKind,
  preparedBatches,
  type ToWorker,
} from './import.prepare.ts';
import type { Tlp } from './tlp.rules.ts';

/**
 * The worker that prepares an import's input (see `prepareInput`): it asks the importing thread
 * for chunks of the input a few ahead, prepares them, and sends each batch back, never more than
 * a few ahead of the writer.
 */

/**
 * The worker gives way to the writer. On Linux a thread's nice value is its own, and a thread may
 * lower its own priority: this one runs at nice 10, so that when both want a core (and the
 * collector's threads want one too), the writer, which holds the write transaction, gets it. The
 * worker only has to stay ahead of the writer, and it is the faster of the two (gtd-import:
 * 100,000 rows in 8.1 to 8.3 s instead of 8.7). Elsewhere it runs as it is.
 */
function giveWay(): void {
  if (process.platform !== 'linux') return;
  try {
    const thread = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(thread) && thread > 0) setPriority(thread, WORKER_NICE);
  } catch {
    // No /proc, or not allowed: the worker keeps the priority it has.
  }
}

/** How much lower than the writer's the worker's priority is (nice values run from -20 to 19). */
const WORKER_NICE = 10;
giveWay();

const port = parentPort as NonNullable<typeof parentPort>;
const { kind, tlp } = workerData as { kind: InputKind; tlp: Tlp };
const send = (message: FromWorker) => port.postMessage(message);

/** How much of a chunk of input the reader is given at a time. */
const PIECE = 64 * 1024;

let credits = BATCHES_AHEAD;
const inputs: ToWorker[] = [];
let wake: (() => void) | null = null;
const until = async (ready: () => boolean) => {
  while (!ready())
    await new Promise<void>((resolve) => {
      wake = resolve;
    });
};

port.on('message', (message: ToWorker) => {
  if (message.kind === 'taken') credits += 1;
  else inputs.push(message);
  wake?.();
  wake = null;
});

async function* chunks(): AsyncGenerator<Uint8Array | string> {
  for (let i = 0; i < CHUNKS_AHEAD; i++) send({ kind: 'pull' });
  for (;;) {
    await until(() => inputs.length > 0);
    const message = inputs.shift() as ToWorker;
    if (message.kind === 'end') return;
    if (message.kind === 'fail') throw new Error(message.message);
    if (message.kind !== 'chunk') continue;
    send({ kind: 'pull' });
    const { data } = message;
    // A Buffer arrives as a plain Uint8Array: view the same bytes as a Buffer again.
    const whole =
      typeof data === 'string' ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    // In pieces: the reader holds the records of the piece it is given until they are prepared,
    // and the records of a small piece die young.
    for (let at = 0; at < whole.length; at += PIECE)
      yield typeof whole === 'string' ? whole.slice(at, at + PIECE) : whole.subarray(at, at + PIECE);
  }
}

try {
  for await (const batch of preparedBatches(kind, chunks(), tlp)) {
    await until(() => credits > 0);
    credits -= 1;
    send({ kind: 'batch', ...batch });
  }
  send({ kind: 'done' });
} catch (error) {
  const e = error as Error;
  send({
    kind: 'error',
    message: e.message,
    ...(e instanceof Invalid
      ? { invalid: { field: String(e.details.field), problem: String(e.details.problem) } }
      : {}),
  });
}
