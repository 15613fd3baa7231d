import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describeEachDialect, type TestDatabase } from '../../test/helpers/db.ts';
import { actorFor, makeUser, seedIdentityBasics } from '../../test/helpers/identity-factory.ts';
import { createToken } from '../identity/auth.service.ts';
import { delegationId } from '../identity/organizations.service.ts';
import type { Actor, Role } from '../identity/policy.rules.ts';
import { buildApp } from '../server/app.ts';
import { addIncident } from './bulletins.fixtures.ts';

/** Bulletins over HTTP: build, read as HTML and PDF, send, publish, and the public portal. */
describeEachDialect('the bulletins API', (dialect) => {
  let database: TestDatabase;
  let app: Awaited<ReturnType<typeof buildApp>>;
  const tokens = new Map<string, string>();
  let amberId: string;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    await seedIdentityBasics(database.db);
    const people: [string, string, Role][] = [
      ['rats', 'rats-executive-committee', 'analyst'],
      ['cn', delegationId('CN'), 'delegate'],
      ['sec', 'secretariat', 'secretariat-officer'],
    ];
    const actors = new Map<string, Actor>();
    for (const [name, organizationId, role] of people) {
      const user = await makeUser(database.db, { roles: [role], organizationId });
      const actor = await actorFor(database.db, user.id);
      actors.set(name, actor);
      tokens.set(
        name,
        (await createToken(database.db, actor, { name, roles: [role], expiresInDays: 1 }, new Date())).token,
      );
    }
    const rats = actors.get('rats') as Actor;
    amberId = await addIncident(database, rats, {
      name: 'amber',
      date: '2024-04-04',
      country: 'KG',
      killed: 3,
      tlp: 'amber',
      recipientOrgs: ['secretariat'],
    });
    await addIncident(database, rats, {
      name: 'clear',
      date: '2024-04-05',
      country: 'KZ',
      killed: 1,
      tlp: 'clear',
    });
    app = await buildApp({ database });
  }, 60_000);
  afterAll(async () => {
    await app.close();
    await database.destroy();
  });

  const as = (who: string) => ({ authorization: `Bearer ${tokens.get(who)}` });
  const build = (states: string[]) =>
    app.inject({
      method: 'POST',
      url: '/api/bulletins',
      headers: as('rats'),
      payload: {
        title: 'Quarter <b>2</b>',
        language: 'ru',
        from: '2024-04-01',
        to: '2024-06-30',
        states,
        sections: ['overview', 'incidents'],
      },
    });

  it('builds an AMBER bulletin readable as HTML and PDF by its organization only', async () => {
    const built = await build(['KG', 'KZ']);
    expect(built.statusCode).toBe(201);
    const { id, tlp } = built.json();
    expect(tlp).toBe('amber');
    const html = await app.inject({ url: `/api/bulletins/${id}.html`, headers: as('rats') });
    expect(html.statusCode).toBe(200);
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.body.match(/TLP:AMBER/g)?.length).toBeGreaterThanOrEqual(2);
    expect(html.body).toContain('Quarter &lt;b&gt;2&lt;/b&gt;');
    expect(html.body).toContain('<svg');
    const pdf = await app.inject({ url: `/api/bulletins/${id}.pdf`, headers: as('rats') });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    for (const path of [`/api/bulletins/${id}`, `/api/bulletins/${id}.html`, `/api/bulletins/${id}.pdf`]) {
      const missing = await app.inject({ url: path.replace(id, 'bulletin--nope'), headers: as('cn') });
      const hidden = await app.inject({ url: path, headers: as('cn') });
      expect(hidden.statusCode, path).toBe(404);
      expect(hidden.json().error.code).toBe(missing.json().error.code);
    }
    expect((await app.inject({ url: `/api/bulletins/public/${id}.pdf` })).statusCode).toBe(404);
  });

  it('refuses to send to a non-recipient of its AMBER part, naming both, and sends to a recipient', async () => {
    const { id } = (await build(['KG'])).json();
    const refused = await app.inject({
      method: 'POST',
      url: `/api/bulletins/${id}/send`,
      headers: as('rats'),
      payload: { organizations: [delegationId('CN')] },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.details).toMatchObject({ recipient: delegationId('CN'), part: amberId });
    expect(refused.json().error.message).toContain(delegationId('CN'));
    const choices = await app.inject({ url: `/api/bulletins/${id}/recipients`, headers: as('rats') });
    expect(choices.json().items.find((c: { id: string }) => c.id === delegationId('CN')).allowed).toBe(false);
    const sent = await app.inject({
      method: 'POST',
      url: `/api/bulletins/${id}/send`,
      headers: as('rats'),
      payload: { organizations: ['secretariat'] },
    });
    expect(sent.statusCode).toBe(200);
    const inbox = await app.inject({ url: '/api/bulletins?received=true', headers: as('sec') });
    expect(inbox.json().items.map((b: { id: string }) => b.id)).toEqual([id]);
    expect((await app.inject({ url: `/api/bulletins/${id}.pdf`, headers: as('sec') })).statusCode).toBe(200);
    const notSender = await app.inject({
      method: 'POST',
      url: `/api/bulletins/${id}/send`,
      headers: as('sec'),
      payload: { organizations: ['secretariat'] },
    });
    expect(notSender.statusCode).toBe(403);
  });

  it('publishes a CLEAR bulletin to the portal, read signed out, and refuses an AMBER one', async () => {
    const amber = (await build(['KG'])).json();
    const refused = await app.inject({
      method: 'POST',
      url: `/api/bulletins/${amber.id}/publish`,
      headers: as('rats'),
    });
    expect(refused.statusCode).toBe(409);
    const clear = (await build(['KZ'])).json();
    expect(clear.tlp).toBe('clear');
    const published = await app.inject({
      method: 'POST',
      url: `/api/bulletins/${clear.id}/publish`,
      headers: as('rats'),
    });
    expect(published.statusCode).toBe(200);
    const list = await app.inject({ url: '/api/bulletins/public' });
    expect(list.json().items.map((b: { id: string }) => b.id)).toEqual([clear.id]);
    expect((await app.inject({ url: `/api/bulletins/public/${clear.id}` })).json().published).toBe(true);
    const html = await app.inject({ url: `/api/bulletins/public/${clear.id}.html` });
    expect(html.body).toContain('TLP:CLEAR');
    const pdf = await app.inject({ url: `/api/bulletins/public/${clear.id}.pdf` });
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await app.inject({ url: '/api/bulletins' })).statusCode).toBe(401);
  });

  it('lets only RATS analysts build, and names a bad field', async () => {
    const refused = await app.inject({
      method: 'POST',
      url: '/api/bulletins',
      headers: as('cn'),
      payload: {
        title: 'x',
        language: 'en',
        from: '2024-01-01',
        to: '2024-02-01',
        states: ['KZ'],
        sections: ['overview'],
      },
    });
    expect(refused.statusCode).toBe(403);
    const bad = await app.inject({
      method: 'POST',
      url: '/api/bulletins/preview',
      headers: as('rats'),
      payload: {
        title: 'x',
        language: 'en',
        from: '2024-03-01',
        to: '2024-02-01',
        states: ['KZ'],
        sections: ['overview'],
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.field).toBe('to');
    const preview = await app.inject({
      method: 'POST',
      url: '/api/bulletins/preview',
      headers: as('rats'),
      payload: {
        title: 'x',
        language: 'zh',
        from: '2024-01-01',
        to: '2024-12-31',
        regions: ['central-asia'],
        sections: ['overview'],
      },
    });
    expect(preview.json()).toMatchObject({ tlp: 'amber', parts: 2 });
    expect(preview.json().html).toContain('概览');
  });
});
