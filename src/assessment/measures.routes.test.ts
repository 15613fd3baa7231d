import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describeEachDialect, type TestDatabase } from '../../test/helpers/db.ts';
import { actorFor, makeUser } from '../../test/helpers/identity-factory.ts';
import { DATA_DIR } from '../../test/helpers/server.ts';
import { createToken } from '../identity/auth.service.ts';
import { addPartnerCenter, delegationId } from '../identity/organizations.service.ts';
import type { Role } from '../identity/policy.rules.ts';
import { buildApp } from '../server/app.ts';
import { prepareDatabase } from '../server/prepare.ts';

/** Joint measures over HTTP: what each kind of caller gets, and 400s that name the field. */

describeEachDialect('the measures API', (dialect) => {
  let database: TestDatabase;
  let app: Awaited<ReturnType<typeof buildApp>>;
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    await prepareDatabase(database, { dataDir: DATA_DIR });
    await addPartnerCenter(
      database.db,
      { kind: 'system', name: 'test' },
      { id: 'http-partner', name: { en: 'Partner' } },
      new Date(),
    );
    const people: [string, string, Role][] = [
      ['rats', 'rats-executive-committee', 'analyst'],
      ['kz', delegationId('KZ'), 'delegate'],
      ['partner', 'http-partner', 'analyst'],
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
    await app?.close();
    await database?.destroy();
  });

  const as = (who: string) => ({ authorization: `Bearer ${tokens.get(who)}` });
  const post = (url: string, payload: unknown, who = 'rats') =>
    app.inject({ method: 'POST', url, headers: as(who), payload: payload as Record<string, unknown> });
  const exercise = {
    kind: 'exercise',
    categories: ['terrorism', 'extremism'],
    name: { en: 'Mountain command-post exercise' },
    start: '2024-09-10',
    end: '2024-09-12',
    places: [{ country: 'TJ' }],
    participants: [
      { kind: 'state', id: 'TJ' },
      { kind: 'state', id: 'KZ' },
    ],
  };

  it('lists the 2003 exercise to a delegation, and refuses the public and partner centers', async () => {
    const listed = await app.inject({
      url: '/api/measures?from=2003-01-01&to=2003-12-31',
      headers: as('kz'),
    });
    expect(listed.statusCode).toBe(200);
    expect(listed.json()).toMatchObject({
      total: 1,
      items: [{ id: 'joint-exercise-2003', start: '2003-08-06', end: '2003-08-13', indicators: 0 }],
    });
    expect((await app.inject({ url: '/api/measures' })).statusCode).toBe(401);
    expect((await app.inject({ url: '/api/measures', headers: as('partner') })).statusCode).toBe(403);
    expect(
      (await app.inject({ url: '/api/measures/joint-exercise-2003', headers: as('partner') })).statusCode,
    ).toBe(403);
    const missing = await app.inject({ url: '/api/measures/no-such-measure', headers: as('kz') });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('not_found');
  });

  it('records a measure, an indicator and measurements, and answers the computed reading', async () => {
    const created = await post('/api/measures', exercise);
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    const indicator = await post(`/api/measures/${id}/indicators`, {
      name: 'Response time',
      unit: 'minutes',
      target: 30,
      direction: 'lower-is-better',
    });
    expect(indicator.statusCode, indicator.body).toBe(201);
    const indicatorId = indicator.json().id as string;
    const url = `/api/measures/${id}/indicators/${indicatorId}/measurements`;
    expect((await post(url, { date: '2024-09-10', value: 90 })).statusCode).toBe(201);
    const second = await post(url, { date: '2024-09-12', value: 60, note: 'second day' });
    expect(second.json()).toMatchObject({
      latest: { value: 60 },
      trend: 'falling',
      onTrack: true,
      progress: 0.5,
    });
    expect((await post(url, { date: '2024-09-12', value: 55 })).statusCode).toBe(409);

    const page = await app.inject({ url: `/api/measures/${id}`, headers: as('kz') });
    expect(page.json()).toMatchObject({
      name: { en: 'Mountain command-post exercise' },
      abilities: { read: true, update: false },
      indicators: [
        { name: 'Response time', measurements: [{ value: 90 }, { value: 60, note: 'second day' }] },
      ],
    });
    const patched = await app.inject({
      method: 'PATCH',
      url: `/api/measures/${id}`,
      headers: as('rats'),
      payload: { outcomes: ['Command post deployed within the hour.'] },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json().outcomeSummary).toBe('Command post deployed within the hour.');
    const refused = await app.inject({
      method: 'PATCH',
      url: `/api/measures/${id}`,
      headers: as('kz'),
      payload: {},
    });
    expect(refused.statusCode).toBe(403);
  });

  it('answers 400 naming the field for bad input', async () => {
    const field = async (response: Awaited<ReturnType<typeof post>>) => {
      expect(response.statusCode, response.body).toBe(400);
      return response.json().error.details.field as string;
    };
    expect(await field(await post('/api/measures', { ...exercise, end: '2024-09-01' }))).toBe('end');
    expect(
      await field(await post('/api/measures', { ...exercise, participants: [{ kind: 'state', id: 'QQ' }] })),
    ).toBe('participants.0');
    expect(await field(await post('/api/measures', { ...exercise, kind: 'parade' }))).toBe('kind');
    const id = (await post('/api/measures', exercise)).json().id as string;
    const indicatorId = (
      await post(`/api/measures/${id}/indicators`, {
        name: 'Units',
        unit: 'units',
        target: 5,
        direction: 'higher-is-better',
      })
    ).json().id as string;
    const url = `/api/measures/${id}/indicators/${indicatorId}/measurements`;
    expect(await field(await post(url, { date: '2024-09-11', value: 'many' }))).toBe('value');
    expect(await field(await post(url, { date: '2999-01-01', value: 1 }))).toBe('date');
    expect(await field(await post(url, { date: '1970-01-01', value: 1 }))).toBe('date');
    expect(
      await field(
        await post(`/api/measures/${id}/indicators`, {
          name: 'x',
          unit: 'u',
          target: 'high',
          direction: 'higher-is-better',
        }),
      ),
    ).toBe('target');
    const query = await app.inject({ url: '/api/measures?category=piracy', headers: as('kz') });
    expect(query.statusCode).toBe(400);
    expect(query.json().error.details.field).toBe('category');
  });
});
