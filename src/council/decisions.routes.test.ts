import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describeEachDialect, type TestDatabase } from '../../test/helpers/db.ts';
import { actorFor, makeUser } from '../../test/helpers/identity-factory.ts';
import { DATA_DIR } from '../../test/helpers/server.ts';
import { createToken } from '../identity/auth.service.ts';
import type { Role } from '../identity/policy.rules.ts';
import { buildApp } from '../server/app.ts';
import { prepareDatabase } from '../server/prepare.ts';

/** The written procedure over HTTP, as the delegations' clients and the chair use it. */

const MEMBERS = ['BY', 'CN', 'IN', 'IR', 'KG', 'KZ', 'PK', 'RU', 'TJ', 'UZ'];

describeEachDialect('the written procedure over HTTP', (dialect) => {
  let database: TestDatabase;
  let app: Awaited<ReturnType<typeof buildApp>>;
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    await prepareDatabase(database, { dataDir: DATA_DIR });
    const people: [string, string, Role][] = [
      ...MEMBERS.map((code): [string, string, Role] => [
        code,
        `delegation-${code.toLowerCase()}`,
        'head-of-delegation',
      ]),
      ['SEC', 'secretariat', 'secretariat-officer'],
    ];
    for (const [code, organizationId, role] of people) {
      const user = await makeUser(database.db, { roles: [role], organizationId });
      const token = await createToken(
        database.db,
        await actorFor(database.db, user.id),
        { name: 'test', roles: [role], expiresInDays: 1 },
        new Date(),
      );
      tokens.set(code, token.token);
    }
    app = await buildApp({ database });
  });
  afterAll(async () => {
    await app.close();
    await database.destroy();
  });

  const post = (who: string, url: string, payload: unknown) =>
    app.inject({
      method: 'POST',
      url,
      headers: { authorization: `Bearer ${tokens.get(who)}` },
      payload: payload as object,
    });

  it('proposes it, takes every answer, then positions in writing; bad input is refused by field', async () => {
    const opened = await post('SEC', '/api/decisions', {
      bodyId: 'cnc',
      title: { en: 'In writing' },
      rule: 'consensus',
      chairState: 'KZ',
    });
    expect(opened.statusCode).toBe(201);
    const id = opened.json().id as string;
    const times = { agreeBy: '2099-01-01T12:00:00+06:00', deadline: '2099-01-10T12:00:00+06:00' };

    const notChair = await post('RU', `/api/decisions/${id}/written`, times);
    expect(notChair.statusCode).toBe(403);
    const bad = await post('KZ', `/api/decisions/${id}/written`, {
      agreeBy: 'tomorrow',
      deadline: times.deadline,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.field).toBe('agreeBy');
    const proposed = await post('KZ', `/api/decisions/${id}/written`, times);
    expect(proposed.statusCode).toBe(200);
    expect(proposed.json().procedure).toMatchObject({ kind: 'written', stage: 'agreeing' });

    const early = await post('RU', `/api/decisions/${id}/positions`, { position: 'support' });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.message).toMatch(/not yet agreed/);
    const noReason = await post('RU', `/api/decisions/${id}/written/answer`, { agrees: false });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details.field).toBe('text');

    for (const code of MEMBERS) {
      const answered = await post(code, `/api/decisions/${id}/written/answer`, { agrees: true });
      expect(answered.statusCode).toBe(200);
    }
    const again = await post('RU', `/api/decisions/${id}/written/answer`, { agrees: true });
    expect(again.statusCode).toBe(400);
    const stated = await post('RU', `/api/decisions/${id}/positions`, { position: 'support' });
    expect(stated.statusCode).toBe(200);
    expect(stated.json()).toMatchObject({
      status: 'pending',
      procedure: { stage: 'in-writing', agreed: MEMBERS },
      positions: { RU: 'support' },
    });
    const history = stated.json().history as { type: string }[];
    expect(history.filter((e) => e.type === 'written-answer')).toHaveLength(MEMBERS.length);
  });
});
