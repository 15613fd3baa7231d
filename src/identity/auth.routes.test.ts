import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/db.ts';
import { makeUser, PASSWORD, seedIdentityBasics } from '../../test/helpers/identity-factory.ts';
import { buildApp } from '../server/app.ts';
import { issueSetupToken } from './auth.service.ts';

describe('signing in, sessions, tokens and throttling over HTTP', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let clock = new Date('2026-11-27T10:00:00Z');
  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    await seedIdentityBasics(database.db);
    app = await buildApp({ database, now: () => clock });
  });
  afterAll(async () => {
    await app.close();
    await database.destroy();
  });

  const login = (username: string, password: string, ip = '10.0.0.1') =>
    app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password },
      remoteAddress: ip,
    });
  const cookieOf = (res: LightMyRequestResponse) => {
    const cookie = res.cookies.find((c) => c.name === 'sco_session');
    return cookie ? `sco_session=${cookie.value}` : '';
  };

  it('signs in with a session cookie that is HttpOnly and SameSite, and signs out', async () => {
    const user = await makeUser(database.db, { roles: ['delegate'] });
    const res = await login(user.username, PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'sco_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(res.json().user.username).toBe(user.username);
    expect(res.json().effectiveRoles).toEqual(['delegate']);
    const csrf = res.json().csrfToken as string;
    const me = await app.inject({ url: '/api/auth/me', headers: { cookie: cookieOf(res) } });
    expect(me.json().user.id).toBe(user.id);
    expect(me.json().organization.id).toBe('delegation-cn');
    const noCsrf = await app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: cookieOf(res) },
    });
    expect(noCsrf.statusCode).toBe(403);
    const out = await app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: cookieOf(res), 'x-csrf-token': csrf },
    });
    expect(out.statusCode).toBe(204);
    const after = await app.inject({ url: '/api/auth/me', headers: { cookie: cookieOf(res) } });
    expect(after.json().user).toBeNull();
  });

  it('answers an unknown user and a wrong password identically', async () => {
    const user = await makeUser(database.db, { roles: ['delegate'] });
    const wrong = await login(user.username, 'not the password at all', '10.0.1.1');
    const unknown = await login('nobody-at-all', 'not the password at all', '10.0.1.2');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    const strip = (r: LightMyRequestResponse) => ({
      ...r.json().error,
      details: { ...r.json().error.details, requestId: 'x' },
    });
    expect(strip(wrong)).toEqual(strip(unknown));
    expect(wrong.cookies).toEqual([]);
  });

  it('answers 429 after repeated wrong passwords, and makes the right one wait', async () => {
    const user = await makeUser(database.db, { roles: ['delegate'] });
    const codes: number[] = [];
    for (let i = 0; i < 20; i++)
      codes.push((await login(user.username, `wrong password ${i}`, `10.0.2.${i}`)).statusCode);
    expect(codes.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(codes.at(-1)).toBe(429);
    expect(codes.filter((c) => c === 429).length).toBeGreaterThanOrEqual(10);
    const right = await login(user.username, PASSWORD, '10.0.3.1');
    expect(right.statusCode).toBe(429);
    const wait = Number(right.headers['retry-after']);
    expect(wait).toBeGreaterThan(0);
    clock = new Date(clock.getTime() + (wait + 1) * 1000);
    expect((await login(user.username, PASSWORD, '10.0.3.1')).statusCode).toBe(200);
  });

  it('issues API tokens shown once, limited to their roles, expiring and revocable', async () => {
    const admin = await makeUser(database.db, {
      roles: ['admin', 'secretariat-officer'],
      organizationId: 'secretariat',
    });
    const res = await login(admin.username, PASSWORD, '10.0.4.1');
    const session = { cookie: cookieOf(res), 'x-csrf-token': res.json().csrfToken as string };
    const created = await app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: session,
      payload: { name: 'reader', roles: ['secretariat-officer'], expiresInDays: 1 },
    });
    expect(created.statusCode).toBe(201);
    const token = created.json().token as string;
    expect(token).toMatch(/^sco_[0-9a-f]{16}_/);
    const listed = await app.inject({ url: '/api/tokens', headers: session });
    expect(JSON.stringify(listed.json())).not.toContain(token.split('_')[2]);
    const bearer = { authorization: `Bearer ${token}` };
    // The token holds only secretariat-officer: the audit log, an administrator's, is out of its reach.
    expect((await app.inject({ url: '/api/audit', headers: bearer })).statusCode).toBe(403);
    expect((await app.inject({ url: '/api/audit', headers: session })).statusCode).toBe(200);
    expect((await app.inject({ url: '/api/auth/me', headers: bearer })).json().effectiveRoles).toEqual([
      'secretariat-officer',
    ]);
    const basic = { authorization: `Basic ${Buffer.from(`${admin.username}:${token}`).toString('base64')}` };
    expect((await app.inject({ url: '/api/auth/me', headers: basic })).json().user.id).toBe(admin.id);
    const revoke = await app.inject({
      method: 'POST',
      url: `/api/tokens/${created.json().id}/revoke`,
      headers: session,
    });
    expect(revoke.statusCode).toBe(200);
    expect((await app.inject({ url: '/api/auth/me', headers: bearer })).statusCode).toBe(401);
    const later = await app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: session,
      payload: { name: 'short', roles: ['admin'], expiresInDays: 1 },
    });
    clock = new Date(clock.getTime() + 2 * 86400_000);
    expect(
      (await app.inject({ url: '/api/auth/me', headers: { authorization: `Bearer ${later.json().token}` } }))
        .statusCode,
    ).toBe(401);
  });

  it('refuses a token for roles its user does not hold, naming the field', async () => {
    const delegate = await makeUser(database.db, { roles: ['delegate'] });
    const res = await login(delegate.username, PASSWORD, '10.0.5.1');
    const headers = { cookie: cookieOf(res), 'x-csrf-token': res.json().csrfToken as string };
    const refused = await app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers,
      payload: { name: 'x', roles: ['admin'], expiresInDays: 1 },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details.field).toBe('roles');
  });

  it('accepts HTTP Basic with a password and asks for it when wrong', async () => {
    const user = await makeUser(database.db, { roles: ['delegate'] });
    const good = `Basic ${Buffer.from(`${user.username}:${PASSWORD}`).toString('base64')}`;
    expect(
      (
        await app.inject({ url: '/api/auth/me', headers: { authorization: good }, remoteAddress: '10.0.6.1' })
      ).json().user.id,
    ).toBe(user.id);
    const bad = `Basic ${Buffer.from(`${user.username}:nope-nope-nope`).toString('base64')}`;
    const refused = await app.inject({
      url: '/api/auth/me',
      headers: { authorization: bad },
      remoteAddress: '10.0.6.2',
    });
    expect(refused.statusCode).toBe(401);
    expect(refused.headers['www-authenticate']).toMatch(/^Basic/);
  });

  it('creates the first administrator once with the setup link', async () => {
    const fresh = await createTestDatabase('sqlite');
    await seedIdentityBasics(fresh.db);
    const freshApp = await buildApp({ database: fresh });
    const secret = (await issueSetupToken(fresh.db, new Date())) as string;
    expect(secret).toBeTruthy();
    expect((await freshApp.inject('/api/auth/me')).json().setupRequired).toBe(true);
    const body = {
      token: secret,
      username: 'first.admin',
      displayName: 'First Admin',
      password: 'a long enough password',
    };
    const bad = await freshApp.inject({
      method: 'POST',
      url: '/api/setup',
      payload: { ...body, token: 'guess' },
    });
    expect(bad.statusCode).toBe(400);
    const made = await freshApp.inject({ method: 'POST', url: '/api/setup', payload: body });
    expect(made.statusCode).toBe(201);
    expect(made.json().roles).toContain('admin');
    const again = await freshApp.inject({
      method: 'POST',
      url: '/api/setup',
      payload: { ...body, username: 'second' },
    });
    expect(again.statusCode).toBe(400);
    expect(await issueSetupToken(fresh.db, new Date())).toBeNull();
    await freshApp.close();
    await fresh.destroy();
  });

  it('sends security headers and a request id on every answer, and never a password hash', async () => {
    const res = await app.inject('/api/summits');
    expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const admin = await makeUser(database.db, { roles: ['admin'], organizationId: 'secretariat' });
    const session = await login(admin.username, PASSWORD, '10.0.7.1');
    const users = await app.inject({ url: '/api/users', headers: { cookie: cookieOf(session) } });
    expect(users.body).not.toMatch(/argon2|password/i);
  });
});
