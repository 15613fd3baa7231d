import { hash } from 'node:crypto';
import { type IncidentFacts, incidentFactsOf } from '../assessment/rollups.rules.ts';
import { STIX_TYPES, type StixObject } from './stix.definitions.ts';
import { referencesOf } from './stix.validate.rules.ts';
import { type Tlp, withTlp } from './tlp.rules.ts';

/**
 * Pure rules of the STIX store: deterministic identifiers, the content digest that makes a
 * re-import with the same content no change, the fields lists and search read, and the
 * `date_added` clock in microseconds.
 */

/** Our namespace for deterministic identifiers (never the OASIS one, which is for SCOs only). */
const NAMESPACE = 'b2d1e6a4-3c5f-4e8a-9d7b-1f2a3c4d5e6f';

const NAMESPACE_BYTES = Buffer.from(NAMESPACE.replace(/-/g, ''), 'hex');

function uuidV5(name: string): string {
  const digest = hash('sha1', Buffer.concat([NAMESPACE_BYTES, Buffer.from(name, 'utf8')]), 'buffer');
  digest[6] = ((digest[6] as number) & 0x0f) | 0x50;
  digest[8] = ((digest[8] as number) & 0x3f) | 0x80;
  const hex = digest.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The same object from the same source always gets the same id: `incident` + `gtd:200105150001`. */
export function deterministicId(type: string, key: string): string {
  return `${type}--${uuidV5(`${type}:${key}`)}`;
}

/**
 * The digest of what an object says (its JSON without `created` and `modified`) under the
 * marking it is stored with: two versions with the same digest say the same thing.
 */
export function digestOf(contentJson: string, tlp: Tlp): string {
  // One call, not a hash object per object: an import digests hundreds of thousands.
  return hash('sha1', tlp + contentJson, 'base64url');
}

/** An object's JSON with its timestamps put in front of the rest of its properties. */
export function withTimestamps(contentJson: string, created: string, modified?: string): string {
  const stamps =
    modified === undefined
      ? `"created":${JSON.stringify(created)}`
      : `"created":${JSON.stringify(created)},"modified":${JSON.stringify(modified)}`;
  return contentJson === '{}' ? `{${stamps}}` : `{${stamps},${contentJson.slice(1)}`;
}

/** The fields lists and search read: the name, when it happened, and lower-case search text. */
export function indexOf(object: StixObject): {
  name: string | null;
  happened: string | null;
  place: string | null;
  search: string;
} {
  const definition = STIX_TYPES.get(object.type);
  const name = definition?.name(object) ?? null;
  const happened = definition?.when?.(object) ?? null;
  const place = definition?.where?.(object) ?? null;
  const parts = [name, object.description, ...(Array.isArray(object.aliases) ? object.aliases : [])];
  const search = parts
    .filter((p): p is string => typeof p === 'string' && p.length > 0)
    .join(' \u0001 ')
    .toLowerCase();
  return { name, happened, place, search };
}

/** Microseconds since 1970 of an instant. */
export const micros = (at: Date): number => at.getTime() * 1000;

/** A `modified` later than `previous`, at `now` if that is later, else one millisecond after. */
export function laterThan(previous: string, now: string): string {
  return Date.parse(now) > Date.parse(previous) ? now : new Date(Date.parse(previous) + 1).toISOString();
}

/**
 * An object as the store writes it, worked out from the object alone: its content (the JSON
 * without `created` and `modified`, carrying the marking of `tlp`), the digest of that content,
 * the fields lists and search read, what it references and, for an incident, what it counts for.
 * Plain data, so an import prepares its objects on another thread than the one that writes them.
 */
export interface Prepared {
  id: string;
  type: string;
  /** The object's own timestamps, when it brings them (a STIX import does; a GTD row does not). */
  created?: string;
  modified?: string;
  revoked: boolean;
  tlp: Tlp;
  contentJson: string;
  digest: string;
  name: string | null;
  happened: string | null;
  place: string | null;
  search: string;
  refs: readonly string[];
  facts: IncidentFacts | null;
}

export function prepareObject(object: StixObject, tlp: Tlp, refs?: readonly string[]): Prepared {
  const { created, modified, ...rest } = object;
  const content: Record<string, unknown> = {
    ...rest,
    object_marking_refs: withTlp(object.object_marking_refs as string[] | undefined, tlp),
  };
  const contentJson = JSON.stringify(content);
  return {
    id: object.id,
    type: object.type,
    ...(typeof created === 'string' ? { created } : {}),
    ...(typeof modified === 'string' ? { modified } : {}),
    revoked: object.revoked === true,
    tlp,
    contentJson,
    digest: digestOf(contentJson, tlp),
    ...indexOf(object),
    refs: refs ?? referencesOf(object),
    facts: object.type === 'incident' ? incidentFactsOf(object) : null,
  };
}

/** The object a prepared one was made from, with its content under another marking. */
export function remarked(prepared: Prepared, tlp: Tlp): Prepared {
  const object = JSON.parse(prepared.contentJson) as StixObject;
  if (prepared.created !== undefined) object.created = prepared.created;
  if (prepared.modified !== undefined) object.modified = prepared.modified;
  return prepareObject(object, tlp, prepared.refs);
}
