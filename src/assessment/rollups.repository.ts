import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { GTD_EXTENSION } from '../intel/stix.definitions.ts';
import {
  type Audience,
  audienceKey,
  categoryOf,
  changes,
  detailKey,
  type Facts,
  factsOf,
  sameFacts,
  yearKey,
} from './rollups.rules.ts';
import './rollups.schema.ts';

type Executor = Kysely<DB> | Transaction<DB>;

/**
 * Keeps the incident rollups current. The STIX store calls it inside the transaction of every
 * write, with each incident whose latest version or marking changed (or that went): the old
 * facts are taken away from the sums and the new ones added, so the rollups always equal what a
 * recomputation from the incidents would give.
 */

const CHUNK = 500;

/** An incident as just written: its latest version and who may read it. */
export interface WrittenIncident {
  id: string;
  object: Record<string, unknown>;
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

/** Applies the change from the stored facts of `ids` to `after` (absent: the incident went). */
async function apply(
  trx: Executor,
  ids: readonly string[],
  after: Map<string, Facts>,
  audiences: Audience[],
  fresh: ReadonlySet<string> = new Set(),
) {
  const before = await factsBefore(
    trx,
    ids.filter((id) => !fresh.has(id)),
  );
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
    await trx
      .insertInto('audiences')
      .values(
        newAudiences.map((a) => ({
          key: audienceKey(a),
          tlp: a.tlp,
          creator_org: a.creatorOrg,
          recipient_orgs: JSON.stringify([...new Set(a.recipientOrgs)].sort()),
          recipient_users: JSON.stringify([...new Set(a.recipientUsers)].sort()),
        })),
      )
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
  const detail = [...changes(pairs, detailKey).values()];
  for (const part of chunks(detail)) {
    await trx
      .insertInto('rollups')
      .values(
        part.map(({ facts: f, sums }) => ({
          audience: f.audience,
          category: f.category,
          country: f.country,
          year: f.year,
          month: f.month,
          attack: f.attack,
          weapon: f.weapon,
          target: f.target,
          ...sums,
        })),
      )
      .onConflict((oc) =>
        oc
          .columns(['audience', 'category', 'country', 'year', 'month', 'attack', 'weapon', 'target'])
          .doUpdateSet((eb) => ({
            incidents: eb('rollups.incidents', '+', eb.ref('excluded.incidents')),
            killed: eb('rollups.killed', '+', eb.ref('excluded.killed')),
            wounded: eb('rollups.wounded', '+', eb.ref('excluded.wounded')),
            property: eb('rollups.property', '+', eb.ref('excluded.property')),
            cbrn: eb('rollups.cbrn', '+', eb.ref('excluded.cbrn')),
          })),
      )
      .execute();
  }
  const yearly = [...changes(pairs, yearKey).values()];
  for (const part of chunks(yearly)) {
    await trx
      .insertInto('rollups_year')
      .values(
        part.map(({ facts: f, sums }) => ({
          audience: f.audience,
          country: f.country,
          year: f.year,
          ...sums,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['audience', 'country', 'year']).doUpdateSet((eb) => ({
          incidents: eb('rollups_year.incidents', '+', eb.ref('excluded.incidents')),
          killed: eb('rollups_year.killed', '+', eb.ref('excluded.killed')),
          wounded: eb('rollups_year.wounded', '+', eb.ref('excluded.wounded')),
          property: eb('rollups_year.property', '+', eb.ref('excluded.property')),
          cbrn: eb('rollups_year.cbrn', '+', eb.ref('excluded.cbrn')),
        })),
      )
      .execute();
  }
  for (const part of chunks(changedIds))
    await trx.deleteFrom('incident_facts').where('id', 'in', part).execute();
  const rows = changedIds.flatMap((id) => {
    const f = after.get(id);
    return f ? [{ id, ...f }] : [];
  });
  for (const part of chunks(rows)) await trx.insertInto('incident_facts').values(part).execute();
}

/** Counts these incidents as they now are. */
export async function keepIncidents(trx: Executor, written: readonly WrittenIncident[]): Promise<void> {
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
    const extensions = incident.object.extensions as Record<string, Record<string, unknown>> | undefined;
    const facts = factsOf(
      extensions?.[GTD_EXTENSION],
      audienceKey(audience),
      categoryOf(incident.object.x_sco_category),
    );
    if (facts) {
      after.set(incident.id, facts);
      audiences.push(audience);
    }
  }
  // New incidents that count for nothing (no date, no GTD record) change no rollup.
  const ids = incidents.map((i) => i.id).filter((id) => !fresh.has(id) || after.has(id));
  if (ids.length) await apply(trx, ids, after, audiences, fresh);
}

/** Takes these incidents out of the counts (they were removed). */
export async function forgetIncidents(trx: Executor, ids: readonly string[]): Promise<void> {
  if (ids.length) await apply(trx, ids, new Map(), []);
}
