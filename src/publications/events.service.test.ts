import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describeEachDialect, type TestDatabase } from '../../test/helpers/db.ts';
import { actorFor, makeUser, SYSTEM, seedIdentityBasics } from '../../test/helpers/identity-factory.ts';
import { Conflict, Forbidden, Invalid, NotFound } from '../errors.ts';
import { listAudit } from '../identity/audit.service.ts';
import { verifyAudit } from '../identity/audit.verify.ts';
import { addPartnerCenter, delegationId } from '../identity/organizations.service.ts';
import { type Actor, ANONYMOUS, type Role } from '../identity/policy.rules.ts';
import {
  cancelEvent,
  createEvent,
  type EventInput,
  eventsBetween,
  eventsIcs,
  getEvent,
  listEvents,
  updateEvent,
} from './events.service.ts';

/**
 * Events on both databases: who sees a public and a community event (the public, the community,
 * a partner center only when it takes part), who plans, edits and cancels, and that every change
 * is in the audit log with the calendar's SEQUENCE rising.
 */

const NOW = new Date('2026-04-01T08:00:00.000Z');
const PARTNER = 'cis-atc';

const input = (over: Partial<EventInput> = {}): EventInput => ({
  kind: 'seminar',
  title: { en: 'Synthetic seminar on border security', ru: 'Семинар' },
  description: { en: 'A synthetic event made by a test.' },
  start: '2026-05-12T09:00+05:00',
  end: '2026-05-12T17:00+05:00',
  place: { city: 'Tashkent', country: 'UZ' },
  organizer: 'secretariat',
  participants: { organizations: [delegationId('CN')], others: ['A synthetic outside institute'] },
  agenda: [
    { time: '09:00', title: 'Opening', speakerRole: 'Executive Director of the Secretariat' },
    { time: '10:30', title: 'Panel' },
  ],
  materials: [{ title: 'Programme', url: 'https://example.org/programme.pdf' }],
  audience: 'community',
  ...over,
});

