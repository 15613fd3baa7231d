import { isAscii } from 'node:buffer';

/**
 * Bytes to text, fast when most of the text is ASCII, as in a GTD export. On Node 20, decoding
 * UTF-8 that holds any non-ASCII byte runs at a third of the speed of copying Latin-1, and the
 * CSV scanner reads a flat one-byte string faster than one glued from pieces. So a chunk is cut
 * into blocks: ASCII blocks are copied as they are, the others decoded, and when every character
 * fits in one byte (é, ü, ö: the usual case) the whole chunk is rebuilt as one Latin-1 copy.
 * Otherwise the decoded pieces are joined. Either way the text equals decoding the whole.
 */

const BLOCK = 4096;
const windows1252 = new TextDecoder('windows-1252');
const BEYOND_LATIN1 = /[^\u0000-\u00ff]/;
const C1 = /[\u0080-\u009f]/;
let scratch = Buffer.allocUnsafe(1 << 16);

/** UTF-8 bytes (already known to be valid, and whole characters) to text. */
export function decodeUtf8(bytes: Buffer): string {
  const length = bytes.length;
  if (isAscii(bytes)) return bytes.toString('latin1');
  if (scratch.length < length) scratch = Buffer.allocUnsafe(length);
  let out = 0;
  for (let at = 0; at < length; ) {
    let end = at + BLOCK < length ? at + BLOCK : length;
    // A block must not end inside a character: continuation bytes are 10xxxxxx.
    while (end < length && ((bytes[end] as number) & 0xc0) === 0x80) end++;
    if (isAscii(bytes.subarray(at, end))) {
      out += bytes.copy(scratch, out, at, end);
    } else {
      const text = bytes.toString('utf8', at, end);
      if (BEYOND_LATIN1.test(text)) return bytes.toString('utf8');
      out += scratch.write(text, out, 'latin1');
    }
    at = end;
  }
  return scratch.toString('latin1', 0, out);
}

/**
 * Windows-1252 bytes to text: Latin-1 plus the printable characters that spreadsheet exports
 * put at 0x80–0x9F (’ “ ” – € …), which is what WHATWG decoders give for the label "latin1".
 * Without such bytes the text is the Latin-1 copy.
 */
export function decodeWindows1252(bytes: Buffer): string {
  const length = bytes.length;
  for (let at = 0; at < length; at += BLOCK) {
    const end = at + BLOCK < length ? at + BLOCK : length;
    if (!isAscii(bytes.subarray(at, end)) && C1.test(bytes.toString('latin1', at, end))) {
      return windows1252.decode(bytes);
    }
  }
  return bytes.toString('latin1');
}
