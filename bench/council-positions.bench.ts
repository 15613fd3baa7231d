import { fork } from 'node:child_process';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { figure, report } from './lib.ts';

// council-positions: positions stated per second, and the 99th percentile of their latency,
// under 50 concurrent clients (each a delegation with its API token, stating positions on the
// open decisions in turn), beside the registry read of `registry-read` (GET /api/summits)
// measured against the same server in the same run.
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;
const WORKERS = Number(process.env.BENCH_WORKERS ?? 2);

const child = fork(join(import.meta.dirname, 'council-positions.server.ts'), {
  execArgv: ['--import', 'tsx'],
});
const setup = await new Promise<{ port: number; tokens: string[]; ids: string[] }>((resolve) =>
  child.once('message', resolve as never),
);
const base = `http://127.0.0.1:${setup.port}`;

async function positions(seconds: number) {
  // One request list per connection: a delegation's token, then the decisions in turn.
  const requests = setup.ids.map((id, i) => ({
    method: 'POST' as const,
    path: `/api/decisions/${id}/positions`,
    headers: {
      authorization: `Bearer ${setup.tokens[i % setup.tokens.length]}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({ position: i % 7 === 0 ? 'abstention' : 'support' }),
  }));
  const result = await autocannon({
    url: base,
    connections: CONNECTIONS,
    duration: seconds,
    requests,
    workers: WORKERS,
  });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`positions: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return result;
}

async function reads(seconds: number) {
  const result = await autocannon({
    url: `${base}/api/summits`,
    connections: CONNECTIONS,
    duration: seconds,
    workers: WORKERS,
  });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`reads: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return result;
}

try {
  await reads(2);
  await positions(2);
  const read = await reads(SECONDS);
  const stated = await positions(SECONDS);
  const metric = `${CONNECTIONS} connections, ${WORKERS} client threads, ${SECONDS}s, SQLite`;
  report('council-positions', [
    figure(
      'POST /api/decisions/:id/positions',
      `positions stated per second, ${metric}`,
      'req/s',
      stated.requests.average,
      {
        name: 'registry-read GET /api/summits, same server and run',
        value: read.requests.average,
      },
    ),
    figure(
      'POST /api/decisions/:id/positions p99',
      `99th percentile latency, ${metric} (budget: under 20 ms)`,
      'ms',
      stated.latency.p99,
      {
        name: 'registry-read GET /api/summits p99, same server and run',
        value: read.latency.p99,
      },
    ),
  ]);
} finally {
  child.kill('SIGINT');
}
