import { Invalid } from '../../errors.ts';

/**
 * Pure rules of TAXII 2.1 (OASIS, `cti-taxii2` spec): its timestamps (microseconds, UTC), the
 * media type a request must accept and send, the `match[...]` filters and `added_after`, the
 * page size, and the opaque `next` cursor. No I/O here; the service applies them to the store.
 */

export const TAXII_MEDIA_TYPE = 'application/taxii+json;version=2.1';
export const STIX_MEDIA_TYPE = 'application/stix+json;version=2.1';

/** Objects per page when the client names no `limit`, and the most a page holds. */
export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;

/** A `date_added` in microseconds since 1970 as TAXII writes it: `2026-11-28T03:26:10.123456Z`. */
export function taxiiTimestamp(micros: number | bigint | string): string {
  const value = BigInt(micros);
  const millis = value / 1000n;
  const rest = Number(value % 1000n);
  const iso = new Date(Number(millis)).toISOString(); // ...SS.mmmZ
  return `${iso.slice(0, -1)}${String(rest).padStart(3, '0')}Z`;
}

const TIMESTAMP = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?Z$/;

/**
 * Microseconds since 1970 of an RFC 3339 UTC timestamp, or null when it is not one. Digits past
 * the microsecond are dropped (our `date_added` values have none).
 */
export function parseTimestamp(text: string): number | null {
  const match = TIMESTAMP.exec(text);
  if (!match) return null;
  const seconds = Date.parse(`${match[1]}Z`);
  if (Number.isNaN(seconds)) return null;
  // Date.parse accepts 2026-02-31; a timestamp must name a real instant.
  if (new Date(seconds).toISOString().slice(0, 19) !== match[1]) return null;
  const fraction = (match[2] ?? '').padEnd(6, '0').slice(0, 6);
  return seconds * 1000 + Number(fraction);
}

/** Does an `Accept` header let us answer with the TAXII 2.1 media type? */
export function acceptsTaxii(accept: string | undefined): boolean {
  if (!accept?.trim()) return true;
  return accept.split(',').some((range) => {
    const [type = '', ...params] = range.split(';').map((p) => p.trim().toLowerCase());
    if (type === '*/*' || type === 'application/*') return true;
    if (type !== 'application/taxii+json') return false;
    const version = params.find((p) => p.startsWith('version='));
    return !version || version === 'version=2.1';
  });
}

/** Is a `Content-Type` the TAXII 2.1 media type (without a version it means the latest, 2.1)? */
export function isTaxiiContentType(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const [type = '', ...params] = contentType.split(';').map((p) => p.trim().toLowerCase());
  if (type !== 'application/taxii+json') return false;
  const version = params.find((p) => p.startsWith('version='));
  return !version || version === 'version=2.1';
}

/** Which versions of each object a request asks for (`match[version]`, ORed). */
export interface VersionMatch {
  last: boolean;
  first: boolean;
  all: boolean;
  /** Specific `modified` timestamps, in microseconds. */
  at: number[];
}

/** The filters of an objects or manifest request, checked. */
export interface ObjectQuery {
  /** Exclusive: only versions added strictly after this instant (µs). */
  addedAfter: number | null;
  limit: number;
  ids: string[];
  types: string[];
  versions: VersionMatch;
  /** `match[spec_version]`: our store holds 2.1 only, so a request without 2.1 matches nothing. */
  specVersions: string[];
  /** Position from a previous page's `next` (µs of the last version served). */
  after: number | null;
}

const list = (value: string | undefined): string[] =>
  value === undefined
    ? []
    : value
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean);

const ID = /^[a-z0-9][a-z0-9-]*--[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Reads the query parameters of an objects, manifest, object or versions request. */
export function parseObjectQuery(params: Readonly<Record<string, string | undefined>>): ObjectQuery {
  let addedAfter: number | null = null;
  if (params.added_after !== undefined) {
    addedAfter = parseTimestamp(params.added_after);
    if (addedAfter === null) throw new Invalid('added_after', 'must be an RFC 3339 UTC timestamp');
  }
  let limit = DEFAULT_LIMIT;
  if (params.limit !== undefined) {
    if (!/^\d+$/.test(params.limit) || Number(params.limit) < 1)
      throw new Invalid('limit', 'must be a positive integer');
    limit = Math.min(Number(params.limit), MAX_LIMIT);
  }
  const ids = list(params['match[id]']);
  for (const id of ids) if (!ID.test(id)) throw new Invalid('match[id]', `${id} is not a STIX identifier`);
  const types = list(params['match[type]']);
  for (const type of types)
    if (!/^[a-z0-9][a-z0-9-]{1,249}$/.test(type))
      throw new Invalid('match[type]', `${type} is not a STIX type name`);
  const versions: VersionMatch = { last: false, first: false, all: false, at: [] };
  const wanted = list(params['match[version]']);
  for (const v of wanted.length ? wanted : ['last']) {
    if (v === 'last' || v === 'first' || v === 'all') versions[v] = true;
    else {
      const at = parseTimestamp(v);
      if (at === null)
        throw new Invalid('match[version]', `${v} is not last, first, all or an RFC 3339 UTC timestamp`);
      versions.at.push(at);
    }
  }
  const specVersions = list(params['match[spec_version]']);
  for (const s of specVersions)
    if (!/^\d+\.\d+$/.test(s)) throw new Invalid('match[spec_version]', `${s} is not a version like 2.1`);
  const after = params.next === undefined ? null : decodeCursor(params.next);
  return { addedAfter, limit, ids, types, versions, specVersions, after };
}

/** The `next` of a page: opaque to the client, it is where the page ended. */
export function encodeCursor(lastAdded: number | bigint | string): string {
  return Buffer.from(`v1:${String(lastAdded)}`, 'utf8').toString('base64url');
}

export function decodeCursor(next: string): number {
  const text = Buffer.from(next, 'base64url').toString('utf8');
  const match = /^v1:(\d{1,20})$/.exec(text);
  if (!match) throw new Invalid('next', 'is not a value this server gave');
  return Number(match[1]);
}

/** The TAXII error message (spec 3.6.1): `http_status` is the status code as a string. */
export interface TaxiiError {
  title: string;
  description?: string;
  error_code?: string;
  http_status: string;
  details?: Record<string, unknown>;
}

export function taxiiError(
  status: number,
  title: string,
  description?: string,
  details?: Record<string, unknown>,
): TaxiiError {
  return {
    title,
    http_status: String(status),
    ...(description ? { description } : {}),
    ...(details && Object.keys(details).length ? { details } : {}),
  };
}
