import { type Kysely, type SelectQueryBuilder, sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';

type Executor = Kysely<DB> | Transaction<DB>;

export interface PageArgs {
  limit: number;
  offset: number;
}

/** States holding `status` (any status when absent) on `at`, with their whole history. */
export async function statesHolding(db: Executor, args: { status?: string; at: string } & PageArgs) {
  let holders = db
    .selectFrom('state_statuses')
    .select('state_code')
    .where('from_date', '<=', args.at)
    .where((eb) => eb.or([eb('to_date', 'is', null), eb('to_date', '>', args.at)]));
  if (args.status) holders = holders.where('status', '=', args.status);
  const base = db.selectFrom('states').where('code', 'in', holders);
  const rows = base.selectAll().orderBy('code').limit(args.limit).offset(args.offset);
  return { rows: await rows.execute(), total: await countRows(base) };
}

export async function allStates(db: Executor, args: PageArgs) {
  const base = db.selectFrom('states');
  const rows = base.selectAll().orderBy('code').limit(args.limit).offset(args.offset);
  return { rows: await rows.execute(), total: await countRows(base) };
}

export async function stateByCode(db: Executor, code: string) {
  return db.selectFrom('states').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function statusesOf(db: Executor, codes: string[]) {
  if (codes.length === 0) return [];
  return db
    .selectFrom('state_statuses')
    .selectAll()
    .where('state_code', 'in', codes)
    .orderBy('state_code')
    .orderBy('from_date')
    .execute();
}

/** Names of the given states, for presenting codes. */
export async function stateNames(db: Executor, codes: string[]) {
  if (codes.length === 0) return [];
  return db.selectFrom('states').select(['code', 'name']).where('code', 'in', codes).execute();
}

const summitColumns = [
  'summits.id',
  'series',
  'ordinal',
  'ordinal_sourced',
  'start_date',
  'end_date',
  'city',
  'host',
  'chair',
  'format',
  'summits.sources',
  'summits.confidence',
  'summits.notes',
  'summits.conflicts',
] as const;

function summitsWithNames(db: Executor) {
  return db
    .selectFrom('summits')
    .innerJoin('states as h', 'h.code', 'summits.host')
    .innerJoin('states as c', 'c.code', 'summits.chair')
    .select(summitColumns)
    .select(['h.name as host_name', 'c.name as chair_name'])
    .select((eb) =>
      eb
        .selectFrom('documents')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('documents.summit_id', '=', 'summits.id')
        .as('document_count'),
    );
}

export async function listSummits(
  db: Executor,
  args: { from?: string; to?: string; host?: string } & PageArgs,
) {
  let base = db.selectFrom('summits');
  if (args.from) base = base.where('start_date', '>=', args.from);
  if (args.to) base = base.where('start_date', '<=', args.to);
  if (args.host) base = base.where('host', '=', args.host);
  const total = await countRows(base);
  let rows = summitsWithNames(db).orderBy('start_date').limit(args.limit).offset(args.offset);
  if (args.from) rows = rows.where('start_date', '>=', args.from);
  if (args.to) rows = rows.where('start_date', '<=', args.to);
  if (args.host) rows = rows.where('host', '=', args.host);
  return { rows: await rows.execute(), total };
}

export async function summitById(db: Executor, id: string) {
  return summitsWithNames(db).where('summits.id', '=', id).executeTakeFirst();
}

const documentSummaryColumns = ['documents.id', 'title', 'kind', 'date', 'summit_id'] as const;

export async function documentsOfSummit(db: Executor, summitId: string) {
  return db
    .selectFrom('documents')
    .select(documentSummaryColumns)
    .where('summit_id', '=', summitId)
    .orderBy('date')
    .orderBy('id')
    .execute();
}

export async function documentsOfState(db: Executor, code: string) {
  return db
    .selectFrom('documents')
    .innerJoin('document_parties as p', 'p.document_id', 'documents.id')
    .select(documentSummaryColumns)
    .where('p.state_code', '=', code)
    .orderBy('date')
    .orderBy('documents.id')
    .execute();
}

export async function listDocuments(
  db: Executor,
  args: { q?: string; kind?: string; from?: string; to?: string; state?: string } & PageArgs,
) {
  let base = db.selectFrom('documents');
  if (args.kind) base = base.where('kind', '=', args.kind);
  if (args.from) base = base.where('date', '>=', args.from);
  // A reduced date ("2004") sorts before "2004-01-01"; compare its start with the bound.
  if (args.to) base = base.where('date', '<=', args.to);
  if (args.state) {
    const state = args.state;
    base = base.where('id', 'in', (eb) =>
      eb.selectFrom('document_parties').select('document_id').where('state_code', '=', state),
    );
  }
  if (args.q) {
    const folded = args.q;
    base = base.where('id', 'in', (eb) =>
      eb
        .selectFrom('search_entries')
        .select('subject_id')
        .where('subject_type', '=', 'document')
        .where(contains('haystack', folded)),
    );
  }
  const rows = base
    .select(documentSummaryColumns)
    .orderBy('date')
    .orderBy('id')
    .limit(args.limit)
    .offset(args.offset);
  return { rows: await rows.execute(), total: await countRows(base) };
}

export async function documentById(db: Executor, id: string) {
  return db
    .selectFrom('documents')
    .leftJoin('bodies', 'bodies.id', 'documents.body_id')
    .selectAll('documents')
    .select(['bodies.name as body_name'])
    .where('documents.id', '=', id)
    .executeTakeFirst();
}

export async function partiesOf(db: Executor, documentId: string) {
  return db
    .selectFrom('document_parties as p')
    .innerJoin('states', 'states.code', 'p.state_code')
    .select(['states.code', 'states.name'])
    .where('p.document_id', '=', documentId)
    .orderBy('states.code')
    .execute();
}

export async function listBodies(db: Executor, args: PageArgs) {
  const base = db.selectFrom('bodies');
  const rows = base.selectAll().orderBy('ordinal').limit(args.limit).offset(args.offset);
  return { rows: await rows.execute(), total: await countRows(base) };
}

export async function listPeople(db: Executor, args: { office?: string } & PageArgs) {
  let base = db.selectFrom('people').leftJoin('states', 'states.code', 'people.country');
  if (args.office) base = base.where('office', '=', args.office);
  const rows = base
    .selectAll('people')
    .select('states.name as country_name')
    .orderBy('office')
    .orderBy('ordinal')
    .limit(args.limit)
    .offset(args.offset);
  return { rows: await rows.execute(), total: await countRows(base) };
}

export async function listChronology(
  db: Executor,
  args: { from?: string; to?: string; kind?: string; state?: string } & PageArgs,
) {
  let base = db.selectFrom('chronology_events');
  if (args.from) base = base.where('date', '>=', args.from);
  if (args.to) base = base.where('date', '<=', args.to);
  if (args.kind) base = base.where('kind', '=', args.kind);
  if (args.state) {
    const state = args.state;
    base = base.where('id', 'in', (eb) =>
      eb.selectFrom('chronology_event_states').select('event_id').where('state_code', '=', state),
    );
  }
  const rows = base
    .select(['date', 'kind', 'subject_type', 'subject_id', 'title', 'states'])
    .orderBy('date')
    .orderBy('position')
    .orderBy('id')
    .limit(args.limit)
    .offset(args.offset);
  return { rows: await rows.execute(), total: await countRows(base) };
}

export async function search(db: Executor, args: { q: string } & PageArgs) {
  const base = db.selectFrom('search_entries').where(contains('haystack', args.q));
  const rows = base
    .select(['subject_type', 'subject_id', 'title'])
    .orderBy('rank')
    .orderBy('subject_type')
    .orderBy('subject_id')
    .limit(args.limit)
    .offset(args.offset);
  return { rows: await rows.execute(), total: await countRows(base) };
}

/** A LIKE condition matching `folded` anywhere, with LIKE's wildcards escaped (both dialects). */
function contains(column: 'haystack', folded: string) {
  const pattern = `%${folded.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<boolean>`${sql.ref(column)} like ${pattern} escape '\\'`;
}

// biome-ignore lint/suspicious/noExplicitAny: counts rows of any registry select
async function countRows(base: SelectQueryBuilder<DB, any, object>): Promise<number> {
  const row = await base.select(sql<number>`count(*)`.as('n')).executeTakeFirst();
  return Number(row?.n ?? 0);
}
