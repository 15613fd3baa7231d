import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * A per-instance cache of whole JSON responses for public data that changes rarely (the
 * registry), keyed by URL and by a revision kept in the database. Every write to the cached data
 * changes the revision in the same transaction; the cache reads the revision again whenever the
 * last reading is older than `maxStalenessMs`, so an answer lags a write made by another process
 * or instance by at most that long, and a second instance needs nothing from this one.
 * It also gives each response a strong ETag and answers If-None-Match with 304.
 */
export interface RevisionCacheOptions {
  /** Reads the current revision of the cached data (one indexed row). */
  revision: () => Promise<string>;
  /** How old a reading of the revision may be before it is read again; 0 reads it every request. */
  maxStalenessMs: number;
  /** Most entries kept; the oldest is dropped first. */
  maxEntries?: number;
}

interface Entry {
  revision: string;
  etag: string;
  /** The same, encoded once: sending bytes skips encoding 10 KB on every request. */
  bytes: Buffer;
}

declare module 'fastify' {
  interface FastifyRequest {
    cacheRevision?: string;
  }
}

export function revisionCache(app: FastifyInstance, options: RevisionCacheOptions): void {
  const entries = new Map<string, Entry>();
  const max = options.maxEntries ?? 1000;
  let known: { revision: string; readAt: number } | undefined;
  const currentRevision = async () => {
    const now = performance.now();
    if (known && now - known.readAt < options.maxStalenessMs) return known.revision;
    known = { revision: await options.revision(), readAt: now };
    return known.revision;
  };

  const answer = (request: FastifyRequest, reply: FastifyReply, entry: Entry) => {
    reply.header('etag', entry.etag).header('cache-control', 'no-cache');
    if (request.headers['if-none-match'] === entry.etag) return reply.code(304).send();
    return reply.type('application/json; charset=utf-8').send(entry.bytes);
  };

  /** Answers from the cache when it can (and says so); a hook that answered must not go on. */
  const answered = (request: FastifyRequest, reply: FastifyReply, revision: string): boolean => {
    request.cacheRevision = revision;
    const entry = entries.get(request.url);
    if (!entry || entry.revision !== revision) return false;
    answer(request, reply, entry);
    return true;
  };
  // A callback hook, not an async one: a fresh revision and a cached entry answer at once,
  // without a promise per request.
  app.addHook('onRequest', (request, reply, done) => {
    if (request.method !== 'GET') return done();
    if (known && performance.now() - known.readAt < options.maxStalenessMs) {
      if (!answered(request, reply, known.revision)) done();
      return;
    }
    currentRevision().then(
      (revision) => {
        if (!answered(request, reply, revision)) done();
      },
      (error: Error) => done(error),
    );
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const revision = request.cacheRevision;
    if (revision === undefined || reply.statusCode !== 200 || typeof payload !== 'string') return payload;
    const etag = `"${createHash('sha1').update(revision).update(payload).digest('base64url')}"`;
    if (entries.size >= max) entries.delete(entries.keys().next().value as string);
    entries.set(request.url, { revision, etag, bytes: Buffer.from(payload) });
    reply.header('etag', etag).header('cache-control', 'no-cache');
    if (request.headers['if-none-match'] === etag) {
      reply.code(304);
      return '';
    }
    return payload;
  });
}
