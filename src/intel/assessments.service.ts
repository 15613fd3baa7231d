import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { Forbidden, Invalid, NotFound } from '../errors.ts';
import { actorName, audit } from '../identity/audit.service.ts';
import { type Actor, authorize } from '../identity/policy.rules.ts';
import { findDefinitionSet, readConventionDefinitions } from './classification.definitions.ts';
import { classify, disagreement, prefillFromGtd } from './classification.rules.ts';
import type { DefinitionSet, Finding } from './classification.types.ts';
import './intel.schema.ts';
import { GTD_EXTENSION } from './stix.definitions.ts';
import * as repo from './stix.repository.ts';

/**
 * Assessments of organizations and incidents under the Shanghai Convention. An analyst records a
 * finding per element with its evidence; the result is computed by the rules, never typed in.
 * Several analysts' assessments of one subject coexist, and their disagreement is shown.
 */

/** Subjects an assessment may be about: organizations and what they did. */
const SUBJECT_TYPES = ['threat-actor', 'intrusion-set', 'campaign', 'incident'];

const cache = new Map<string, DefinitionSet[]>();
/** The definition sets of `dataDir`, read once per process. */
export function definitionSets(dataDir: string): DefinitionSet[] {
  let sets = cache.get(dataDir);
  if (!sets) {
    sets = readConventionDefinitions(dataDir);
    cache.set(dataDir, sets);
  }
  return sets;
}

async function subjectOf(db: Kysely<DB>, actor: Actor, id: string) {
  const row = await repo.objectById(db, actor, id);
  if (!row) throw new NotFound('object', id);
  if (!SUBJECT_TYPES.includes(row.type)) {
    throw new Invalid('subjectId', `an assessment is about ${SUBJECT_TYPES.join(', ')}, not ${row.type}`);
  }
  return row;
}

export async function createAssessment(
  db: Kysely<DB>,
  actor: Actor,
  sets: readonly DefinitionSet[],
  input: { subjectId: string; set: string; version?: number | undefined; findings: Finding[] },
  now: Date,
) {
  if (!authorize(actor, 'create', 'assessment', {})) throw new Forbidden('only analysts record assessments');
  await subjectOf(db, actor, input.subjectId);
  const set = findDefinitionSet(sets, input.set, input.version);
  const findings = input.findings.map((f) => ({ ...f, derived: f.derived ?? null }));
  const result = classify(set, findings);
  const row = {
    id: randomUUID(),
    subject_id: input.subjectId,
    set_id: set.id,
    set_version: set.version,
    analyst: actorName(actor),
    organization_id: actor.kind === 'user' ? actor.organizationId : null,
    findings: JSON.stringify(findings),
    result: result.result,
    labels: JSON.stringify(result.labels),
    created_at: now.toISOString(),
  };
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('assessments').values(row).execute();
    await audit(
      trx,
      actor,
      { action: 'assessment.create', subjectType: 'assessment', subjectId: row.id, state: row },
      now,
    );
  });
  return {
    id: row.id,
    subjectId: row.subject_id,
    analyst: row.analyst,
    createdAt: row.created_at,
    findings,
    ...result,
  };
}

/**
 * The assessments of a subject the reader may see, each with its computed classification, and
 * per definition set the analysts' disagreement.
 */
export async function assessmentsOf(
  db: Kysely<DB>,
  actor: Actor,
  sets: readonly DefinitionSet[],
  subjectId: string,
) {
  if (!authorize(actor, 'read', 'assessment', {})) throw new NotFound('object', subjectId);
  await subjectOf(db, actor, subjectId);
  const rows = await db
    .selectFrom('assessments')
    .selectAll()
    .where('subject_id', '=', subjectId)
    .orderBy('created_at')
    .execute();
  const items = rows.map((row) => {
    const set = findDefinitionSet(sets, row.set_id, row.set_version);
    const findings = JSON.parse(row.findings) as Finding[];
    return {
      id: row.id,
      subjectId: row.subject_id,
      analyst: row.analyst,
      createdAt: row.created_at,
      findings,
      ...classify(set, findings),
    };
  });
  const bySet = new Map<string, typeof items>();
  for (const item of items) {
    const key = `${item.set} v${item.version}`;
    bySet.set(key, [...(bySet.get(key) ?? []), item]);
  }
  const disagreements = [...bySet.values()]
    .filter((group) => new Set(group.map((g) => g.analyst)).size > 1)
    .map((group) => {
      const latest = new Map(group.map((g) => [g.analyst, g]));
      const first = group[0] as (typeof group)[number];
      return disagreement(
        findDefinitionSet(sets, first.set, first.version),
        [...latest.values()].map((g) => ({
          analyst: g.analyst,
          subject: g.subjectId,
          set: g.set,
          version: g.version,
          findings: g.findings,
        })),
      );
    });
  return { items, disagreements };
}

/** Findings prefilled from an incident's GTD criteria: analyst aids, marked as derived. */
export async function gtdPrefill(db: Kysely<DB>, actor: Actor, incidentId: string) {
  const row = await subjectOf(db, actor, incidentId);
  const object = JSON.parse(row.body) as { extensions?: Record<string, Record<string, unknown>> };
  const gtd = object.extensions?.[GTD_EXTENSION];
  if (!gtd) throw new Invalid('subjectId', 'the incident carries no GTD record');
  const code = (v: unknown) => (typeof v === 'number' ? v : v === true ? 1 : v === false ? 0 : null);
  return prefillFromGtd({
    crit1: code(gtd.crit1),
    crit2: code(gtd.crit2),
    crit3: code(gtd.crit3),
    doubtterr: code(gtd.doubtterr),
    alternative: typeof gtd.alternative === 'number' ? gtd.alternative : null,
    ...(typeof gtd.event_id === 'string' ? { eventid: gtd.event_id } : {}),
  });
}
