import type { Database as SQLiteDatabase } from 'better-sqlite3';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { type Staged, staged } from '../db/sqlite.ts';
import {
  type Audience,
  audienceKey,
  categoryOf,
  changes,
  detailKey,
  type Facts,
  type IncidentFacts,
  type Sums,
  sameFacts,
  yearKey,
} from './rollups.rules.ts';
import './rollups.schema.ts';

type Executor = Kysely<DB> | Transaction<DB>;

/**
 * Keeps the incident rollups current. The STIX store calls it inside the transaction of every
 * write, with each incident whose latest version or marking changed (or that went): the old
 * facts are taken away from the sums and the new ones added, so that once the writer finishes
 * (new incidents on SQLite wait until then, see `stagingOf`) the rollups equal what a
 * recomputation from the incidents would give.
 */

const CHUNK = 500;

/** An incident as just written: what its latest version counts for and who may read it. */
export interface WrittenIncident {
  id: string;
  /** From `incidentFactsOf`; null when it counts for nothing. */
  facts: IncidentFacts | null;
  tlp: string;
  creatorOrg: string;
  /** Stored for the first time: it has no earlier facts to take away. */
  isNew?: boolean;
}

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

async function factsBefore(trx: Executor, ids: readonly string[]) {
  const before = new Map<string, Facts>();
  if (ids.length === 0) return before;
  for (const part of chunks(ids)) {
    const rows = await trx.selectFrom('incident_facts').selectAll().where('id', 'in', part).execute();
    for (const { id, category, ...facts } of rows)
      before.set(id, { ...facts, category: categoryOf(category) });
  }
  return before;
}

/** Named recipients of the AMBER and RED incidents among these (the others need none). */
async function recipientsOf(trx: Executor, ids: readonly string[]) {
  const out = new Map<string, { orgs: string[]; users: string[] }>();
  for (const part of chunks(ids)) {
    const rows = await trx
      .selectFrom('stix_recipients')
      .select(['object_id', 'kind', 'principal'])
      .where('object_id', 'in', part)
      .execute();
    for (const r of rows) {
      const entry = out.get(r.object_id) ?? { orgs: [], users: [] };
      (r.kind === 'org' ? entry.orgs : entry.users).push(r.principal);
      out.set(r.object_id, entry);
    }
  }
  return out;
}

/** What a rollup row gains: the facts that give its key, and the sums to add. */
type Change = { facts: Facts; sums: Sums };

/**
 * Where the changes go: the same rows either way, as multi-row statements through Kysely or as
 * prepared statements bound by position on SQLite (an import writes hundreds of thousands; its
 * new incidents wait to be counted together, see `stagingOf`).
 */
interface RollupSink {
  audiences(rows: Record<string, string>[]): Promise<void>;
  detail(changes: Iterable<Change>): Promise<void>;
  yearly(changes: Iterable<Change>): Promise<void>;
  removeFacts(ids: readonly string[]): Promise<void>;
  addFacts(rows: { id: string; facts: Facts }[]): Promise<void>;
}

const SUMS = ['incidents', 'killed', 'wounded', 'property', 'cbrn'] as const;
const DETAIL_KEY = [
  'audience',
  'category',
  'country',
  'year',
  'month',
  'attack',
  'weapon',
  'target',
] as const;
const YEAR_KEY = ['audience', 'country', 'year'] as const;
const FACT_COLUMNS = ['id', ...DETAIL_KEY, 'killed', 'wounded', 'property', 'cbrn'] as const;

/** The values of DETAIL_KEY's columns, in its order, for binding by position. */
const detailKeyOf = (f: Facts) =>
  [f.audience, f.category, f.country, f.year, f.month, f.attack, f.weapon, f.target] as const;
/** An incident's facts as the values of FACT_COLUMNS, in their order. */
const factValuesOf = (id: string, f: Facts) =>
  [id, ...detailKeyOf(f), f.killed, f.wounded, f.property, f.cbrn] as const;

/** A change as a row of the rollups or of the yearly rollups: its key's columns and its sums. */
const detailRow = ({ facts: f, sums }: Change) => ({
  audience: f.audience,
  category: f.category,
  country: f.country,
  year: f.year,
  month: f.month,
  attack: f.attack,
  weapon: f.weapon,
  target: f.target,
  ...sums,
});
const yearRow = ({ facts: f, sums }: Change) => ({
  audience: f.audience,
  country: f.country,
  year: f.year,
  ...sums,
});

