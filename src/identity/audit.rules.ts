import { createHash } from 'node:crypto';

/**
 * The audit chain's arithmetic. Each entry's hash is SHA-256 over a canonical serialization of
 * its fields, the previous entry's hash among them, so changing or removing any entry breaks
 * every hash after it. Pure: the caller reads the entries and the head.
 */

export interface AuditFields {
  seq: number;
  at: string;
  actor: string;
  organizationId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  stateDigest: string;
  prevHash: string;
}

export interface AuditEntry extends AuditFields {
  hash: string;
}

/**
 * Canonical JSON of any value: object keys sorted, no whitespace, `undefined` left out. Two
 * equal states always serialize to the same bytes.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value))
    return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The digest an entry keeps of the subject's new state (secrets are never part of a state). */
export function stateDigest(state: unknown): string {
  return sha256(canonicalJson(state));
}

/** The bytes an entry's hash covers: its fields as a JSON array in a fixed order. */
export function entryBytes(f: AuditFields): string {
  return JSON.stringify([
    f.seq,
    f.at,
    f.actor,
    f.organizationId,
    f.action,
    f.subjectType,
    f.subjectId,
    f.stateDigest,
    f.prevHash,
  ]);
}

export function entryHash(fields: AuditFields): string {
  return sha256(entryBytes(fields));
}

export type ChainFault = { seq: number; problem: string };

/**
 * Walks the entries of a range of the chain in `seq` order and reports the first fault. A walk
 * may start anywhere: given the stored hash of the entry before its range, it checks the link
 * into it too (a fault in that entry itself is reported by the walk of the range before).
 */
export class ChainVerifier {
  private expectedSeq: number;
  private prevHash: string | null;
  checked = 0;

  /** `prevHash`: the stored hash of entry `startSeq - 1` ('' before the first; null if missing). */
  constructor(startSeq = 1, prevHash: string | null = '') {
    this.expectedSeq = startSeq;
    this.prevHash = prevHash;
  }

  /** Checks one entry; returns the fault it shows, if any. */
  check(entry: AuditEntry): ChainFault | null {
    if (entry.seq !== this.expectedSeq) {
      return entry.seq > this.expectedSeq
        ? {
            seq: this.expectedSeq,
            problem: `entry ${this.expectedSeq} is missing (next present is ${entry.seq})`,
          }
        : { seq: entry.seq, problem: `entry ${entry.seq} is out of order` };
    }
    if (this.prevHash !== null && entry.prevHash !== this.prevHash) {
      return {
        seq: entry.seq,
        problem: `entry ${entry.seq} does not follow the hash of entry ${entry.seq - 1}`,
      };
    }
    if (entryHash(entry) !== entry.hash) {
      return {
        seq: entry.seq,
        problem: `entry ${entry.seq} was altered: its hash does not match its fields`,
      };
    }
    this.prevHash = entry.hash;
    this.expectedSeq += 1;
    this.checked += 1;
    return null;
  }

  /** After the range's last entry: were all entries up to `lastSeq` there? */
  endAt(lastSeq: number): ChainFault | null {
    const last = this.expectedSeq - 1;
    return last < lastSeq
      ? { seq: last + 1, problem: `entries ${last + 1} to ${lastSeq} are missing` }
      : null;
  }

  /** Compares the end of a walk of the whole chain with the head every append updates. */
  finish(head: { seq: number; hash: string }): ChainFault | null {
    const fault = this.endAt(head.seq);
    if (fault) return fault;
    const last = this.expectedSeq - 1;
    if (head.seq < last || head.hash !== this.prevHash) {
      return { seq: last, problem: `the chain's head does not match entry ${last}` };
    }
    return null;
  }
}
