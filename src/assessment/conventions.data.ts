import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Kysely } from 'kysely';
import { Value } from 'typebox/value';
import * as treaty from '../council/treaty.repository.ts';
import type { DB } from '../db/schema.ts';
import { Invalid } from '../errors.ts';
import { actorName, audit } from '../identity/audit.service.ts';
import type { Actor } from '../identity/policy.rules.ts';
import { readMeta, writeMeta } from '../registry/reference-data.repository.ts';
import { isIsoDate } from '../registry/registry.rules.ts';
import * as repo from './conventions.repository.ts';
import { CONVENTION_INSTRUMENTS, isConventionInstrument } from './conventions.rules.ts';
import { LawRecord } from './conventions.schemas.ts';

/**
 * `data/implementing-laws.json`: national implementing laws confirmed by the project's reference
 * sources, each with its sources. Checked whole before anything is written, loaded in one audited
 * transaction; laws users recorded through the API are never touched by a reload.
 */

export const LAWS_LOADER: Actor = { kind: 'system', name: 'implementing-laws-data' };
const FILE = 'data/implementing-laws.json';
const DIGEST_KEY = 'implementing_laws_data_digest';

const fault = (index: number, field: string, problem: string) =>
  new Invalid(FILE, `record ${index}, field ${field}: ${problem}`, { record: index, recordField: field });

/** Checks every record against its schema, then ids, instruments and dates. Pure. */
export function validateLaws(raw: unknown): LawRecord[] {
  if (!Array.isArray(raw)) throw new Invalid(FILE, 'expected an array of records');
  const ids = new Set<string>();
  raw.forEach((record: unknown, index) => {
    const error = [...Value.Errors(LawRecord, record)][0];
    if (error) {
      const field = error.instancePath.replace(/^\//, '').replaceAll('/', '.') || '(record)';
      throw fault(index, field, error.message);
    }
    const law = record as LawRecord;
    if (ids.has(law.id)) throw fault(index, 'id', 'is listed twice');
    ids.add(law.id);
    if (!isConventionInstrument(law.instrument))
      throw fault(index, 'instrument', `must be one of ${CONVENTION_INSTRUMENTS.join(', ')}`);
    if (!isIsoDate(law.adopted)) throw fault(index, 'adopted', 'is not a calendar date');
  });
  return raw as LawRecord[];
}

/** Reads and validates the laws file; throws `Invalid` naming the record and field. */
export function readLaws(path: string): LawRecord[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new Invalid(FILE, 'file is missing or unreadable');
  }
  try {
    return validateLaws(JSON.parse(text));
  } catch (error) {
    if (error instanceof SyntaxError) throw new Invalid(FILE, `not valid JSON (${error.message})`);
    throw error;
  }
}

/**
 * Loads the laws, all or nothing, audited as the loader; skipped when the database already holds
 * this exact data (unless forced). Rows the loader wrote that the data no longer has are removed.
 */
export async function loadLaws(
  db: Kysely<DB>,
  laws: readonly LawRecord[],
  options: { now?: Date; force?: boolean } = {},
): Promise<{ changed: boolean; laws: number }> {
  const now = options.now ?? new Date();
  const digest = createHash('sha256').update(JSON.stringify(laws)).digest('hex');
  const loader = actorName(LAWS_LOADER);
  const changed = await db.transaction().execute(async (trx) => {
    if (!options.force && (await readMeta(trx, DIGEST_KEY)) === digest) return false;
    const states = await treaty.existingStates(trx, [...new Set(laws.map((l) => l.state))]);
    for (const [index, law] of laws.entries()) {
      if (!states.has(law.state)) throw fault(index, 'state', `no state ${law.state} in the registry`);
      await repo.upsertLaw(trx, {
        id: law.id,
        state_code: law.state,
        instrument_id: law.instrument,
        title: law.title,
        title_en: law.titleEn ?? null,
        adopted: law.adopted,
        url: law.url ?? null,
        note: law.note ?? null,
        sources: JSON.stringify(law.sources),
        recorded_by: loader,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      });
    }
    await repo.deleteLoadedLawsExcept(
      trx,
      loader,
      laws.map((l) => l.id),
    );
    await writeMeta(trx, DIGEST_KEY, digest);
    await audit(
      trx,
      LAWS_LOADER,
      {
        action: 'laws.load',
        subjectType: 'implementing-laws-data',
        subjectId: digest,
        state: { laws: laws.length },
      },
      now,
    );
    return true;
  });
  return { changed, laws: laws.length };
}
