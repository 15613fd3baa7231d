import type { Transaction } from 'kysely';
import { keepIncidents, settleIncidents, type WrittenIncident } from '../assessment/rollups.repository.ts';
import type { Database } from '../db/kysely.ts';
import type { DB } from '../db/schema.ts';
import { staged } from '../db/sqlite.ts';
import './intel.schema.ts';
import type { StixObject } from './stix.definitions.ts';
import { laterThan, micros, type Prepared, prepareObject, remarked, withTimestamps } from './stix.rules.ts';
import type { Tlp } from './tlp.rules.ts';

/**
 * Writes STIX objects into the store inside one transaction: every version kept under a unique,
 * strictly increasing `date_added`, the latest version indexed, its readers and references
 * recorded. One writer serves the API (one object) and the importers (hundreds of thousands):
 * on SQLite it binds prepared statements on the connection the transaction holds, on
 * PostgreSQL it sends multi-row inserts, a batch at a time.
 */

/** Who may read an object: its TLP level, creating organization and named recipients. */
export interface Access {
  tlp: Tlp;
  creatorOrg: string;
  creatorUser: string | null;
  recipientOrgs: readonly string[];
  recipientUsers: readonly string[];
}

/**
 * One object to write, and who may read it: as an object (the API, a TAXII post) or prepared
 * beforehand (an import prepares on another thread). `stamped` is true when the object brings
 * its own `created` and `modified` (a STIX import); false when the store stamps them (an edit, a
 * GTD row): then the same content again is no change.
 */
export type Incoming = { access: Access; stamped: boolean } & (
  | { object: StixObject; refs?: readonly string[] }
  | { prepared: Prepared }
);

export type Written =
  | { id: string; status: 'created' | 'versioned' | 'unchanged'; modified: string }
  | { id: string; status: 'rejected'; problem: string };

interface Latest {
  created: string;
  modified: string;
  digest: string;
  creatorOrg: string;
}

interface VersionRow {
  id: string;
  modified: string;
  added: number;
  body: string;
}
interface ObjectRow {
  id: string;
  type: string;
  tlp: string;
  creator_org: string;
  creator_user: string | null;
  created: string;
  modified: string;
  name: string | null;
  happened: string | null;
  place: string | null;
  search: string;
  digest: string;
  revoked: number;
}

/** Where the rows go: prepared statements on SQLite, multi-row inserts on PostgreSQL. */
interface Sink {
  latest(ids: string[]): Promise<Map<string, Latest>>;
  hasVersion(id: string, modified: string): Promise<boolean>;
  version(row: VersionRow): void;
  object(row: ObjectRow, isNew: boolean): void;
  recipients(id: string, access: Access): void;
  refs(id: string, targets: readonly string[], isNew: boolean): void;
  flush(): Promise<void>;
  /** Puts in place what waits to be written in order: new objects' references and incident facts. */
  settle(): void;
}

const LOOKUP_CHUNK = 500;
/**
 * References of new objects that wait to be written in key order: 20,000, about 2 MB. With
 * 50,000, a 200,000-row GTD import ran about 5 % faster, but a 1,000,000-row one peaked 20 MB
 * higher (478-482 MB against 457, under a budget of 512).
 */
const REFS_STAGED = 20_000;

const idOf = (entry: Incoming) => ('prepared' in entry ? entry.prepared.id : entry.object.id);

export class StixWriter {
  private last = 0;
  /** The clock as read: it is written back only if a version was added. */
  private initial = 0;
  private readonly known = new Map<string, Latest>();

  private constructor(
    private readonly trx: Transaction<DB>,
    private readonly sink: Sink,
    private readonly now: Date,
    private readonly sqlite?: Database['sqlite'],
  ) {}

