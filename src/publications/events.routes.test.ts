import ICAL from 'ical.js';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describeEachDialect, type TestDatabase } from '../../test/helpers/db.ts';
import { actorFor, makeUser } from '../../test/helpers/identity-factory.ts';
import { DATA_DIR } from '../../test/helpers/server.ts';
import { createToken } from '../identity/auth.service.ts';
import { delegationId } from '../identity/organizations.service.ts';
import type { Role } from '../identity/policy.rules.ts';
import { buildApp } from '../server/app.ts';
import { prepareDatabase } from '../server/prepare.ts';

/** The events API as a client sees it: plans, edits, calendars, and what is not found. */

describeEachDialect('the events API', (dialect) => {
  let database: TestDatabase;
  let app: Awaited<ReturnType<typeof buildApp>>;
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    await prepareDatabase(database, { dataDir: DATA_DIR });
    const people: [string, string, Role][] = [
      ['secretariat', 'secretariat', 'secretariat-officer'],
      ['kz', delegationId('KZ'), 'delegate'],
    ];
    for (const [name, organizationId, role] of people) {
      const user = await makeUser(database.db, { roles: [role], organizationId });
      const actor = await actorFor(database.db, user.id);
      tokens.set(
        name,
        (await createToken(database.db, actor, { name, roles: [role], expiresInDays: 1 }, new Date())).token,
      );
    }
    app = await buildApp({ database });
  });
  afterAll(async () => {
    await app.close();
    await database.destroy();
  });

  const as = (who: string) => ({ authorization: `Bearer ${tokens.get(who)}` });
  const body = (over: Record<string, unknown> = {}) => ({
    kind: 'conference',
    title: { en: 'Synthetic conference, part one', zh: '合成会议' },
    description: { en: 'Made by a test; not a real event.' },
    start: '2026-10-05',
    end: '2026-10-06',
    place: { city: 'Astana', country: 'KZ' },
    organizer: delegationId('KZ'),
    participants: { organizations: ['rats-executive-committee'], others: ['A synthetic university'] },
    agenda: [
      { time: '2026-10-05T10:00', title: 'Opening; welcome, words', speakerRole: 'Head of delegation' },
    ],
    materials: [{ title: 'The Charter', documentId: 'charter-2002' }],
    audience: 'public',
    ...over,
  });
  const create = (over: Record<string, unknown> = {}, who = 'secretariat') =>
    app.inject({ method: 'POST', url: '/api/events', headers: as(who), payload: body(over) });

  it('plans an event, lets its organizer edit and cancel it, and serves it as iCalendar', async () => {
    const created = await create();
    expect(created.statusCode, created.body).toBe(201);
    const event = created.json();
    expect(event).toMatchObject({
      allDay: true,
      status: 'scheduled',
      sequence: 0,
      organizer: { id: 'delegation-kz' },
    });
    const patched = await app.inject({
      method: 'PATCH',
      url: `/api/events/${event.id}`,
      headers: as('kz'),
      payload: { title: { en: 'Synthetic conference, renamed', zh: '合成会议' } },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ sequence: 1, title: { en: 'Synthetic conference, renamed' } });
    const refused = await app.inject({
      method: 'POST',
      url: `/api/events/${event.id}/cancel`,
      headers: as('secretariat'),
      payload: {},
    });
    expect(refused.statusCode).toBe(403);
    const cancelled = await app.inject({
      method: 'POST',
      url: `/api/events/${event.id}/cancel`,
      headers: as('kz'),
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json().status).toBe('cancelled');

    const one = await app.inject({ url: `/api/events/${event.id}.ics` });
    expect(one.statusCode, one.body).toBe(200);
    expect(one.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(one.headers['content-disposition']).toContain('attachment');
    const vevent = new ICAL.Component(ICAL.parse(one.body)).getFirstSubcomponent('vevent');
    if (!vevent) throw new Error('no VEVENT');
    const parsed = new ICAL.Event(vevent);
    expect(parsed.uid).toBe(`${event.id}@events.sco-platform`);
    expect(parsed.summary).toBe('Synthetic conference, renamed');
    expect(parsed.location).toBe('Astana, Kazakhstan');
    expect(parsed.sequence).toBe(2);
    expect(vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(parsed.description).toContain('2026-10-05 10:00 Opening; welcome, words (Head of delegation)');
    expect(parsed.description).toContain('The Charter: registry document charter-2002');
    const chinese = await app.inject({ url: `/api/events/${event.id}.ics?lang=zh` });
    expect(chinese.body).toContain('SUMMARY:合成会议');

    const period = await app.inject({ url: '/api/events.ics?from=2026-10-01&to=2026-10-31' });
    expect(period.statusCode).toBe(200);
    expect(new ICAL.Component(ICAL.parse(period.body)).getAllSubcomponents('vevent')).toHaveLength(1);
  });

  it('answers 400 naming the field at fault', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ end: '2026-10-04' }, 'end'],
      [{ start: '2026-10-05T09:00', end: '2026-10-05T10:00Z' }, 'start'],
      [{ kind: 'party' }, 'kind'],
      [{ audience: 'everyone' }, 'audience'],
      [{ title: { ru: 'Без английского' } }, 'title.en'],
      [{ place: { city: 'Astana', country: 'QQ' } }, 'place.country'],
      [{ agenda: [{ time: 'noon', title: 'Lunch' }] }, 'agenda.0.time'],
      [{ materials: [{ title: 'Link', url: 'not a link' }] }, 'materials.0.url'],
      [{ organizer: 'nobody' }, 'organizer'],
      [{ venue: 'Astana' }, 'venue'],
    ];
    for (const [over, field] of cases) {
      const answer = await create(over);
      expect(answer.statusCode, JSON.stringify(over)).toBe(400);
      expect(answer.json().error.details.field, JSON.stringify(over)).toBe(field);
    }
    const bad = await app.inject({ url: '/api/events?from=2026-10-05&to=2026-10-01' });
    expect(bad.json().error.details.field).toBe('to');
  });

  it('answers a community event to the public and to a bad id alike: not found', async () => {
    const created = (await create({ audience: 'community', start: '2026-11-02', end: '2026-11-02' })).json();
    const hidden = await app.inject({ url: `/api/events/${created.id}` });
    const missing = await app.inject({ url: '/api/events/no-such-event' });
    expect(hidden.statusCode).toBe(404);
    expect(missing.statusCode).toBe(404);
    expect((await app.inject({ url: `/api/events/${created.id}.ics` })).statusCode).toBe(404);
    expect((await app.inject({ url: `/api/events/${created.id}`, headers: as('kz') })).statusCode).toBe(200);
    const publicList = await app.inject({ url: '/api/events?from=2026-11-01&to=2026-11-30' });
    expect(publicList.json()).toEqual({ items: [], total: 0 });
    const signedIn = await app.inject({
      url: '/api/events?from=2026-11-01&to=2026-11-30',
      headers: as('kz'),
    });
    expect(signedIn.json().total).toBe(1);
    const patched = await app.inject({
      method: 'PATCH',
      url: `/api/events/${created.id}`,
      payload: { title: { en: 'x' } },
    });
    expect(patched.statusCode).toBe(401);
  });
});
