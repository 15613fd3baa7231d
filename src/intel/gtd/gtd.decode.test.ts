import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeUtf8, decodeWindows1252 } from './gtd.decode.ts';

/** Long texts, so that block boundaries fall everywhere: mostly ASCII, with runs of other letters. */
const text = (others: string[]) =>
  fc
    .array(
      fc.oneof(
        { weight: 20, arbitrary: fc.constantFrom('a', ',', '\n', ' ', '1') },
        fc.constantFrom(...others),
      ),
      {
        minLength: 0,
        maxLength: 12_000,
      },
    )
    .map((chars) => chars.join(''));

describe('decoding', () => {
  it('gives the same text as decoding UTF-8 whole', () => {
    fc.assert(
      fc.property(text(['é', 'ü', 'Ö', '中', '🙂', 'ё']), (s) => {
        expect(decodeUtf8(Buffer.from(s, 'utf8'))).toBe(s);
      }),
      { numRuns: 60 },
    );
  });

  it('reads Windows-1252: Latin-1, with printable characters at 0x80–0x9F', () => {
    // Code points of 0x80–0x9F in the WHATWG index for windows-1252 (undefined bytes stay C1).
    const high = [
      0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d,
      0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a,
      0x153, 0x9d, 0x17e, 0x178,
    ];
    const expected = (bytes: Uint8Array) =>
      String.fromCharCode(...[...bytes].map((b) => (b >= 0x80 && b < 0xa0 ? (high[b - 0x80] as number) : b)));
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 10_000 }), fc.boolean(), (bytes, asciiMostly) => {
        const buffer = Buffer.from(asciiMostly ? bytes.map((b, i) => (i % 500 === 0 ? b : b & 0x7f)) : bytes);
        expect(decodeWindows1252(buffer)).toBe(expected(buffer));
      }),
      { numRuns: 60 },
    );
    expect(decodeWindows1252(Buffer.from([0x93, 0x61, 0x94, 0xe9, 0x80]))).toBe('“a”é€');
  });
});
