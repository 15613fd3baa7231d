import { fork } from 'node:child_process';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { figure, report } from './lib.ts';

// registry-read: requests per second of the public registry under 50 concurrent connections,
// beside a constant Fastify route served by the same process on the same machine. The three
// routes are measured in interleaved rounds so that a change in the machine's load while the
// benchmark runs weighs on the figure and on its reference alike.
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = 50;
// autocannon's own parsing of 10-17 KB answers saturates one client thread before the server is
// busy (a CPU profile of the server showed it half idle), so the client runs on two threads.
const WORKERS = Number(process.env.BENCH_WORKERS ?? 2);

const child = fork(join(import.meta.dirname, 'registry-read.server.ts'), { execArgv: ['--import', 'tsx'] });
const ports = await new Promise<{ app: number; constant: number }>((resolve) =>
  child.once('message', resolve as never),
);
const routes = {
  constant: `http://127.0.0.1:${ports.constant}/constant`,
  summits: `http://127.0.0.1:${ports.app}/api/summits`,
  chronology: `http://127.0.0.1:${ports.app}/api/chronology`,
};

async function rps(url: string, seconds: number): Promise<number> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: seconds, workers: WORKERS });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return result.requests.average;
}

try {
  for (const url of Object.values(routes)) await rps(url, 2); // warm-up: JIT and caches
  const sums = { constant: 0, summits: 0, chronology: 0 };
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, url] of Object.entries(routes))
      sums[name as keyof typeof sums] += await rps(url, SECONDS);
  }
  const mean = (name: keyof typeof sums) => sums[name] / ROUNDS;
  const reference = { name: 'constant Fastify route, same process and run', value: mean('constant') };
  const metric = `requests/s, ${CONNECTIONS} connections, ${WORKERS} client threads, mean of ${ROUNDS} rounds of ${SECONDS}s`;
  report('registry-read', [
    figure('GET /api/summits', metric, 'req/s', mean('summits'), reference),
    figure('GET /api/chronology', metric, 'req/s', mean('chronology'), reference),
  ]);
} finally {
  child.kill();
}
