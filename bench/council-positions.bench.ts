import { fork } from 'node:child_process';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import { figure, report } from './lib.ts';

// council-positions: positions stated per second, and the 99th percentile of their latency, with
// 50 concurrent clients (each a delegation with its API token, stating positions on the open
// decisions in turn), beside the registry read of `registry-read` (GET /api/summits) measured
// against the same server in the same run. Two loads: the clients sending as fast as they are
// answered (the throughput; latency there is queueing, 50 clients / throughput), and the clients
// at a steady pace of RATE positions a second in all (the latency a delegation meets).
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;
const WORKERS = Number(process.env.BENCH_WORKERS ?? 2);
const RATE = Number(process.env.BENCH_RATE ?? 200);

const child = fork(join(import.meta.dirname, 'council-positions.server.ts'), {
  // BENCH_PROFILE=DIR writes a CPU profile of the server under load into DIR.
  execArgv: [
    '--import',
    'tsx',
    ...(process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : []),
  ],
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

/**
 * The 50 clients at a steady pace: each delegation's client states a position every
 * CLIENTS/RATE seconds, the clients spread evenly over that interval, each waiting for its
 * answer before the next. Returns the 99th percentile latency in milliseconds.
 */
async function paced(seconds: number): Promise<number> {
  const interval = (CONNECTIONS / RATE) * 1000;
  const latencies: number[] = [];
  const until = performance.now() + seconds * 1000;
  const client = async (c: number) => {
    await sleep((interval * c) / CONNECTIONS);
    for (let i = c; performance.now() < until; i += CONNECTIONS) {
      const started = performance.now();
      const status = await post(
        `/api/decisions/${setup.ids[i % setup.ids.length]}/positions`,
        setup.tokens[c % setup.tokens.length] as string,
        JSON.stringify({ position: 'support' }),
      );
      if (status !== 200) throw new Error(`paced positions: HTTP ${status}`);
      const took = performance.now() - started;
      latencies.push(took);
      await sleep(Math.max(0, interval - took));
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, (_, c) => client(c)));
  latencies.sort((a, b) => a - b);
  return latencies[Math.floor(latencies.length * 0.99)] ?? Number.NaN;
}

/** One POST over a kept-alive connection; resolves with the status once the body is read. */
const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
function post(path: string, token: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${base}${path}`,
      {
        method: 'POST',
        agent,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
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
  // The same 50 clients at a steady pace of RATE positions a second in all, well under what the
  // server can take: the latency a delegation meets when the council is busy but not flooded.
  const steady = await paced(SECONDS);
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
      `99th percentile latency, ${metric}, clients sending as fast as answered`,
      'ms',
      stated.latency.p99,
      {
        name: 'registry-read GET /api/summits p99, same server and run',
        value: read.latency.p99,
      },
    ),
    figure(
      'POST /api/decisions/:id/positions p99 at a steady pace',
      `99th percentile latency, ${metric}, ${RATE} positions/s offered in all (budget: under 20 ms)`,
      'ms',
      steady,
      {
        name: 'registry-read GET /api/summits p99, same server and run',
        value: read.latency.p99,
      },
    ),
  ]);
} finally {
  child.kill('SIGINT');
}