describeEachDialect('events', (dialect) => {
  let database: TestDatabase;
  let secretariat: Actor;
  let analyst: Actor;
  let delegate: Actor;
  let partner: Actor;
  let outsider: Actor;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    const { db } = database;
    await seedIdentityBasics(db);
    await addPartnerCenter(db, SYSTEM, { id: PARTNER, name: { en: 'Synthetic partner center' } }, NOW);
    await addPartnerCenter(db, SYSTEM, { id: 'other-center', name: { en: 'Another center' } }, NOW);
    const actor = async (roles: Role[], organizationId: string) =>
      actorFor(db, (await makeUser(db, { roles, organizationId })).id);
    secretariat = await actor(['secretariat-officer'], 'secretariat');
    analyst = await actor(['analyst'], 'rats-executive-committee');
    delegate = await actor(['delegate'], delegationId('CN'));
    partner = await actor(['analyst'], PARTNER);
    outsider = await actor(['analyst'], 'other-center');
  });
  afterAll(async () => database.destroy());

  const ids = async (actor: Actor, q = {}) =>
    (await listEvents(database.db, actor, { from: '2026-01-01', to: '2026-12-31', ...q })).items.map(
      (e) => e.id,
    );

  it('shows a public event to everyone and a community event to the community and its partner participants', async () => {
    const { db } = database;
    const open = await createEvent(
      db,
      secretariat,
      input({ audience: 'public', title: { en: 'Open conference' } }),
      NOW,
    );
    const closed = await createEvent(
      db,
      analyst,
      input({
        organizer: 'rats-executive-committee',
        participants: { organizations: [PARTNER] },
        start: '2026-05-20',
        end: '2026-05-21',
      }),
      NOW,
    );
    const internal = await createEvent(
      db,
      secretariat,
      input({ start: '2026-06-01', end: '2026-06-01' }),
      NOW,
    );
    for (const [actor, expected] of [
      [ANONYMOUS, [open.id]],
      [delegate, [open.id, closed.id, internal.id]],
      [partner, [open.id, closed.id]],
      [outsider, [open.id]],
    ] as const) {
      const page = await listEvents(db, actor, { from: '2026-05-01', to: '2026-06-30' });
      expect(page.items.map((e) => e.id)).toEqual(expected);
      expect(page.total).toBe(expected.length);
    }
    await expect(getEvent(db, ANONYMOUS, internal.id)).rejects.toBeInstanceOf(NotFound);
    await expect(getEvent(db, partner, internal.id)).rejects.toBeInstanceOf(NotFound);
    await expect(getEvent(db, outsider, closed.id)).rejects.toBeInstanceOf(NotFound);
    expect((await getEvent(db, partner, closed.id)).participants.organizations.map((o) => o.id)).toEqual([
      PARTNER,
    ]);
    const ics = await eventsIcs(db, ANONYMOUS, { from: '2026-05-01', to: '2026-06-30' });
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    expect(ics).toContain(`UID:${open.id}@`);
  });

  it('keeps the time given with its offset in UTC, and finds events by words and kind', async () => {
    const { db } = database;
    const made = await createEvent(
      db,
      secretariat,
      input({
        kind: 'symposium',
        title: { en: 'Symposium on Хартия', zh: '研讨会' },
        start: '2026-07-01T10:00+08:00',
        end: '2026-07-01T12:00+08:00',
      }),
      NOW,
    );
    expect(made).toMatchObject({
      allDay: false,
      start: '2026-07-01T02:00:00.000Z',
      end: '2026-07-01T04:00:00.000Z',
    });
    expect(await ids(delegate, { q: 'хартия' })).toEqual([made.id]);
    expect(await ids(delegate, { q: '研讨' })).toEqual([made.id]);
    expect(await ids(delegate, { kind: 'symposium' })).toEqual([made.id]);
    await expect(listEvents(db, delegate, { kind: 'party' })).rejects.toMatchObject({
      details: { field: 'kind' },
    });
  });

  it('lets the Secretariat, RATS analysts and administrators plan, and nobody else', async () => {
    const { db } = database;
    await expect(createEvent(db, delegate, input(), NOW)).rejects.toBeInstanceOf(Forbidden);
    await expect(createEvent(db, partner, input(), NOW)).rejects.toBeInstanceOf(Forbidden);
    await expect(createEvent(db, ANONYMOUS, input(), NOW)).rejects.toBeInstanceOf(Forbidden);
    const bad = (over: Partial<EventInput>) => createEvent(db, secretariat, input(over), NOW);
    await expect(bad({ organizer: 'nobody' })).rejects.toMatchObject({ details: { field: 'organizer' } });
    await expect(bad({ participants: { organizations: ['nobody'] } })).rejects.toMatchObject({
      details: { field: 'participants.organizations.0' },
    });
    await expect(
      bad({ materials: [{ title: 'Missing', documentId: 'no-such-document' }] }),
    ).rejects.toMatchObject({
      details: { field: 'materials.0.documentId' },
    });
    await expect(bad({ end: '2026-05-12T08:00+05:00' })).rejects.toBeInstanceOf(Invalid);
  });

  it('lets the organizer edit and cancel, raising SEQUENCE, each change audited; a cancelled event stays listed', async () => {
    const { db } = database;
    const made = await createEvent(
      db,
      secretariat,
      input({ organizer: delegationId('CN'), start: '2026-08-03', end: '2026-08-04' }),
      NOW,
    );
    expect(made.abilities).toEqual({ read: true, update: false, cancel: false });
    await expect(updateEvent(db, secretariat, made.id, { title: { en: 'x' } }, NOW)).rejects.toBeInstanceOf(
      Forbidden,
    );
    await expect(updateEvent(db, partner, made.id, { title: { en: 'x' } }, NOW)).rejects.toBeInstanceOf(
      NotFound,
    );
    const later = new Date('2026-04-02T08:00:00.000Z');
    const edited = await updateEvent(
      db,
      delegate,
      made.id,
      { title: { en: 'Renamed expert meeting' }, kind: 'expert-meeting' },
      later,
    );
    expect(edited).toMatchObject({
      sequence: 1,
      kind: 'expert-meeting',
      title: { en: 'Renamed expert meeting' },
    });
    // What the patch did not name is kept.
    expect(edited.agenda).toEqual(made.agenda);
    expect(edited.participants).toEqual(made.participants);
    await expect(updateEvent(db, delegate, made.id, { end: '2026-08-01' }, later)).rejects.toMatchObject({
      details: { field: 'end' },
    });
    const cancelled = await cancelEvent(db, delegate, made.id, { reason: 'postponed' }, later);
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: 'postponed', sequence: 2 });
    await expect(cancelEvent(db, delegate, made.id, {}, later)).rejects.toBeInstanceOf(Conflict);
    await expect(updateEvent(db, delegate, made.id, { title: { en: 'y' } }, later)).rejects.toBeInstanceOf(
      Conflict,
    );
    expect(await ids(delegate, { from: '2026-08-01', to: '2026-08-31' })).toEqual([made.id]);
    const ics = await eventsIcs(db, delegate, { from: '2026-08-01', to: '2026-08-31' });
    expect(ics).toContain('STATUS:CANCELLED');
    expect(ics).toContain('SEQUENCE:2');
    const log = await listAudit(db, SYSTEM, { subject: made.id });
    expect(log.items.map((e) => e.action).sort()).toEqual(['event.cancel', 'event.create', 'event.update']);
    expect((await verifyAudit(database, SYSTEM)).ok).toBe(true);
  });

  it('gives the bulletin builder the readable events of a period, held in or involving given states', async () => {
    const { db } = database;
    const inChina = await createEvent(
      db,
      secretariat,
      input({
        audience: 'public',
        place: { city: 'Beijing', country: 'CN' },
        participants: {},
        start: '2026-09-10',
        end: '2026-09-11',
      }),
      NOW,
    );
    const withChina = await createEvent(
      db,
      secretariat,
      input({ start: '2026-09-15', end: '2026-09-15' }),
      NOW,
    );
    const elsewhere = await createEvent(
      db,
      secretariat,
      input({ participants: {}, start: '2026-09-20', end: '2026-09-20' }),
      NOW,
    );
    const period = { from: '2026-09-01', to: '2026-09-30' };
    expect((await eventsBetween(db, delegate, period)).map((e) => e.id)).toEqual([
      inChina.id,
      withChina.id,
      elsewhere.id,
    ]);
    expect((await eventsBetween(db, delegate, period, ['cn'])).map((e) => e.id)).toEqual([
      inChina.id,
      withChina.id,
    ]);
    const [first] = await eventsBetween(db, ANONYMOUS, period);
    expect(first).toEqual({
      id: inChina.id,
      kind: 'seminar',
      title: 'Synthetic seminar on border security',
      allDay: true,
      start: '2026-09-10',
      end: '2026-09-11',
      place: { kind: 'in-person', city: 'Beijing', country: 'CN' },
      organizer: { id: 'secretariat', name: expect.any(String) },
      audience: 'public',
      status: 'scheduled',
    });
  });
});
