import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { Value } from 'typebox/value';
import type { DB } from '../db/schema.ts';
import { Invalid } from '../errors.ts';
import { actorName, audit } from '../identity/audit.service.ts';
import type { Actor } from '../identity/policy.rules.ts';
import { readMeta, writeMeta } from '../registry/reference-data.repository.ts';
import * as repo from './measures.repository.ts';
import { periodFault } from './measures.rules.ts';
import { MeasureRecord } from './measures.schemas.ts';
import { statesOf } from './measures.service.ts';

/**
 * The reference measures of `data/measures.json`: read and checked whole (a fault names the record
 * and field, and nothing is loaded), then loaded in one audited transaction when the file changed.
 * Loaded rows are the reference's (`origin: reference`) and each load rewrites them; a measure
 * that users edited is theirs and is left as they made it, and measures users recorded are kept.
 */

/** The actor that loads `data/measures.json`. */
export const MEASURES_LOADER: Actor = { kind: 'system', name: 'measures-data' };
const FILE = 'data/measures.json';
const DIGEST_KEY = 'measures_data_digest';

const fault = (index: number, record: unknown, field: string, problem: string) => {
  const id = (record as { id?: unknown } | null)?.id;
  const label = typeof id === 'string' ? `${index} (${id})` : String(index);
  return new Invalid(FILE, `record ${label}, field ${field}: ${problem}`, {
    record: index,
    recordField: field,
  });
};

/** Checks every record against its schema, its period and duplicate ids. Pure. */
export function validateMeasures(raw: unknown): MeasureRecord[] {
  if (!Array.isArray(raw)) throw new Invalid(FILE, 'expected an array of records');
  const ids = new Set<string>();
  raw.forEach((record: unknown, index) => {
    const first = [...Value.Errors(MeasureRecord, record)][0];
    if (first) {
      const field = first.instancePath.replace(/^\//, '').replaceAll('/', '.') || '(record)';
      throw fault(index, record, field, first.message);
    }
    const entry = record as MeasureRecord;
    if (ids.has(entry.id)) throw fault(index, record, 'id', 'is listed twice');
    ids.add(entry.id);
    const period = periodFault(entry.start, entry.end);
    if (period) throw fault(index, record, period.field, period.problem);
  });
  return raw as MeasureRecord[];
}

/** Reads `measures.json` from a data folder; a folder without one has no reference measures. */
export function readMeasures(dataDir: string): MeasureRecord[] {
  let text: string;
  try {
    text = readFileSync(join(dataDir, 'measures.json'), 'utf8');
  } catch {
    return [];
  }
  try {
    return validateMeasures(JSON.parse(text));
  } catch (error) {
    if (error instanceof SyntaxError) throw new Invalid(FILE, `not valid JSON (${error.message})`);
    throw error;
  }
}

/**
 * Loads the reference measures: all or nothing, idempotent (unchanged data is skipped unless
 * forced). Participant states and bodies must be in the registry, which is loaded first.
 */
export async function loadMeasures(
  db: Kysely<DB>,
  data: readonly MeasureRecord[],
  options: { now?: Date; force?: boolean } = {},
): Promise<{ changed: boolean; measures: number }> {
  const now = options.now ?? new Date();
  const digest = createHash('sha256').update(JSON.stringify(data)).digest('hex');
  const changed = await db.transaction().execute(async (trx) => {
    if (!options.force && (await readMeta(trx, DIGEST_KEY)) === digest) return false;
    const participants = data.flatMap((m) => m.participants);
    const states = await repo.knownStates(
      trx,
      participants.filter((p) => p.kind === 'state').map((p) => p.id),
    );
    const bodies = await repo.knownBodies(
      trx,
      participants.filter((p) => p.kind === 'body').map((p) => p.id),
    );
    const origins = await repo.originsOf(
      trx,
      data.map((m) => m.id),
    );
    const at = now.toISOString();
    for (const [index, m] of data.entries()) {
      m.participants.forEach((p, i) => {
        const known = p.kind === 'state' ? states.has(p.id) : bodies.has(p.id);
        if (!known) throw fault(index, m, `participants.${i}`, `no ${p.kind} ${p.id} in the registry`);
      });
      const origin = origins.get(m.id);
      if (origin && origin !== 'reference') continue;
      const row = {
        kind: m.kind,
        categories: JSON.stringify(m.categories),
        name: JSON.stringify(m.name),
        name_en: m.name.en,
        start_date: m.start,
        end_date: m.end,
        places: JSON.stringify(m.places),
        participants: JSON.stringify(m.participants),
        objectives: JSON.stringify(m.objectives),
        outcomes: JSON.stringify(m.outcomes),
        sources: JSON.stringify(m.sources.map((s) => ({ citation: s.citation, url: s.url ?? null }))),
        confidence: m.confidence,
        unconfirmed: JSON.stringify(m.unconfirmed),
        notes: m.notes ?? null,
        updated_at: at,
      };
      if (origin) await repo.updateMeasure(trx, m.id, row);
      else {
        await repo.insertMeasure(trx, {
          id: m.id,
          ...row,
          origin: 'reference',
          created_at: at,
          created_by: actorName(MEASURES_LOADER),
        });
      }
      await repo.replaceStates(trx, m.id, statesOf(m));
    }
    await repo.retireReferenceExcept(
      trx,
      data.map((m) => m.id),
    );
    await writeMeta(trx, DIGEST_KEY, digest);
    await audit(
      trx,
      MEASURES_LOADER,
      {
        action: 'measures.load',
        subjectType: 'measures-data',
        subjectId: digest,
        state: { measures: data.length },
      },
      now,
    );
    return true;
  });
  return { changed, measures: data.length };
}
