import { createHash } from 'node:crypto';
import { STIX_TYPES, type StixObject } from './stix.definitions.ts';
import type { Tlp } from './tlp.rules.ts';

/**
 * Pure rules of the STIX store: deterministic identifiers, the content digest that makes a
 * re-import with the same content no change, the fields lists and search read, and the
 * `date_added` clock in microseconds.
 */

/** Our namespace for deterministic identifiers (never the OASIS one, which is for SCOs only). */
const NAMESPACE = 'b2d1e6a4-3c5f-4e8a-9d7b-1f2a3c4d5e6f';

function uuidV5(name: string, namespace = NAMESPACE): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(ns).update(name, 'utf8').digest();
  hash[6] = ((hash[6] as number) & 0x0f) | 0x50;
  hash[8] = ((hash[8] as number) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
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
  return createHash('sha1').update(tlp).update(contentJson).digest('base64url');
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