function kyselyRollups(trx: Executor): RollupSink {
  return {
    async audiences(rows) {
      await trx
        .insertInto('audiences')
        .values(rows as never)
        .onConflict((oc) => oc.column('key').doNothing())
        .execute();
    },
    async detail(changes) {
      for (const part of chunks([...changes].map(detailRow))) {
        await trx
          .insertInto('rollups')
          .values(part as never)
          .onConflict((oc) =>
            oc.columns([...DETAIL_KEY]).doUpdateSet((eb) => ({
              incidents: eb('rollups.incidents', '+', eb.ref('excluded.incidents')),
              killed: eb('rollups.killed', '+', eb.ref('excluded.killed')),
              wounded: eb('rollups.wounded', '+', eb.ref('excluded.wounded')),
              property: eb('rollups.property', '+', eb.ref('excluded.property')),
              cbrn: eb('rollups.cbrn', '+', eb.ref('excluded.cbrn')),
            })),
          )
          .execute();
      }
    },
    async yearly(changes) {
      for (const part of chunks([...changes].map(yearRow))) {
        await trx
          .insertInto('rollups_year')
          .values(part as never)
          .onConflict((oc) =>
            oc.columns([...YEAR_KEY]).doUpdateSet((eb) => ({
              incidents: eb('rollups_year.incidents', '+', eb.ref('excluded.incidents')),
              killed: eb('rollups_year.killed', '+', eb.ref('excluded.killed')),
              wounded: eb('rollups_year.wounded', '+', eb.ref('excluded.wounded')),
              property: eb('rollups_year.property', '+', eb.ref('excluded.property')),
              cbrn: eb('rollups_year.cbrn', '+', eb.ref('excluded.cbrn')),
            })),
          )
          .execute();
      }
    },
    async removeFacts(ids) {
      for (const part of chunks(ids))
        await trx.deleteFrom('incident_facts').where('id', 'in', part).execute();
    },
    async addFacts(rows) {
      for (const part of chunks(rows.map(({ id, facts }) => ({ id, ...facts }))))
        await trx.insertInto('incident_facts').values(part).execute();
    },
  };
}

const upsert = (table: string, key: readonly string[]) =>
  `insert into ${table} (${[...key, ...SUMS].join(', ')}) values (${[...key, ...SUMS].map(() => '?').join(', ')})
   on conflict (${key.join(', ')}) do update set ${SUMS.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')}`;

/** The statements of one SQLite connection, prepared once. */
const prepared = new WeakMap<SQLiteDatabase, RollupSink>();

/**
 * On SQLite, the new incidents a writer stores are counted together rather than one by one: their
 * facts wait in a staging table (`staged`), and settle into the facts, sorted, and into both
 * rollups, summed by SQLite, in three statements. One by one, each new incident cost two upserts
 * bound from JavaScript on the writer's thread, which an import keeps busy (gtd-import, 200,000
 * rows: 15,200 to 15,600 rows/s with them, 17,300 to 17,800 staged). They settle every
 * STAGED_LIMIT incidents, before the facts of an incident already stored are read (a later version
 * of one staged earlier finds its facts), and when the writer finishes, so that nothing reads the
 * rollups while incidents wait.
 */
const STAGED_LIMIT = 20_000;

/** Sums of the staged facts into `table`, grouped by `key`, added to the rows already there. */
const summed = (table: string, key: readonly string[]) =>
  `insert into ${table} (${[...key, ...SUMS].join(', ')})
   select ${key.join(', ')}, count(*), sum(killed), sum(wounded), sum(property), sum(cbrn)
   from temp.incident_facts_staged where true group by ${key.join(', ')}
   on conflict (${key.join(', ')}) do update set ${SUMS.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')}`;

const stagingOf = (sqlite: SQLiteDatabase): Staged =>
  staged(
    sqlite,
    'incident_facts_staged',
    FACT_COLUMNS,
    [
      `insert into incident_facts (${FACT_COLUMNS.join(', ')})
       select ${FACT_COLUMNS.join(', ')} from temp.incident_facts_staged order by id`,
      summed('rollups', DETAIL_KEY),
      summed('rollups_year', YEAR_KEY),
    ],
    STAGED_LIMIT,
  );

/**
 * Counts the new incidents a writer staged on this connection (see `stagingOf`); the writer calls
 * it when it finishes, before anything reads the rollups or the incidents' facts.
 */
export function settleIncidents(sqlite: SQLiteDatabase | undefined): void {
  if (sqlite) stagingOf(sqlite).settle();
}

function sqliteRollups(sqlite: SQLiteDatabase): RollupSink {
  const kept = prepared.get(sqlite);
  if (kept) return kept;
  const audience = sqlite.prepare(
    `insert into audiences (key, tlp, creator_org, recipient_orgs, recipient_users)
     values (@key, @tlp, @creator_org, @recipient_orgs, @recipient_users) on conflict (key) do nothing`,
  );
  const detail = sqlite.prepare(upsert('rollups', DETAIL_KEY));
  const yearly = sqlite.prepare(upsert('rollups_year', YEAR_KEY));
  const remove = sqlite.prepare('delete from incident_facts where id = ?');
  const add = sqlite.prepare(
    `insert into incident_facts (${FACT_COLUMNS.join(', ')}) values (${FACT_COLUMNS.map(() => '?').join(', ')})`,
  );
  const sink: RollupSink = {
    audiences: async (rows) => {
      for (const row of rows) audience.run(row);
    },
    detail: async (changes) => {
      for (const { facts: f, sums: s } of changes)
        detail.run(...detailKeyOf(f), s.incidents, s.killed, s.wounded, s.property, s.cbrn);
    },
    yearly: async (changes) => {
      for (const { facts: f, sums: s } of changes)
        yearly.run(f.audience, f.country, f.year, s.incidents, s.killed, s.wounded, s.property, s.cbrn);
    },
    removeFacts: async (ids) => {
      for (const id of ids) remove.run(id);
    },
    addFacts: async (rows) => {
      for (const { id, facts: f } of rows) add.run(...factValuesOf(id, f));
    },
  };
  prepared.set(sqlite, sink);
  return sink;
}

