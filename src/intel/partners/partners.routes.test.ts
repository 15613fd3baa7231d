import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { createTestDatabase, describeEachDialect, type TestDatabase } from '../../../test/helpers/db.ts';
import { actorFor, makeUser } from '../../../test/helpers/identity-factory.ts';
import { DATA_DIR } from '../../../test/helpers/server.ts';
import { createToken } from '../../identity/auth.service.ts';
import { delegationId } from '../../identity/organizations.service.ts';
import type { Role } from '../../identity/policy.rules.ts';
import { buildApp } from '../../server/app.ts';
import { prepareDatabase } from '../../server/prepare.ts';

/** The partner registry over HTTP: who sees which entry, faults named by field, secrets kept in. */

const SECRET = 'pa55-word-never-shown';

describeEachDialect('the partners API', (dialect) => {
  let database: TestDatabase;
  let app: Awaited<ReturnType<typeof buildApp>>;
  const tokens = new Map<string, string>();
  const answers: string[] = [];

  beforeAll(async () => {
    vi.stubEnv('SCO_SECRET_KEY', Buffer.alloc(32, 9).toString('base64'));
    database = await createTestDatabase(dialect);
    await prepareDatabase(database, { dataDir: DATA_DIR });
    const people: [string, string, Role][] = [
      ['admin', 'secretariat', 'admin'],
      ['rats', 'rats-executive-committee', 'analyst'],
      ['kz', delegationId('KZ'), 'delegate'],
      ['cis', 'cis-atc', 'analyst'],
    ];
    for (const [name, organizationId, role] of people) {
      const user = await makeUser(database.db, { roles: [role], organizationId });
      const actor = await actorFor(database.db, user.id);
      const made = await createToken(
        database.db,
        actor,
        { name, roles: [role], expiresInDays: 1 },
        new Date(),
      );
      tokens.set(name, made.token);
    }
    app = await buildApp({ database });
  });
  afterAll(async () => {
    await app.close();
    await database.destroy();
    vi.unstubAllEnvs();
  });

  const call = async (
    who: string | null,
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    payload?: object,
  ) => {
    const response = await app.inject({
      method,
      url,
      headers: who ? { authorization: `Bearer ${tokens.get(who)}` } : {},
      ...(payload ? { payload } : {}),
    });
    answers.push(response.body);
    return response;
  };
  const endpoint = {
    apiRoot: 'https://taxii.cis.example/api',
    collectionId: 'feed',
    direction: 'pull',
    auth: 'basic',
    username: 'rats',
    secret: SECRET,
    pullEveryMinutes: 30,
  };

  it('shows the community every entry, a partner its own, the public nothing', async () => {
    const kz = await call('kz', 'GET', '/api/partners');
    expect(kz.statusCode).toBe(200);
    expect(kz.json().items.map((p: { id: string }) => p.id)).toEqual(['cis-atc', 'csto', 'un-cted']);
    const cis = await call('cis', 'GET', '/api/partners');
    expect(cis.json().items.map((p: { id: string }) => p.id)).toEqual(['cis-atc']);
    expect((await call('cis', 'GET', '/api/partners/csto')).statusCode).toBe(404);
    expect((await call('cis', 'GET', '/api/partners/cis-atc/shared')).statusCode).toBe(200);
    expect((await call(null, 'GET', '/api/partners')).statusCode).toBe(401);
  });

  it('lets a RATS analyst register an endpoint, and never sends its secret back', async () => {
    const created = await call('rats', 'POST', '/api/partners/cis-atc/endpoints', endpoint);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ apiRoot: 'https://taxii.cis.example/api/', hasSecret: true });
    const id = created.json().id as string;
    const changed = await call('rats', 'PATCH', `/api/partners/cis-atc/endpoints/${id}`, { tlp: 'amber' });
    expect(changed.json()).toMatchObject({ tlp: 'amber', hasSecret: true, username: 'rats' });
    await call('kz', 'GET', '/api/partners');
    await call('cis', 'GET', '/api/partners/cis-atc');
    await call('admin', 'GET', '/api/partners/cis-atc');
    const stored = await database.db.selectFrom('partner_endpoints').select('secret_sealed').execute();
    expect(stored.every((r) => !r.secret_sealed?.includes(SECRET))).toBe(true);
    expect(answers.some((body) => body.includes(SECRET))).toBe(false);
  });

  it('answers 400 naming the field', async () => {
    const fault = async (url: string, payload: object, method: 'POST' | 'PATCH' = 'POST') => {
      const response = await call('admin', method, url, payload);
      expect(response.statusCode).toBe(400);
      return response.json().error.details.field;
    };
    const agreements = '/api/partners/csto/agreements';
    expect(await fault(agreements, { title: 'T', scope: 'S', signedOn: '2999-01-01' })).toBe('signedOn');
    expect(
      await fault(agreements, { title: 'T', scope: 'S', signedOn: '2020-01-02', validUntil: '2020-01-01' }),
    ).toBe('validUntil');
    expect(
      await fault(agreements, { title: 'T', scope: 'S', signedOn: '2020-01-02', documentUrl: 'file:///etc' }),
    ).toBe('documentUrl');
    const endpoints = '/api/partners/csto/endpoints';
    expect(await fault(endpoints, { ...endpoint, apiRoot: 'not a url' })).toBe('apiRoot');
    expect(await fault(endpoints, { ...endpoint, direction: 'sideways' })).toBe('direction');
    expect(await fault(endpoints, { ...endpoint, secret: undefined })).toBe('secret');
    expect(await fault(endpoints, { ...endpoint, tlp: 'red' })).toBe('tlp');
    expect(await fault('/api/partners/csto', { website: 'ftp://csto.example' }, 'PATCH')).toBe('website');
    expect(await fault('/api/partners', { id: 'Bad Id', name: { en: 'X' }, kind: 'un-body' })).toBe('id');
    expect(await fault('/api/partners/csto/contacts', { office: 'Desk' })).toBe('email');
  });

  it('refuses a delegate the edits (403) and hides another partner from a partner (404)', async () => {
    const agreement = { title: 'T', scope: 'S', signedOn: '2020-01-01' };
    expect((await call('kz', 'POST', '/api/partners/csto/agreements', agreement)).statusCode).toBe(403);
    expect((await call('cis', 'POST', '/api/partners/cis-atc/agreements', agreement)).statusCode).toBe(403);
    expect((await call('rats', 'PATCH', '/api/partners/csto', { seat: 'X' })).statusCode).toBe(403);
  });

  it('lets an administrator add a partner, a contact and an agreement, and remove them', async () => {
    const created = await call('admin', 'POST', '/api/partners', {
      id: 'kg-atc',
      name: { en: 'Antiterrorist Center', ru: 'Антитеррористический центр' },
      kind: 'national-center',
      seat: 'Bishkek',
      website: 'https://atc.example.kg',
    });
    expect(created.statusCode).toBe(201);
    const again = await call('admin', 'POST', '/api/partners', {
      id: 'kg-atc',
      name: { en: 'X' },
      kind: 'un-body',
    });
    expect(again.statusCode).toBe(409);
    const contact = await call('admin', 'POST', '/api/partners/kg-atc/contacts', {
      office: 'Duty desk',
      email: 'desk@atc.example.kg',
    });
    expect(contact.statusCode).toBe(201);
    const agreement = await call('admin', 'POST', '/api/partners/kg-atc/agreements', {
      title: 'Protocol on cooperation',
      signedOn: '2024-06-01',
      scope: 'Exchange of information',
    });
    const agreementId = agreement.json().id as string;
    expect((await call('admin', 'DELETE', `/api/partners/csto/agreements/${agreementId}`)).statusCode).toBe(
      404,
    );
    expect((await call('admin', 'DELETE', `/api/partners/kg-atc/agreements/${agreementId}`)).statusCode).toBe(
      204,
    );
    const view = (await call('kz', 'GET', '/api/partners/kg-atc')).json();
    expect(view.contacts).toEqual([expect.objectContaining({ office: 'Duty desk' })]);
    expect(view.agreements).toEqual([]);
    expect(view.abilities).toMatchObject({ read: true, update: false });
  });
});
