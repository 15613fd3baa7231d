import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  acceptsTaxii,
  decodeCursor,
  encodeCursor,
  isTaxiiContentType,
  parseObjectQuery,
  parseTimestamp,
  taxiiTimestamp,
} from './taxii.rules.ts';

/** TAXII's timestamps, media types, filters and cursors, as pure rules. */

/** Microseconds from 1970 to 2100. */
const instants = fc.integer({ min: 0, max: 4_102_444_800_000_000 });

describe('TAXII timestamps', () => {
  it('write microseconds and read them back exactly', () => {
    fc.assert(
      fc.property(instants, (micros) => {
        const text = taxiiTimestamp(micros);
        expect(text).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
        expect(parseTimestamp(text)).toBe(micros);
      }),
    );
  });

  it('keep order: a later instant is a later string', () => {
    fc.assert(
      fc.property(instants, instants, (a, b) => {
        fc.pre(a !== b);
        expect(taxiiTimestamp(a) < taxiiTimestamp(b)).toBe(a < b);
      }),
    );
  });

  it('read RFC 3339 UTC with 0 to 9 fraction digits, and nothing else', () => {
    expect(parseTimestamp('2026-11-28T03:26:10Z')).toBe(Date.UTC(2026, 10, 28, 3, 26, 10) * 1000);
    expect(parseTimestamp('2026-11-28T03:26:10.5Z')).toBe(Date.UTC(2026, 10, 28, 3, 26, 10) * 1000 + 500_000);
    expect(parseTimestamp('2026-11-28T03:26:10.123456789Z')).toBe(
      Date.UTC(2026, 10, 28, 3, 26, 10) * 1000 + 123_456,
    );
    for (const bad of ['2026-11-28', '2026-02-31T00:00:00Z', '2026-11-28T03:26:10+01:00', 'yesterday', ''])
      expect(parseTimestamp(bad), bad).toBeNull();
  });
});

describe('media types', () => {
  it('accept TAXII 2.1, TAXII without a version, and wildcards; refuse the rest', () => {
    for (const ok of [
      undefined,
      'application/taxii+json;version=2.1',
      'application/taxii+json',
      '*/*',
      'text/html, application/taxii+json; version=2.1',
    ])
      expect(acceptsTaxii(ok), String(ok)).toBe(true);
    for (const bad of ['application/json', 'application/taxii+json;version=2.0', 'text/html'])
      expect(acceptsTaxii(bad), bad).toBe(false);
    expect(isTaxiiContentType('application/taxii+json;version=2.1')).toBe(true);
    expect(isTaxiiContentType('application/json')).toBe(false);
    expect(isTaxiiContentType(undefined)).toBe(false);
  });
});

describe('the objects query', () => {
  it('defaults to the last version and a page of 100', () => {
    expect(parseObjectQuery({})).toEqual({
      addedAfter: null,
      limit: 100,
      ids: [],
      types: [],
      versions: { last: true, first: false, all: false, at: [] },
      specVersions: [],
      after: null,
    });
  });

  it('names the parameter of every malformed value', () => {
    const cases: [Record<string, string>, string][] = [
      [{ added_after: 'soon' }, 'added_after'],
      [{ limit: '0' }, 'limit'],
      [{ 'match[id]': 'x' }, 'match[id]'],
      [{ 'match[type]': 'Bad Type' }, 'match[type]'],
      [{ 'match[version]': 'newest' }, 'match[version]'],
      [{ 'match[spec_version]': 'two' }, 'match[spec_version]'],
      [{ next: 'abc' }, 'next'],
    ];
    for (const [params, field] of cases)
      expect(() => parseObjectQuery(params), field).toThrowError(
        expect.objectContaining({ details: expect.objectContaining({ field }) }),
      );
  });

  it('caps the limit at 1,000', () => {
    expect(parseObjectQuery({ limit: '99999' }).limit).toBe(1000);
  });

  it('gives back the position a cursor was made from', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (added) => {
        expect(decodeCursor(encodeCursor(added))).toBe(added);
      }),
    );
  });
});
