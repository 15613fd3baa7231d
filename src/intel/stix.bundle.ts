/**
 * Reads the objects of a STIX bundle from a stream without holding the bundle: a small state
 * machine finds where each element of the top-level `objects` array begins and ends (outside
 * strings, counting braces), and each element is parsed on its own. Memory stays at one object
 * plus one chunk, whatever the file's size. `position` counts the bytes read, for progress.
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
const COLON = 58;

export class BundleReader {
  /** Bytes consumed so far. */
  position = 0;
  private readonly decoder = new TextDecoder('utf-8', { fatal: false });

  /** The bundle's objects, in order. Throws when the text is not a bundle with an `objects` array. */
  async *objects(input: AsyncIterable<Uint8Array | string>): AsyncGenerator<BundleItem> {
    let depth = 0;
    let inString = false;
    let escaped = false;
    /** The last key read at depth 1 (the bundle's own properties). */
    let key = '';
    let keyStart = -1;
    let inObjects = false;
    let sawObjects = false;
    let elementStart = -1;
    let carried = '';
    let index = 0;
    for await (const chunk of input) {
      const text = typeof chunk === 'string' ? chunk : this.decoder.decode(chunk, { stream: true });
      this.position += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.byteLength;
      const buffer = carried + text;
      const offset = carried.length;
      let cut = buffer.length;
      for (let i = offset; i < buffer.length; i++) {
        const c = buffer.charCodeAt(i);
        if (inString) {
          if (escaped) escaped = false;
          else if (c === BACKSLASH) escaped = true;
          else if (c === QUOTE) {
            inString = false;
            if (depth === 1 && keyStart >= 0) {
              key = buffer.slice(keyStart, i);
              keyStart = -1;
            }
          }
          continue;
        }
        if (c === QUOTE) {
          inString = true;
          if (depth === 1 && !inObjects) keyStart = i + 1;
        } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
          depth += 1;
          if (depth === 2 && c === OPEN_BRACKET && key === 'objects') {
            inObjects = true;
            sawObjects = true;
          } else if (depth === 3 && inObjects && elementStart < 0) elementStart = i;
        } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
          if (depth === 3 && inObjects && elementStart >= 0) {
            yield this.parse(buffer.slice(elementStart, i + 1), index++);
            elementStart = -1;
          }
          if (depth === 2 && inObjects) inObjects = false;
          depth -= 1;
          if (depth < 0) throw new Error('not a STIX bundle: unbalanced brackets');
        } else if (c === COLON && depth === 1) keyStart = -1;
      }
      // Keep the unfinished element (or the unfinished key) for the next chunk.
      if (elementStart >= 0) cut = elementStart;
      else if (keyStart >= 0) cut = keyStart - 1;
      carried = buffer.slice(cut);
      if (elementStart >= 0) elementStart -= cut;
      if (keyStart >= 0) keyStart -= cut;
      if (!inString && elementStart < 0 && keyStart < 0) carried = '';
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
