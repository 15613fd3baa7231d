/**
 * Reads the objects of a STIX bundle from a stream without holding the bundle: a small state
 * machine over the bytes finds where each element of the top-level `objects` array begins and
 * ends (outside strings, counting braces; every byte it looks for is ASCII, so UTF-8 needs no
 * decoding to find them), and each element is decoded and parsed on its own. Memory stays at one
 * object plus one chunk, whatever the file's size. `position` counts the bytes read.
 */

export interface BundleItem {
  /** Place in the bundle, from 0. */
  index: number;
  /** The parsed object, or why it could not be parsed. */
  value?: unknown;
  error?: string;
}

const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const QUOTE = 34;
const BACKSLASH = 92;
const OBJECTS = Buffer.from('objects');

export class BundleReader {
  /** Bytes consumed so far. */
  position = 0;

  /**
   * The bundle's objects, in order, a chunk's worth at a time (one await per chunk, not per
   * object). Throws when the input is not a bundle with an `objects` array.
   */
  async *objects(input: AsyncIterable<Uint8Array | string>): AsyncGenerator<BundleItem[]> {
    let depth = 0;
    let inString = false;
    let escaped = false;
    /** Whether the last string closed at depth 1 was the key `objects`. */
    let keyIsObjects = false;
    let keyStart = -1;
    let inObjects = false;
    let sawObjects = false;
    let elementStart = -1;
    let carried: Buffer | null = null;
    let index = 0;
    for await (const chunk of input) {
      const bytes =
        typeof chunk === 'string'
          ? Buffer.from(chunk)
          : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      this.position += bytes.byteLength;
      const buffer: Buffer = carried ? Buffer.concat([carried, bytes]) : bytes;
      const length = buffer.length;
      const items: BundleItem[] = [];
      for (let i = carried ? carried.length : 0; i < length; i++) {
        const c = buffer[i] as number;
        if (inString) {
          if (escaped) escaped = false;
          else if (c === BACKSLASH) escaped = true;
          else if (c === QUOTE) {
            inString = false;
            if (keyStart >= 0) {
              keyIsObjects =
                i - keyStart === OBJECTS.length &&
                buffer.compare(OBJECTS, 0, OBJECTS.length, keyStart, i) === 0;
              keyStart = -1;
            }
          }
          continue;
        }
        if (c === QUOTE) {
          inString = true;
          if (depth === 1) keyStart = i + 1;
        } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
          depth += 1;
          if (depth === 2 && c === OPEN_BRACKET && keyIsObjects) {
            inObjects = true;
            sawObjects = true;
          } else if (depth === 3 && inObjects && elementStart < 0) elementStart = i;
        } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
          if (depth === 3 && inObjects && elementStart >= 0) {
            items.push(this.parse(buffer.toString('utf8', elementStart, i + 1), index++));
            elementStart = -1;
          }
          if (depth === 2 && inObjects) inObjects = false;
          depth -= 1;
          if (depth < 0) throw new Error('not a STIX bundle: unbalanced brackets');
        }
      }
      if (items.length) yield items;
      // Keep the unfinished element (or the unfinished key) for the next chunk.
      const cut = elementStart >= 0 ? elementStart : keyStart >= 0 ? keyStart : length;
      carried = cut < length ? buffer.subarray(cut) : null;
      if (elementStart >= 0) elementStart -= cut;
      if (keyStart >= 0) keyStart -= cut;
    }
    if (!sawObjects) throw new Error('not a STIX bundle: no "objects" array');
    if (depth !== 0) throw new Error('not a STIX bundle: the file ends inside an object');
  }

  private parse(text: string, index: number): BundleItem {
    try {
      return { index, value: JSON.parse(text) };
    } catch (error) {
      return { index, error: `not JSON: ${(error as Error).message}` };
    }
  }
}
