import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { threatIndex } from '../src/assessment/index.service.ts';
import { keepIncidents, type WrittenIncident } from '../src/assessment/rollups.repository.ts';
import { incidentFactsOf } from '../src/assessment/rollups.rules.ts';
import { openDatabase } from '../src/db/kysely.ts';
import { GTD_EXTENSION } from '../src/intel/stix.definitions.ts';
import { prepareDatabase } from '../src/server/prepare.ts';
import { figure, report } from './lib.ts';

// assessment-index: milliseconds to compute the threat index for every state with incidents
// over 30 years from INCIDENTS incidents, through `threatIndex` (the rollups the store keeps,
// summed over what the reader may see, then the pure index rules), beside DuckDB computing the
// same figures from the raw rows in the same run. The two sets of scores must match.
const INCIDENTS = Number(process.env.BENCH_INCIDENTS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const FROM = 1991;
const TO = 2020;
const dir = mkdtempSync(join(tmpdir(), 'sco-bench-index-'));

const COUNTRIES = [
  'KZ',
  'KG',
  'TJ',
  'TM',
  'UZ',
  'CN',
  'RU',
  'IN',
  'PK',
  'IR',
  'BY',
  'AF',
  'MN',
  'TR',
  'AZ',
  'AM',
  'NP',
  'LK',
  'KH',
  'EG',
  'QA',
  'SA',
  'AE',
  'KW',
  'BH',
  'MM',
  'MV',
  'LA',
  'IQ',
  'SY',
];
const EXTENTS = [
  'Unknown',
  'Unknown',
  'Unknown',
  'Minor (likely < $1 million)',
  'Major (likely >= $1 million but < $1 billion)',
  'Catastrophic (likely >= $1 billion)',
];
const BANDS = [0, 0, 0, 1, 2, 3];

/** A small deterministic generator, so both engines see the same incidents. */
let seed = 42;
const next = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};
const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] as T;

const database = openDatabase({ sqliteFile: join(dir, 'sco.db') });
await prepareDatabase(database, { dataDir: resolve(import.meta.dirname, '../data') });

// The raw rows for DuckDB, and the same incidents through the store's rollup keeper.
const csv: string[] = ['country,year,killed,wounded,property'];
const started = performance.now();
for (let done = 0; done < INCIDENTS; ) {
  const batch: WrittenIncident[] = [];
  for (let i = 0; i < 5000 && done < INCIDENTS; i++, done++) {
    const country = pick(COUNTRIES);
    const year = 1985 + Math.floor(next() * 36);
    const killed = next() < 0.5 ? 0 : Math.floor(next() * 20);
    const wounded = next() < 0.5 ? 0 : Math.floor(next() * 40);
    const extent = Math.floor(next() * EXTENTS.length);
    csv.push(`${country},${year},${killed},${wounded},${BANDS[extent]}`);
    batch.push({
      id: `incident--${randomUUID()}`,
      tlp: 'green',
      creatorOrg: 'rats-executive-committee',
      facts: incidentFactsOf({
        extensions: {
          [GTD_EXTENSION]: {
            date_start: `${year}-0${1 + Math.floor(next() * 9)}`,
            country_code: country,
            attack_types: ['Bombing/Explosion'],
            weapon_types: ['Explosives'],
            target_types: ['Police'],
            killed,
            wounded,
            property_extent: EXTENTS[extent],
          },
        },
      }),
    });
  }
  await database.db.transaction().execute((trx) => keepIncidents(trx, batch));
}
const keptSeconds = (performance.now() - started) / 1000;
const file = join(dir, 'incidents.csv');
writeFileSync(file, `${csv.join('\n')}\n`);
csv.length = 0;

const system = { kind: 'system', name: 'bench' } as const;
const states = COUNTRIES.join(',');
const ours = async () =>
  threatIndex(database.db, system, { states, from: String(FROM), to: String(TO) }, new Date());

const duck = await (await DuckDBInstance.create(':memory:')).connect();
await duck.run(`create table incidents as select * from read_csv('${file}', header = true)`);
const DUCK_SQL = `
with yearly as (
  select country, year, count(*) + 3 * sum(killed) + 0.5 * sum(wounded) + 2 * sum(property) as raw
  from incidents group by country, year
),
grid as (
  select c.country, y.year
  from (select distinct country from yearly) c,
       (select range as year from range((select min(year) from yearly), (select max(year) from yearly) + 5)) y
),
dense as (
  select g.country, g.year, coalesce(r.raw, 0) as raw
  from grid g left join yearly r on r.country = g.country and r.year = g.year
),
weighted as (
  select country, year,
    (16 * raw
      + 8 * coalesce(lag(raw, 1) over w, 0)
      + 4 * coalesce(lag(raw, 2) over w, 0)
      + 2 * coalesce(lag(raw, 3) over w, 0)
      + coalesce(lag(raw, 4) over w, 0)) / 31 as weighted
  from dense
  window w as (partition by country order by year)
)
select country, year::integer as year,
  case when weighted <= 0 then 0 else 10 * ln(1 + weighted) / ln(1 + max(weighted) over ()) end as score
from weighted
where year between ${FROM} and ${TO}
order by country, year`;
const theirs = async () =>
  (await duck.runAndReadAll(DUCK_SQL)).getRowObjectsJS() as {
    country: string;
    year: number;
    score: number;
  }[];

// The two must agree on every state-year.
const [a, b] = [await ours(), await theirs()];
let compared = 0;
for (const row of b) {
  const point = a.states.find((s) => s.code === row.country)?.series.find((p) => p.year === row.year);
  if (!point || Math.abs(point.score - row.score) > 0.0006)
    throw new Error(`${row.country} ${row.year}: ours ${point?.score}, DuckDB ${row.score}`);
  compared++;
}
if (compared !== COUNTRIES.length * (TO - FROM + 1)) throw new Error(`compared ${compared} state-years`);

const median = async (work: () => Promise<unknown>) => {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await work();
    times.push(performance.now() - t);
  }
  times.sort((x, y) => x - y);
  return times[Math.floor(times.length / 2)] as number;
};
for (let i = 0; i < 3; i++) await ours(); // warm-up
const oursMs = await median(ours);
const duckMs = await median(theirs);
report('assessment-index', [
  figure(
    'threatIndex, every state, 30 years',
    `median ms over ${RUNS} runs: the index of ${COUNTRIES.length} states × ${TO - FROM + 1} years from ${INCIDENTS.toLocaleString('en')} incidents, SQLite rollups (goals: under 50 ms, and faster than DuckDB); ${compared} state-years equal to DuckDB's; rollups kept at ${Math.round(INCIDENTS / keptSeconds).toLocaleString('en')} incidents/s`,
    'ms',
    oursMs,
    {
      name: 'DuckDB (@duckdb/node-api, in memory) computing the same scores from the raw rows, same run',
      value: duckMs,
    },
  ),
]);
await database.close();
rmSync(dir, { recursive: true, force: true });