  /**
   * A writer inside `trx`, which must be a transaction on `database.db`. It takes the store's
   * clock (and with it the lock that orders every writer's `date_added`) at once.
   */
  static async open(database: Database, trx: Transaction<DB>, now: Date): Promise<StixWriter> {
    const clock = await trx
      .updateTable('stix_clock')
      .set((eb) => ({ last_added: eb.ref('last_added') }))
      .where('id', '=', 1)
      .returning('last_added')
      .executeTakeFirstOrThrow();
    const sink = database.sqlite ? sqliteSink(database.sqlite) : kyselySink(trx);
    // Rows an earlier writer staged and did not settle (it committed without `finish`) belong to
    // objects already stored: they are put in place now rather than left waiting.
    sink.settle();
    const writer = new StixWriter(trx, sink, now, database.sqlite);
    writer.last = Math.max(Number(clock.last_added), micros(now) - 1);
    writer.initial = writer.last;
    return writer;
  }

  /** Writes a batch; each object's result in order. Rejections change nothing for that object. */
  async write(batch: readonly Incoming[]): Promise<Written[]> {
    const unknown = [...new Set(batch.map(idOf))].filter((id) => !this.known.has(id));
    if (unknown.length) {
      for (const [id, latest] of await this.sink.latest(unknown)) this.known.set(id, latest);
    }
    const nowIso = this.now.toISOString();
    const results: Written[] = [];
    /** Incidents whose latest version changed: the assessment's rollups count them anew. */
    const incidents: WrittenIncident[] = [];
    for (const entry of batch) {
      const { access, stamped } = entry;
      const p =
        'prepared' in entry
          ? entry.prepared.tlp === access.tlp
            ? entry.prepared
            : remarked(entry.prepared, access.tlp)
          : prepareObject(entry.object, access.tlp, entry.refs);
      const before = this.known.get(p.id);
      if (before && before.creatorOrg !== access.creatorOrg) {
        results.push({
          id: p.id,
          status: 'rejected',
          problem: `created by ${before.creatorOrg}: only that organization adds versions`,
        });
        continue;
      }
      let created = p.created;
      let modified = p.modified;
      if (!stamped) {
        if (before && before.digest === p.digest) {
          results.push({ id: p.id, status: 'unchanged', modified: before.modified });
          continue;
        }
        created = before?.created ?? p.created ?? nowIso;
        modified = before ? laterThan(before.modified, nowIso) : created;
      }
      created ??= nowIso;
      const at = modified ?? created;
      if (before && Date.parse(at) === Date.parse(before.modified)) {
        if (before.digest === p.digest) results.push({ id: p.id, status: 'unchanged', modified: at });
        else
          results.push({
            id: p.id,
            status: 'rejected',
            problem: `a different version with modified ${at} is already stored`,
          });
        continue;
      }
      if (before && Date.parse(at) < Date.parse(before.modified) && (await this.sink.hasVersion(p.id, at))) {
        // An older version stored already: the same id and modified name the same version.
        results.push({ id: p.id, status: 'unchanged', modified: at });
        continue;
      }
      this.last += 1;
      this.sink.version({
        id: p.id,
        modified: at,
        added: this.last,
        body: withTimestamps(p.contentJson, created, modified),
      });
      const isLatest = !before || Date.parse(at) > Date.parse(before.modified);
      if (isLatest) {
        this.sink.object(
          {
            id: p.id,
            type: p.type,
            tlp: access.tlp,
            creator_org: access.creatorOrg,
            creator_user: access.creatorUser,
            created,
            modified: at,
            name: p.name,
            happened: p.happened,
            place: p.place,
            search: p.search,
            digest: p.digest,
            revoked: p.revoked ? 1 : 0,
          },
          !before,
        );
        if (!before) this.sink.recipients(p.id, access);
        if (p.type === 'incident')
          incidents.push({
            id: p.id,
            facts: p.facts,
            tlp: access.tlp,
            creatorOrg: access.creatorOrg,
            isNew: !before,
          });
        this.sink.refs(p.id, p.refs, !before);
        this.known.set(p.id, { created, modified: at, digest: p.digest, creatorOrg: access.creatorOrg });
      }
      results.push({ id: p.id, status: before ? 'versioned' : 'created', modified: at });
    }
    await this.sink.flush();
    await keepIncidents(this.trx, incidents, this.sqlite);
    // What was learnt of stored objects is forgotten after each batch, so that memory stays
    // flat over an import of millions; the transaction sees its own writes if they come again.
    this.known.clear();
    return results;
  }

