import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/db.ts';
import { makeUser } from '../../test/helpers/identity-factory.ts';
import { DATA_DIR } from '../../test/helpers/server.ts';
import { delegationId } from '../identity/organizations.service.ts';
import { buildApp } from '../server/app.ts';
import { prepareDatabase } from '../server/prepare.ts';

/** The Conventions' implementation over HTTP: the matrix, bad parameters, laws recorded and counted. */

const EXTREMISM = 'convention-countering-extremism-2017';

describe('the Conventions API', () => {
  let database: TestDatabase;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let kz = '';
  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    await prepareDatabase(database, { dataDir: DATA_DIR });
    const user = await makeUser(database.db, {
      roles: ['head-of-delegation'],
      organizationId: delegationId('KZ'),
    });
    kz = `Basic ${Buffer.from(`${user.username}:${user.password}`).toString('base64')}`;
    app = await buildApp({ database });
  });
  afterAll(async () => {
    await app.close();
    await database.destroy();
  });

  const get = (url: string, authorization?: string) =>
    app.inject({ url, headers: authorization ? { authorization } : {} });

  it('answers the public matrix on a date', async () => {
    const res = await get('/api/conventions/matrix?at=2020-01-01&states=RU,KZ');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.rows.map((r: { state: { code: string } }) => r.state.code)).toEqual(['KZ', 'RU']);
    expect(body.rows[1].cells[3]).toMatchObject({ instrument: EXTREMISM, status: 'in-force', laws: null });
  });

  it.each([
    ['states=KZ,ZZ', 'states'],
    ['states=Kazakhstan', 'states'],
    ['instruments=charter-2002', 'instruments'],
    ['at=2020-13-01', 'at'],
    ['at=tomorrow', 'at'],
  ])('answers 400 naming the parameter for %s', async (query, field) => {
    const res = await get(`/api/conventions/matrix?${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'invalid', details: { field } });
  });

  it('answers 400 naming the path parameter of an unknown cell', async () => {
    const instrument = await get('/api/conventions/charter-2002/states/KZ');
    expect(instrument.statusCode).toBe(400);
    expect(instrument.json().error.details.field).toBe('instrument');
    const state = await get(`/api/conventions/${EXTREMISM}/states/QQ`);
    expect(state.statusCode).toBe(400);
    expect(state.json().error.details.field).toBe('state');
  });

  it('lets a delegation add a law of its state, seen in the count, and refuses the public', async () => {
    const law = {
      state: 'KZ',
      instrument: EXTREMISM,
      title: 'Закон Республики Казахстан',
      adopted: '2020-05-05',
    };
    expect(
      (await app.inject({ method: 'POST', url: '/api/conventions/laws', payload: law })).statusCode,
    ).toBe(401);
    const bad = await app.inject({
      method: 'POST',
      url: '/api/conventions/laws',
      headers: { authorization: kz },
      payload: { ...law, instrument: 'charter-2002' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.field).toBe('instrument');
    const created = await app.inject({
      method: 'POST',
      url: '/api/conventions/laws',
      headers: { authorization: kz },
      payload: law,
    });
    expect(created.statusCode).toBe(201);
    const count = async () =>
      (await get(`/api/conventions/matrix?states=KZ&instruments=${EXTREMISM}`, kz)).json().rows[0].cells[0]
        .laws;
    expect(await count()).toBe(1);
    const cell = (await get(`/api/conventions/${EXTREMISM}/states/kz`, kz)).json();
    expect(cell.laws.map((l: { title: string }) => l.title)).toEqual(['Закон Республики Казахстан']);
    expect(cell.abilities).toEqual({ createLaw: true, createNote: true });
    const removed = await app.inject({
      method: 'DELETE',
      url: `/api/conventions/laws/${created.json().id}`,
      headers: { authorization: kz },
    });
    expect(removed.statusCode).toBe(204);
    expect(await count()).toBe(0);
  });
});
