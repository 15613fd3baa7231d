import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  KEY_FILE_NAME,
  keyFilePath,
  SealError,
  sealSecret,
  secretKey,
  unsealSecret,
} from './partners.secrets.ts';

const KEY = Buffer.alloc(32, 1);
const OTHER = Buffer.alloc(32, 2);

describe('sealing endpoint secrets', () => {
  it('opens what it sealed, for the same endpoint and key', () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ minLength: 1 }), (secret, endpoint) => {
        expect(unsealSecret(sealSecret(secret, KEY, endpoint), KEY, endpoint)).toBe(secret);
      }),
    );
  });

  it('never stores the secret in the clear, and seals it differently each time', () => {
    const a = sealSecret('correct horse', KEY, 'e1');
    const b = sealSecret('correct horse', KEY, 'e1');
    expect(a).not.toContain('correct horse');
    expect(Buffer.from(a.slice(3), 'base64').toString('utf8')).not.toContain('correct horse');
    expect(a).not.toBe(b);
  });

  it('fails clearly with the wrong key, naming where the key comes from', () => {
    const sealed = sealSecret('s3cret', KEY, 'e1');
    expect(() => unsealSecret(sealed, OTHER, 'e1')).toThrow(SealError);
    expect(() => unsealSecret(sealed, OTHER, 'e1')).toThrow(/SCO_SECRET_KEY or sco-secret\.key/);
  });

  it('does not open a value copied onto another endpoint, nor a damaged one', () => {
    const sealed = sealSecret('s3cret', KEY, 'e1');
    expect(() => unsealSecret(sealed, KEY, 'e2')).toThrow(SealError);
    const damaged = `${sealed.slice(0, -4)}AAAA`;
    expect(() => unsealSecret(damaged, KEY, 'e1')).toThrow(SealError);
    expect(() => unsealSecret('plain text', KEY, 'e1')).toThrow(SealError);
  });
});

describe('the sealing key', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sco-key-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('comes from SCO_SECRET_KEY when set', () => {
    expect(secretKey({ SCO_SECRET_KEY: KEY.toString('base64') })).toEqual(KEY);
    expect(() => secretKey({ SCO_SECRET_KEY: 'c2hvcnQ=' })).toThrow(/SCO_SECRET_KEY: expected 32 bytes/);
  });

  it('else from a private key file beside the SQLite file, made once', () => {
    const env = { SCO_DB_FILE: join(dir, 'sco.db') };
    expect(keyFilePath(env)).toBe(join(dir, KEY_FILE_NAME));
    const first = secretKey(env);
    expect(first).toHaveLength(32);
    expect(statSync(join(dir, KEY_FILE_NAME)).mode & 0o777).toBe(0o600);
    expect(Buffer.from(readFileSync(join(dir, KEY_FILE_NAME), 'utf8').trim(), 'base64')).toEqual(first);
    expect(secretKey(env)).toEqual(first);
  });

  it('for PostgreSQL, in the working directory', () => {
    expect(keyFilePath({ DATABASE_URL: 'postgres://db/sco' }, dir)).toBe(join(dir, KEY_FILE_NAME));
  });
});
