import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { loadConfig } from '../../config.ts';

/**
 * The passwords and tokens the TAXII client presents to partner servers, sealed with AES-256-GCM
 * so that a copy of the database alone reveals none. The endpoint's id is bound to each sealed
 * value as associated data: a value copied onto another endpoint does not open.
 *
 * The key, one clear rule:
 * 1. `SCO_SECRET_KEY`, when set: 32 bytes in base64;
 * 2. otherwise the file `sco-secret.key` (the same base64 text), created once with mode 0600:
 *    beside the SQLite database file (`SCO_DB_FILE`, default `var/sco.db`) when `DATABASE_URL`
 *    is unset, in the working directory when it is set. Several servers on one PostgreSQL need
 *    the same key: give them `SCO_SECRET_KEY`.
 * Losing the key loses the sealed secrets (they must be entered again), nothing else.
 */

const FORMAT = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const KEY_FILE_NAME = 'sco-secret.key';

/** A sealed value that does not open: the wrong key, or a damaged value. */
export class SealError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SealError';
  }
}

/** Seals `plain` for the record `context` (an endpoint's id). */
export function sealSecret(plain: string, key: Buffer, context: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return `${FORMAT}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
}

/** Opens a value sealed for `context`; `SealError` when the key or the value is wrong. */
export function unsealSecret(sealed: string, key: Buffer, context: string): string {
  const [format, payload] = sealed.split(':', 2);
  if (format !== FORMAT || !payload) throw new SealError(`sealed secret of ${context}: unknown format`);
  const bytes = Buffer.from(payload, 'base64');
  if (bytes.length < IV_BYTES + TAG_BYTES) throw new SealError(`sealed secret of ${context}: too short`);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString(
      'utf8',
    );
  } catch {
    throw new SealError(
      `the secret of ${context} does not open: the key (SCO_SECRET_KEY or ${KEY_FILE_NAME}) is not the one ` +
        'it was sealed with, or the stored value is damaged; enter the password or token again',
    );
  }
}

/** A key from its base64 text; says where it came from when it is not 32 bytes. */
export function parseKey(text: string, origin: string): Buffer {
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== 32) throw new Error(`${origin}: expected 32 bytes in base64, got ${key.length} bytes`);
  return key;
}

/** Where the key file is, by the rule above. */
export function keyFilePath(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string {
  if (env.DATABASE_URL) return resolve(cwd, KEY_FILE_NAME);
  return join(dirname(loadConfig(env).sqliteFile), KEY_FILE_NAME);
}

/** Reads the key file, or creates it (mode 0600) when there is none; refuses one others may read. */
function keyFromFile(path: string): Buffer {
  mkdirSync(dirname(path), { recursive: true });
  try {
    writeFileSync(path, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    // Made already, by an earlier start or another process at the same moment: read that one.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  if (process.platform !== 'win32' && (statSync(path).mode & 0o077) !== 0)
    throw new Error(`${path}: the secret key file may be read by others; make it private (chmod 600)`);
  return parseKey(readFileSync(path, 'utf8'), path);
}

const keys = new Map<string, Buffer>();

/** The sealing key of this process, by the rule above; read once per source. */
export function secretKey(env: NodeJS.ProcessEnv = process.env): Buffer {
  const fromEnv = env.SCO_SECRET_KEY;
  const source = fromEnv ? `env:${fromEnv}` : `file:${keyFilePath(env)}`;
  let key = keys.get(source);
  if (!key) {
    key = fromEnv ? parseKey(fromEnv, 'SCO_SECRET_KEY') : keyFromFile(keyFilePath(env));
    keys.set(source, key);
  }
  return key;
}
