import type { Database } from '../../db/kysely.ts';
import { RATS_EC_ID } from '../../identity/organizations.service.ts';
import { type Actor, organizationReader } from '../../identity/policy.rules.ts';
import { endpointsDue, type PullTarget, recordPull } from '../partners/partners.service.ts';
import {
  type Candidate,
  candidateOf,
  ImportRejected,
  type ImportReport,
  importCandidates,
} from '../stix.import.ts';
import * as stixRepo from '../stix.repository.ts';
import type { Tlp } from '../tlp.rules.ts';
import { TaxiiClient, TaxiiRemoteError } from './taxii.client.ts';
import * as repo from './taxii.repository.ts';

/**
 * Exchange with other TAXII servers. A pull pages through a collection from where the last pull
 * ended and lands each page through the same import as files (validation, markings, one
 * transaction per page, idempotent), then records where it ended: a pull killed half-way resumes
 * at the last page that landed, and a page landed twice changes nothing. A push sends what the
 * receiving organization may read, in envelopes within the server's size limit.
 */

export interface PullOptions {
  /** The organization the objects come from (a partner center); it becomes their creator. */
  organization: string;
  /** The marking given to what comes without a stricter one of its own. */
  tlp: Tlp;
  partial?: boolean;
  /** Objects per page asked for (the server may send fewer). */
  limit?: number;
  onPage?: (progress: { pages: number; objects: number }) => void;
  /**
   * Where the pull resumes and how the end of each landed page is kept: by default in
   * `taxii_cursors` under the API root and collection; a partner's endpoint keeps its own.
   */
  cursor?: { load(): Promise<string | null>; save(addedLast: string): Promise<void> };
}

export interface PullReport extends Omit<ImportReport, 'rejections' | 'landed'> {
  pages: number;
  rejections: ImportReport['rejections'];
  /** Where the next pull resumes (`X-TAXII-Date-Added-Last` of the last page landed). */
  cursor: string | null;
  /** Set when a page was refused (all-or-nothing): the pull stopped before it. */
  stoppedAt: string | null;
}

/** The key under which a pull from this collection of this server keeps its cursor. */
export const sourceKey = (apiRoot: string, collection: string) =>
  `${apiRoot.endsWith('/') ? apiRoot : `${apiRoot}/`} ${collection}`;

export async function pull(
  database: Database,
  actor: Actor,
  client: TaxiiClient,
  apiRoot: string,
  collection: string,
  options: PullOptions,
  now: () => Date,
): Promise<PullReport> {
  const source = sourceKey(apiRoot, collection);
  const kept = options.cursor ?? {
    load: () => repo.cursorOf(database.db, source),
    save: (addedLast: string) => repo.saveCursor(database.db, source, addedLast, now().toISOString()),
  };
  let cursor = await kept.load();
  const report: PullReport = {
    read: 0,
    created: 0,
    versioned: 0,
    unchanged: 0,
    rejected: 0,
    rejections: [],
    pages: 0,
    cursor,
    stoppedAt: null,
  };
  // What comes from a partner is for it and for the RATS Executive Committee, which exchanges with it.
  const recipientOrgs = options.organization === RATS_EC_ID ? [] : [RATS_EC_ID];
  let next: string | null = null;
  for (;;) {
    const page = await client.page(collection, { addedAfter: cursor, next, limit: options.limit ?? 1000 });
    if (page.objects.length === 0) break;
    const at = `page ${report.pages + 1}`;
    const candidates = page.objects
      .map((value, i) => candidateOf(value, `${at} objects[${i}]`))
      .filter((c) => c !== null) as Candidate[];
    const landed = await importCandidates(
      database,
      actor,
      (async function* () {
        yield candidates;
      })(),
      {
        tlp: options.tlp,
        organization: options.organization,
        recipientOrgs,
        partial: Boolean(options.partial),
      },
      now(),
    ).catch((error: unknown) => {
      if (error instanceof ImportRejected) return error.report;
      throw error;
    });
    report.read += landed.read;
    report.rejected += landed.rejected;
    report.rejections.push(...landed.rejections.slice(0, 1000 - report.rejections.length));
    if (!landed.landed) {
      report.stoppedAt = at;
      break;
    }
    report.created += landed.created;
    report.versioned += landed.versioned;
    report.unchanged += landed.unchanged;
    report.pages += 1;
    options.onPage?.({ pages: report.pages, objects: report.read });
    if (page.addedLast) {
      cursor = page.addedLast;
      await kept.save(cursor);
      report.cursor = cursor;
    }
    if (!page.more) break;
    // With no `next`, resume after the page's last date_added; a server that sends neither
    // cannot be paged safely, so the pull stops rather than loop.
    next = page.next;
    if (!next && !page.addedLast) break;
  }
  return report;
}

