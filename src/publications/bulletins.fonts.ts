import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { inflateSync } from 'node:zlib';

/**
 * The fonts a printed bulletin embeds, from npm (no system font, no browser): Noto Sans for
 * Latin and Cyrillic, Noto Sans SC for Chinese and whatever else. Fontsource ships each script
 * as its own file with the Unicode ranges it covers, so text is cut into runs, each set in the
 * first font whose ranges hold its characters.
 */

const require = createRequire(import.meta.url);
const NOTO = dirname(require.resolve('@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff'));
const NOTO_SC = dirname(require.resolve('@fontsource/noto-sans-sc/files/noto-sans-sc-latin-400-normal.woff'));

export type Weight = 'regular' | 'bold';
export const SCRIPTS = ['latin', 'cyrillic', 'latin-ext', 'cjk'] as const;
export type Script = (typeof SCRIPTS)[number];

/** The file of a script's font at a weight. */
export function fontFile(script: Script, weight: Weight): string {
  const w = weight === 'bold' ? 700 : 400;
  return script === 'cjk'
    ? join(NOTO_SC, `noto-sans-sc-chinese-simplified-${w}-normal.woff`)
    : join(NOTO, `noto-sans-${script}-${w}-normal.woff`);
}

/** `U+0000-00FF,U+0131` as [first, last] pairs. */
export function parseRanges(text: string): [number, number][] {
  return text.split(',').map((range) => {
    const [first, last] = range.trim().replace(/^U\+/i, '').split('-');
    const a = Number.parseInt(first as string, 16);
    return [a, last ? Number.parseInt(last, 16) : a];
  });
}

const RANGES: Record<Exclude<Script, 'cjk'>, [number, number][]> = (() => {
  const table = JSON.parse(readFileSync(join(NOTO, '../unicode.json'), 'utf8')) as Record<string, string>;
  const of = (key: string) => parseRanges(table[key] ?? '');
  return { latin: of('latin'), cyrillic: of('cyrillic'), 'latin-ext': of('latin-ext') };
})();

/** The script whose font sets this code point. */
export function scriptOf(codePoint: number): Script {
  for (const script of ['latin', 'cyrillic', 'latin-ext'] as const)
    if (RANGES[script].some(([a, b]) => codePoint >= a && codePoint <= b)) return script;
  return 'cjk';
}

/**
 * Text cut into runs of one script each. Spaces, digits and punctuation join a Latin or Chinese
 * run they stand in (both fonts hold them); the Cyrillic file holds only Cyrillic letters.
 */
export function runsOf(text: string): { script: Script; text: string }[] {
  const runs: { script: Script; text: string }[] = [];
  for (const char of text) {
    const code = char.codePointAt(0) as number;
    const neutral = code <= 0x40 || (code >= 0x2000 && code <= 0x206f);
    const last = runs[runs.length - 1];
    const script = neutral && last && last.script !== 'cyrillic' ? last.script : scriptOf(code);
    if (last && last.script === script) last.text += char;
    else runs.push({ script, text: char });
  }
  return runs;
}

/**
 * A WOFF 1.0 file unpacked to the plain TrueType/OpenType font it wraps. The font engine reads a
 * WOFF file by inflating a table again on every access, in JavaScript, which makes a Chinese
 * bulletin take tens of seconds; unpacked once with zlib, the same font is read directly.
 */
export function sfntOf(woff: Buffer): Buffer {
  if (woff.toString('latin1', 0, 4) !== 'wOFF') return woff;
  const count = woff.readUInt16BE(12);
  const tables = Array.from({ length: count }, (_, i) => {
    const at = 44 + i * 20;
    const offset = woff.readUInt32BE(at + 4);
    const compressed = woff.readUInt32BE(at + 8);
    const length = woff.readUInt32BE(at + 12);
    const raw = woff.subarray(offset, offset + compressed);
    return {
      tag: woff.subarray(at, at + 4),
      checksum: woff.readUInt32BE(at + 16),
      data: compressed < length ? inflateSync(raw) : raw,
    };
  });
  const power = 2 ** Math.floor(Math.log2(count));
  const head = Buffer.alloc(12 + count * 16);
  woff.copy(head, 0, 4, 8);
  head.writeUInt16BE(count, 4);
  head.writeUInt16BE(power * 16, 6);
  head.writeUInt16BE(Math.log2(power), 8);
  head.writeUInt16BE(count * 16 - power * 16, 10);
  const body: Buffer[] = [];
  let offset = head.length;
  tables.forEach((table, i) => {
    const record = 12 + i * 16;
    table.tag.copy(head, record);
    head.writeUInt32BE(table.checksum, record + 4);
    head.writeUInt32BE(offset, record + 8);
    head.writeUInt32BE(table.data.length, record + 12);
    const padded = Buffer.alloc(Math.ceil(table.data.length / 4) * 4);
    table.data.copy(padded);
    body.push(padded);
    offset += padded.length;
  });
  return Buffer.concat([head, ...body]);
}

const cache = new Map<string, Buffer>();
/** A font's bytes, unpacked, read once per process. */
export function fontBytes(script: Script, weight: Weight): Buffer {
  const file = fontFile(script, weight);
  let bytes = cache.get(file);
  if (!bytes) {
    bytes = sfntOf(readFileSync(file));
    cache.set(file, bytes);
  }
  return bytes;
}
