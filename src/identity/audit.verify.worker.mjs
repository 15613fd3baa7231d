// A thread that verifies one range of the audit chain (see audit.verify.ts). Plain JavaScript
// so that it starts in any Node.js thread; it loads the TypeScript sources through tsx.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
try {
  const { verifyRangeIn } = await import('./audit.verify.ts');
  parentPort.postMessage(await verifyRangeIn(workerData.options, workerData.from, workerData.to));
} catch (error) {
  parentPort.postMessage({ error: String(error?.stack ?? error) });
}