export interface PushOptions {
  /** Send only what this organization may read (the receiving partner center). */
  forOrganization: string | null;
  filter: stixRepo.ObjectFilter;
  /** Objects per envelope. */
  batch?: number;
}

export interface PushReport {
  sent: number;
  succeeded: number;
  failed: number;
  failures: { id: string; message?: string }[];
}

/**
 * Sends the latest version of what the receiver may read: with an organization named, what that
 * organization may read; otherwise only TLP:CLEAR and TLP:GREEN, which any partner may read.
 */
export async function push(
  database: Database,
  client: TaxiiClient,
  collection: string,
  options: PushOptions,
): Promise<PushReport> {
  const info = await client.apiRoot();
  const limit = Math.max(1024, Number(info.max_content_length) || 10 * 1024 * 1024);
  // Without a receiving organization, what any partner may read: TLP:CLEAR and TLP:GREEN.
  const actor: Actor = options.forOrganization
    ? organizationReader(options.forOrganization)
    : { kind: 'system', name: 'taxii-push' };
  const filter: stixRepo.ObjectFilter = options.forOrganization
    ? options.filter
    : { ...options.filter, tlps: ['clear', 'green'] };
  const report: PushReport = { sent: 0, succeeded: 0, failed: 0, failures: [] };
  let envelope: string[] = [];
  let size = 0;
  const send = async () => {
    if (envelope.length === 0) return;
    let status = await client.post(
      collection,
      envelope.map((b) => JSON.parse(b)),
    );
    for (let wait = 0; status.status === 'pending' && wait < 60; wait += 1) {
      await new Promise((r) => setTimeout(r, 1000));
      status = await client.status(status.id);
    }
    report.sent += envelope.length;
    report.succeeded += status.success_count;
    report.failed += status.failure_count;
    for (const f of status.failures ?? [])
      if (report.failures.length < 1000)
        report.failures.push({ id: f.id, ...(f.message ? { message: f.message } : {}) });
    envelope = [];
    size = 0;
  };
  for await (const body of stixRepo.latestBodies(database.db, actor, filter)) {
    if (size + body.length + 64 > limit || envelope.length >= (options.batch ?? 500)) await send();
    if (body.length + 64 > limit)
      throw new TaxiiRemoteError(413, collection, 'one object is larger than max_content_length');
    envelope.push(body);
    size += body.length + 1;
  }
  await send();
  return report;
}

/**
 * Pulls every partner endpoint whose schedule is due, each from where its last pull ended, and
 * records how it went on the endpoint. One failing partner does not stop the others.
 */
export async function pullDuePartners(
  database: Database,
  now: () => Date,
  fetcher: typeof fetch = fetch,
): Promise<{ endpoint: string; ok: boolean; message: string }[]> {
  const outcomes: { endpoint: string; ok: boolean; message: string }[] = [];
  for (const target of await endpointsDue(database.db, now())) {
    outcomes.push(await pullPartner(database, target, now, fetcher));
  }
  return outcomes;
}

/** Pulls one partner endpoint now and records the outcome on it. */
export async function pullPartner(
  database: Database,
  target: PullTarget,
  now: () => Date,
  fetcher: typeof fetch = fetch,
): Promise<{ endpoint: string; ok: boolean; message: string }> {
  const client = new TaxiiClient(target.apiRoot, target.auth, fetcher);
  let cursor = target.cursor;
  let landed = 0;
  try {
    const report = await pull(
      database,
      SCHEDULER,
      client,
      target.apiRoot,
      target.collectionId,
      {
        organization: target.organizationId,
        tlp: target.tlp,
        onPage: (p) => {
          landed = p.objects;
        },
        cursor: {
          load: async () => cursor,
          save: async (addedLast) => {
            cursor = addedLast;
            await recordPull(database.db, target.id, {
              at: now(),
              ok: true,
              message: `pulling: ${landed} objects so far`,
              count: landed,
              cursor: addedLast,
            });
          },
        },
      },
      now,
    );
    const ok = report.stoppedAt === null;
    const message = ok
      ? `${report.read} objects: ${report.created} created, ${report.versioned} new versions, ${report.unchanged} unchanged`
      : `stopped at ${report.stoppedAt}: ${report.rejected} objects rejected, first: ${report.rejections[0]?.at} ${report.rejections[0]?.field}: ${report.rejections[0]?.problem}`;
    await recordPull(database.db, target.id, { at: now(), ok, message, count: report.read, cursor });
    return { endpoint: target.id, ok, message };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await recordPull(database.db, target.id, { at: now(), ok: false, message, count: landed, cursor });
    return { endpoint: target.id, ok: false, message };
  }
}

const SCHEDULER: Actor = { kind: 'system', name: 'taxii-scheduler' };
