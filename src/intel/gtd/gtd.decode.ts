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
const BEYOND_LATIN1 = /[\u0100-\uffff]/;
const C1 = /[\u0080-\u009f]/;
const C1_ALL = /[\u0080-\u009f]/g;
let scratch = Buffer.allocUnsafe(1 << 16);

/** UTF-8 bytes (already known to be valid, and whole characters) to text. */
export function decodeUtf8(bytes: Buffer): string {
  const length = bytes.length;
  if (isAscii(bytes)) return bytes.toString('latin1');
  if (scratch.length < length) scratch = Buffer.allocUnsafe(length);
  let out = 0;
  for (let at = 0; at < length; ) {
    let end = Math.min(at + BLOCK, length);
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
 * Windows-1252 bytes to text: Latin-1, except that 0x80–0x9F are the printable characters
 * spreadsheet exports put there (’ “ ” – € …), as WHATWG decoders read the label "latin1". Node
 * 20's own TextDecoder reads them as C1 controls, so the 32 are mapped here.
 */
export function decodeWindows1252(bytes: Buffer): string {
  const text = bytes.toString('latin1');
  for (let at = 0; at < bytes.length; at += BLOCK) {
    const end = Math.min(at + BLOCK, bytes.length);
    if (!isAscii(bytes.subarray(at, end)) && C1.test(text.slice(at, end))) {
      return text.replace(C1_ALL, (c) => WINDOWS_1252_C1[c.charCodeAt(0) - 0x80] as string);
    }
  }
  return text;
}

/** 0x80–0x9F in Windows-1252; the five bytes it leaves undefined stay C1 controls, as in WHATWG. */
const WINDOWS_1252_C1 = [...'€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ'];