/**
 * Applies the change from the stored facts of `ids` to `after` (absent: the incident went). With
 * `staged`, the new incidents among them wait there to be counted together (see `stagingOf`).
 */
async function apply(
  trx: Executor,
  sink: RollupSink,
  ids: readonly string[],
  after: Map<string, Facts>,
  audiences: Audience[],
  fresh: ReadonlySet<string> = new Set(),
  staged?: Staged,
) {
  const stored = ids.filter((id) => !fresh.has(id));
  // A staged incident's facts are not in the facts table until they settle.
  if (staged && stored.length) staged.settle();
  const before = await factsBefore(trx, stored);
  const pairs = ids.map((id) => ({ before: before.get(id) ?? null, after: after.get(id) ?? null }));
  const changedIds = ids.filter((_, i) => !sameFacts(pairs[i]?.before ?? null, pairs[i]?.after ?? null));
  if (changedIds.length === 0) return;
  const seen = new Set<string>();
  const newAudiences = audiences.filter((a) => {
    const key = audienceKey(a);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (newAudiences.length)
    await sink.audiences(
      newAudiences.map((a) => ({
        key: audienceKey(a),
        tlp: a.tlp,
        creator_org: a.creatorOrg,
        recipient_orgs: JSON.stringify([...new Set(a.recipientOrgs)].sort()),
        recipient_users: JSON.stringify([...new Set(a.recipientUsers)].sort()),
      })),
    );
  // With staging, the new incidents wait to be counted together; the others are counted now.
  const waits = (id: string) => staged !== undefined && fresh.has(id);
  for (const id of changedIds) {
    const facts = after.get(id);
    if (facts && waits(id)) staged?.add(...factValuesOf(id, facts));
  }
  const counted = pairs.filter((_, i) => !waits(ids[i] as string));
  await sink.detail(changes(counted, detailKey).values());
  await sink.yearly(changes(counted, yearKey).values());
  // Facts are stored once per incident: those stored before are replaced.
  await sink.removeFacts(changedIds.filter((id) => !fresh.has(id)));
  await sink.addFacts(
    changedIds.flatMap((id) => {
      const facts = after.get(id);
      return facts && !waits(id) ? [{ id, facts }] : [];
    }),
  );
}

/** Counts these incidents as they now are. */
export async function keepIncidents(
  trx: Executor,
  written: readonly WrittenIncident[],
  /**
   * The SQLite connection `trx` runs on, if it does: the rows go through prepared statements, and
   * new incidents are staged, so `settleIncidents` must run before anything reads the rollups or
   * the facts, or the transaction commits (the STIX writer's `finish` does).
   */
  sqlite?: SQLiteDatabase,
): Promise<void> {
  if (written.length === 0) return;
  // Several versions of one incident in one batch: it counts as its last, and is new if its first was.
  const latest = new Map<string, WrittenIncident>();
  for (const w of written) latest.set(w.id, { ...w, isNew: latest.get(w.id)?.isNew ?? w.isNew });
  const incidents = [...latest.values()];
  const fresh = new Set(incidents.filter((i) => i.isNew).map((i) => i.id));
  const named = incidents.filter((i) => i.tlp !== 'clear' && i.tlp !== 'green').map((i) => i.id);
  const recipients = named.length ? await recipientsOf(trx, named) : new Map();
  const after = new Map<string, Facts>();
  const audiences: Audience[] = [];
  for (const incident of incidents) {
    const named = recipients.get(incident.id) ?? { orgs: [], users: [] };
    const audience: Audience = {
      tlp: incident.tlp,
      creatorOrg: incident.creatorOrg,
      recipientOrgs: named.orgs,
      recipientUsers: named.users,
    };
    if (incident.facts) {
      after.set(incident.id, { ...incident.facts, audience: audienceKey(audience) });
      audiences.push(audience);
    }
  }
  // New incidents that count for nothing (no date, no GTD record) change no rollup.
  const ids = incidents.map((i) => i.id).filter((id) => !fresh.has(id) || after.has(id));
  if (ids.length)
    await apply(
      trx,
      sqlite ? sqliteRollups(sqlite) : kyselyRollups(trx),
      ids,
      after,
      audiences,
      fresh,
      sqlite ? stagingOf(sqlite) : undefined,
    );
}

/** Takes these incidents out of the counts (they were removed). */
export async function forgetIncidents(trx: Executor, ids: readonly string[]): Promise<void> {
  if (ids.length) await apply(trx, kyselyRollups(trx), ids, new Map(), []);
}
