import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { audit } from '../identity/audit.service.ts';
import type { Actor } from '../identity/policy.rules.ts';
import { metaReader, readMeta, replaceRegistry, writeMeta } from './reference-data.repository.ts';
import { referenceRows } from './reference-data.rows.ts';
import type { LoadedReferenceData } from './reference-data.ts';

const DIGEST_KEY = 'reference_data_digest';
/**
 * Changes with every write to the registry tables, in the same transaction: caches of registry
 * answers (server/revision-cache.ts) compare it on every request.
 */
export const REGISTRY_REVISION_KEY = 'registry_revision';

/** Returns a reader of the registry's current revision ('' before the first load). */
export function registryRevision(db: Kysely<DB>): () => Promise<string> {
  const read = metaReader(db, REGISTRY_REVISION_KEY);
  return async () => (await read()) ?? '';
}

export interface SeedResult {
  /** False when the database already held this exact data and nothing was written. */
  changed: boolean;
  counts: Record<'states' | 'bodies' | 'summits' | 'documents' | 'people', number>;
}

/**
 * Loads the reference data in one transaction: all of it or, on any failure, none of it.
 * Idempotent: the same data twice leaves the same rows; unchanged data is skipped unless forced.
 */
export async function seedReferenceData(
  db: Kysely<DB>,
  loaded: LoadedReferenceData,
  options: { force?: boolean; actor?: Actor; now?: Date } = {},
): Promise<SeedResult> {
  const actor = options.actor ?? { kind: 'system', name: 'reference-data' };
  const now = options.now ?? new Date();
  const { data, digest } = loaded;
  const counts = {
    states: data.states.length,
    bodies: data.bodies.length,
    summits: data.summits.length,
    documents: data.documents.length,
    people: data.people.length,
  };
  const rows = referenceRows(data);
  const changed = await db.transaction().execute(async (trx) => {
    if (!options.force && (await readMeta(trx, DIGEST_KEY)) === digest) return false;
    await replaceRegistry(trx, rows);
    await writeMeta(trx, DIGEST_KEY, digest);
    await writeMeta(trx, REGISTRY_REVISION_KEY, `${digest}:${now.getTime()}`);
    await audit(
      trx,
      actor,
      { action: 'registry.load', subjectType: 'reference-data', subjectId: digest, state: counts },
      now,
    );
    return true;
  });
  return { changed, counts };
}
