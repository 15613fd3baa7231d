import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Actor } from '../identity/policy.rules.ts';
import { GTD_EXTENSION } from './stix.definitions.ts';
import * as repo from './stix.repository.ts';
import { type Tlp, tlpMarkingDefinition, tlpOfObject } from './tlp.rules.ts';

/**
 * Exports of what a reader may see: a STIX 2.1 bundle (the latest version of each object, then
 * the TLP marking definitions they carry) and a CSV of incidents. Both stream, a page of objects
 * at a time, so an export of the whole knowledge base holds one page in memory.
 */

/** The bundle as text chunks. */
export async function* exportBundle(
  db: Kysely<DB>,
  actor: Actor,
  filter: repo.ObjectFilter,
): AsyncGenerator<string> {
  yield `{"type":"bundle","id":"bundle--${randomUUID()}","objects":[`;
  const levels = new Set<Tlp>();
  let first = true;
  for await (const body of repo.latestBodies(db, actor, filter)) {
    const level = tlpOfObject((JSON.parse(body) as { object_marking_refs?: string[] }).object_marking_refs);
    if (level) levels.add(level);
    yield first ? body : `,${body}`;
    first = false;
  }
  for (const level of levels) {
    yield `${first ? '' : ','}${JSON.stringify(tlpMarkingDefinition(level))}`;
    first = false;
  }
  yield ']}\n';
}

const CSV_COLUMNS = [
  'id',
  'name',
  'date',
  'date_precision',
  'country',
  'region',
  'city',
  'latitude',
  'longitude',
  'attack_types',
  'target_types',
  'weapon_types',
  'perpetrators',
  'killed',
  'wounded',
  'success',
  'suicide',
  'tlp',
] as const;

/** One CSV field, quoted when it holds a comma, a quote or a line break. */
const field = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  const text = Array.isArray(value) ? value.join('; ') : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** Incidents as CSV (RFC 4180), one row per incident the reader may see. */
export async function* exportIncidentsCsv(
  db: Kysely<DB>,
  actor: Actor,
  filter: repo.ObjectFilter,
): AsyncGenerator<string> {
  yield `${CSV_COLUMNS.join(',')}\r\n`;
  for await (const body of repo.latestBodies(db, actor, { ...filter, types: ['incident'] })) {
    const o = JSON.parse(body) as Record<string, unknown>;
    const gtd = ((o.extensions as Record<string, Record<string, unknown>> | undefined)?.[GTD_EXTENSION] ??
      {}) as Record<string, unknown>;
    const row = [
      o.id,
      o.name,
      gtd.date_start,
      gtd.date_precision,
      gtd.country,
      gtd.region,
      gtd.city,
      gtd.latitude,
      gtd.longitude,
      gtd.attack_types,
      gtd.target_types,
      gtd.weapon_types,
      gtd.perpetrator_names,
      gtd.killed,
      gtd.wounded,
      gtd.success,
      gtd.suicide,
      tlpOfObject(o.object_marking_refs as string[] | undefined),
    ];
    yield `${row.map(field).join(',')}\r\n`;
  }
}
