import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/db.ts';
import { makeUser, PASSWORD, seedIdentityBasics } from '../../test/helpers/identity-factory.ts';
import { buildApp } from './app.ts';

describe('structured logs', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    await seedIdentityBasics(database.db);
  });
  afterAll(() => database.destroy());

  it('carry a request id on every line and never a password, token or cookie', async () => {
    const stream = new PassThrough();
    const lines: string[] = [];
    stream.on('data', (chunk: Buffer) => lines.push(...chunk.toString().split('\n').filter(Boolean)));
    const app = await buildApp({ database, logger: { level: 'trace', stream } });
    const user = await makeUser(database.db, { roles: ['delegate'] });
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: user.username, password: PASSWORD },
    });
    const cookie = login.cookies[0]?.value as string;
    await app.inject({ url: '/api/auth/me', headers: { cookie: `sco_session=${cookie}` } });
    const basic = Buffer.from(`${user.username}:${PASSWORD}`).toString('base64');
    await app.inject({ url: '/api/auth/me', headers: { authorization: `Basic ${basic}` } });
    await app.inject({
      url: '/api/auth/me',
      headers: { authorization: 'Bearer sco_0123456789abcdef_secretsecretsecretsecretsecretsecretsecretsec' },
    });
    await app.close();
    const requestLines = lines.map((l) => JSON.parse(l)).filter((l) => l.req || l.res);
    expect(requestLines.length).toBeGreaterThanOrEqual(8);
    expect(requestLines.every((l) => typeof l.reqId === 'string' && l.reqId.length === 36)).toBe(true);
    const all = lines.join('\n');
    for (const secret of [PASSWORD, cookie, basic, 'secretsecretsecret']) expect(all).not.toContain(secret);
  });
});
