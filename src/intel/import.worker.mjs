// The import worker's entry: the worker thread loads the TypeScript sources through tsx, as the
// `sco` command and the server do (a worker does not inherit the loader of the thread that
// starts it).
import { register } from 'tsx/esm/api';

register();
await import('./import.worker.ts');