  /**
   * Puts in place the references and incident facts of new objects still staged (on SQLite) and
   * stores the clock; call once, after the last batch, before the transaction reads references,
   * facts or rollups, and before it commits.
   */
  async finish(): Promise<void> {
    await this.sink.flush();
    this.sink.settle();
    if (this.last === this.initial) return;
    await this.trx.updateTable('stix_clock').set({ last_added: this.last }).where('id', '=', 1).execute();
  }
}

function sqliteSink(sqlite: NonNullable<Database['sqlite']>): Sink {
  const lookup = sqlite.prepare(
    'select id, created, modified, digest, creator_org from stix_objects where id = ?',
  );
  const findVersion = sqlite.prepare('select 1 from stix_versions where id = ? and modified = ?');
  const insertVersion = sqlite.prepare(
    'insert into stix_versions (id, modified, added, body) values (?, ?, ?, ?)',
  );
  const insertObject = sqlite.prepare(
    `insert into stix_objects (id, type, tlp, creator_org, creator_user, created, modified, name, happened, place, search, digest, revoked)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const updateObject = sqlite.prepare(
    `update stix_objects set tlp = @tlp, modified = @modified, name = @name, happened = @happened, place = @place, search = @search,
     digest = @digest, revoked = @revoked where id = @id`,
  );
  const insertRecipient = sqlite.prepare(
    'insert or ignore into stix_recipients (object_id, kind, principal) values (?, ?, ?)',
  );
  const deleteRefs = sqlite.prepare('delete from stix_refs where source_id = ?');
  const insertRef = sqlite.prepare('insert or ignore into stix_refs (source_id, target_id) values (?, ?)');
  // A new object's references go in with the others of its import, in key order (see `staged`);
  // those of an object stored before settle first, since its references are replaced.
  const newRefs = staged(
    sqlite,
    'stix_refs_staged',
    ['source_id', 'target_id'],
    [
      `insert or ignore into stix_refs (source_id, target_id)
       select source_id, target_id from temp.stix_refs_staged order by source_id, target_id`,
    ],
    REFS_STAGED,
  );
  return {
    async latest(ids) {
      const found = new Map<string, Latest>();
      for (const id of ids) {
        const row = lookup.get(id) as
          | { created: string; modified: string; digest: string; creator_org: string }
          | undefined;
        if (row) found.set(id, { ...row, creatorOrg: row.creator_org });
      }
      return found;
    },
    hasVersion: async (id, modified) => findVersion.get(id, modified) !== undefined,
    version: (row) => insertVersion.run(row.id, row.modified, row.added, row.body),
    object: (row, isNew) =>
      isNew
        ? insertObject.run(
            row.id,
            row.type,
            row.tlp,
            row.creator_org,
            row.creator_user,
            row.created,
            row.modified,
            row.name,
            row.happened,
            row.place,
            row.search,
            row.digest,
            row.revoked,
          )
        : updateObject.run(row),
    recipients(id, access) {
      for (const org of access.recipientOrgs) insertRecipient.run(id, 'org', org);
      for (const user of access.recipientUsers) insertRecipient.run(id, 'user', user);
    },
    refs(id, targets, isNew) {
      if (isNew) {
        for (const target of targets) newRefs.add(id, target);
        return;
      }
      newRefs.settle();
      deleteRefs.run(id);
      for (const target of targets) insertRef.run(id, target);
    },
    flush: async () => {},
    settle() {
      newRefs.settle();
      settleIncidents(sqlite);
    },
  };
}

const INSERT_CHUNK = 500;

function kyselySink(trx: Transaction<DB>): Sink {
  let versions: VersionRow[] = [];
  let objects: ObjectRow[] = [];
  let recipients: { object_id: string; kind: 'org' | 'user'; principal: string }[] = [];
  /** Each source's references as last written in the batch, and whether stored ones go first. */
  let refs = new Map<string, { targets: readonly string[]; clear: boolean }>();
  const chunks = <T>(rows: T[]) =>
    Array.from({ length: Math.ceil(rows.length / INSERT_CHUNK) }, (_, i) =>
      rows.slice(i * INSERT_CHUNK, (i + 1) * INSERT_CHUNK),
    );
  return {
    async latest(ids) {
      const found = new Map<string, Latest>();
      for (let i = 0; i < ids.length; i += LOOKUP_CHUNK) {
        const rows = await trx
          .selectFrom('stix_objects')
          .select(['id', 'created', 'modified', 'digest', 'creator_org'])
          .where('id', 'in', ids.slice(i, i + LOOKUP_CHUNK))
          .execute();
        for (const row of rows) found.set(row.id, { ...row, creatorOrg: row.creator_org });
      }
      return found;
    },
    async hasVersion(id, modified) {
      const found = versions.some((v) => v.id === id && v.modified === modified);
      if (found) return true;
      const row = await trx
        .selectFrom('stix_versions')
        .select('id')
        .where('id', '=', id)
        .where('modified', '=', modified)
        .executeTakeFirst();
      return row !== undefined;
    },
    version: (row) => versions.push(row),
    object: (row) => objects.push(row),
    recipients(id, access) {
      for (const org of access.recipientOrgs) recipients.push({ object_id: id, kind: 'org', principal: org });
      for (const user of access.recipientUsers)
        recipients.push({ object_id: id, kind: 'user', principal: user });
    },
    refs(id, targets, isNew) {
      // Written twice in one batch: the last version's references, and the stored ones cleared
      // if the first was not new.
      refs.set(id, { targets, clear: refs.get(id)?.clear ?? !isNew });
    },
    // Each batch goes in whole at `flush`: nothing waits.
    settle: () => {},
    async flush() {
      for (const rows of chunks(versions)) await trx.insertInto('stix_versions').values(rows).execute();
      // An object written twice in one batch: its last row wins, as one upsert per statement must.
      const lastOf = [...new Map(objects.map((o) => [o.id, o])).values()];
      for (const rows of chunks(lastOf)) {
        await trx
          .insertInto('stix_objects')
          .values(rows)
          .onConflict((oc) =>
            oc.column('id').doUpdateSet((eb) => ({
              tlp: eb.ref('excluded.tlp'),
              modified: eb.ref('excluded.modified'),
              name: eb.ref('excluded.name'),
              happened: eb.ref('excluded.happened'),
              place: eb.ref('excluded.place'),
              search: eb.ref('excluded.search'),
              digest: eb.ref('excluded.digest'),
              revoked: eb.ref('excluded.revoked'),
            })),
          )
          .execute();
      }
      const cleared = [...refs].filter(([, { clear }]) => clear).map(([id]) => id);
      for (const ids of chunks(cleared))
        await trx.deleteFrom('stix_refs').where('source_id', 'in', ids).execute();
      for (const rows of chunks(recipients)) {
        await trx
          .insertInto('stix_recipients')
          .values(rows)
          .onConflict((oc) => oc.doNothing())
          .execute();
      }
      const refRows = [...refs].flatMap(([source_id, { targets }]) =>
        targets.map((target_id) => ({ source_id, target_id })),
      );
      for (const rows of chunks(refRows)) {
        await trx
          .insertInto('stix_refs')
          .values(rows)
          .onConflict((oc) => oc.doNothing())
          .execute();
      }
      versions = [];
      objects = [];
      recipients = [];
      refs = new Map();
    },
  };
}
