import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describeEachDialect, type TestDatabase } from '../../test/helpers/db.ts';
import { actorFor, makeUser, seedIdentityBasics } from '../../test/helpers/identity-factory.ts';
import { delegationId } from '../identity/organizations.service.ts';
import { type Actor, ANONYMOUS } from '../identity/policy.rules.ts';
import { addIncident, addThreatActor } from './bulletins.fixtures.ts';
import {
  buildBulletin,
  bulletinSnapshot,
  getBulletin,
  listBulletins,
  listPublished,
  publishBulletin,
  recipientChoices,
  sendBulletin,
} from './bulletins.service.ts';

/**
 * Bulletins on both databases: the snapshot holds what its author may read, its marking comes
 * from its parts, it goes only to recipients allowed to read every part (each delivery recorded
 * and audited), and only TLP:CLEAR bulletins are published.
 */
describeEachDialect('bulletins', (dialect) => {
  let database: TestDatabase;
  let analyst: Actor;
  let officer: Actor;
  let delegate: Actor;
  let amberId: string;
  let redId: string;
  const now = new Date('2025-01-10T09:00:00Z');

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    await seedIdentityBasics(database.db);
    analyst = await actorFor(
      database.db,
      (await makeUser(database.db, { roles: ['analyst'], organizationId: 'rats-executive-committee' })).id,
    );
    officer = await actorFor(
      database.db,
      (await makeUser(database.db, { roles: ['secretariat-officer'], organizationId: 'secretariat' })).id,
    );
    delegate = await actorFor(database.db, (await makeUser(database.db, { roles: ['delegate'] })).id);
    const group = await addThreatActor(database, analyst, 'Example Front');
    await addIncident(database, analyst, {
      name: 'green one',
      date: '2024-03-10',
      country: 'CN',
      killed: 5,
      wounded: 1,
      tlp: 'green',
      perpetrators: [{ id: group, name: 'Example Front' }],
    });
    amberId = await addIncident(database, analyst, {
      name: 'amber one',
      date: '2024-05-02',
      country: 'CN',
      killed: 12,
      wounded: 4,
      tlp: 'amber',
      recipientOrgs: ['secretariat'],
      perpetrators: [{ id: group, name: 'Example Front' }],
    });
    await addIncident(database, analyst, {
      name: 'clear one',
      date: '2024-07-01',
      country: 'KZ',
      killed: 2,
      tlp: 'clear',
    });
    // A delegation's RED incident the analyst is not named on: it must not reach the bulletin.
    redId = await addIncident(database, delegate, {
      name: 'red one',
      date: '2024-06-01',
      country: 'CN',
      killed: 99,
      tlp: 'red',
    });
    // Outside the period and outside the states.
    await addIncident(database, analyst, {
      name: 'old',
      date: '2023-12-31',
      country: 'CN',
      killed: 7,
      tlp: 'clear',
    });
    await addIncident(database, analyst, {
      name: 'elsewhere',
      date: '2024-02-01',
      country: 'FR',
      killed: 7,
      tlp: 'clear',
    });
  }, 60_000);
  afterAll(() => database.destroy());

  const request = {
    title: 'Annual bulletin 2024',
    language: 'en' as const,
    from: '2024-01-01',
    to: '2024-12-31',
    states: ['CN', 'KZ'],
    sections: ['overview', 'incidents', 'organizations', 'events', 'measures'],
  };
  const deliveries = async (id: string) =>
    database.db.selectFrom('bulletin_deliveries').selectAll().where('bulletin_id', '=', id).execute();
  const audited = async (id: string, action: string) =>
    database.db
      .selectFrom('audit_log')
      .select('actor')
      .where('subject_id', '=', id)
      .where('action', '=', action)
      .execute();

  it('freezes what the analyst may read in the period and states, and marks it by its strictest part', async () => {
    const built = await buildBulletin(database, analyst, request, now);
    expect(built.tlp).toBe('amber');
    expect(built.markingOrganizations).toEqual(['rats-executive-committee', 'secretariat']);
    const snapshot = await bulletinSnapshot(database.db, analyst, built.id);
    expect(snapshot.overview?.totals).toEqual({ incidents: 3, killed: 19, wounded: 5 });
    expect(snapshot.overview?.byState.map((s) => [s.state, s.incidents])).toEqual([
      ['CN', 2],
      ['KZ', 1],
    ]);
    expect(snapshot.overview?.byTime.buckets).toHaveLength(12);
    expect(snapshot.incidents?.map((i) => i.name)).toEqual(['amber one', 'green one', 'clear one']);
    expect(snapshot.organizations?.map((o) => [o.name, o.incidents, o.killed, o.listed])).toEqual([
      ['Example Front', 2, 17, false],
    ]);
    expect(snapshot.events).toEqual({ wired: true, items: [] });
    expect(snapshot.measures).toEqual({ wired: true, items: [] });
    expect(snapshot.parts.map((p) => p.id)).toContain(amberId);
    expect(snapshot.parts.map((p) => p.id)).not.toContain(redId);
    expect(await audited(built.id, 'bulletin.build')).toHaveLength(1);
  });

  it('covers the member states at the period’s end for the region sco-members', async () => {
    const built = await buildBulletin(
      database,
      analyst,
      { ...request, states: [], regions: ['sco-members'], sections: ['overview'] },
      now,
    );
    expect(built.states).toEqual(['CN']);
  });

  it('refuses to send an AMBER bulletin to an organization that may not read a part, and records nothing', async () => {
    const built = await buildBulletin(database, analyst, request, now);
    await expect(
      sendBulletin(database, analyst, built.id, { organizations: ['secretariat', delegationId('CN')] }, now),
    ).rejects.toMatchObject({
      code: 'forbidden',
      details: { field: 'organizations', recipient: delegationId('CN'), part: amberId, tlp: 'amber' },
    });
    expect(await deliveries(built.id)).toHaveLength(0);
    expect(await audited(built.id, 'bulletin.deliver')).toHaveLength(0);
    await expect(getBulletin(database.db, delegate, built.id)).rejects.toMatchObject({ code: 'not_found' });
    const choices = await recipientChoices(database.db, analyst, built.id, now);
    expect(choices.items.find((c) => c.id === delegationId('CN'))).toMatchObject({
      allowed: false,
      refusedPart: { id: amberId, tlp: 'amber' },
    });
    expect(choices.items.find((c) => c.id === 'secretariat')?.allowed).toBe(true);
  });

  it('refuses a named user who may not read a part', async () => {
    const built = await buildBulletin(database, analyst, request, now);
    const delegateUser = (delegate as { userId: string }).userId;
    await expect(
      sendBulletin(database, analyst, built.id, { users: [delegateUser] }, now),
    ).rejects.toMatchObject({
      code: 'forbidden',
      details: { field: 'users', recipient: delegateUser, part: amberId },
    });
    expect(await deliveries(built.id)).toHaveLength(0);
  });

  it('sends to a recipient allowed to read every part, records and audits the delivery', async () => {
    const built = await buildBulletin(database, analyst, request, now);
    await expect(getBulletin(database.db, officer, built.id)).rejects.toMatchObject({ code: 'not_found' });
    const sent = await sendBulletin(database, analyst, built.id, { organizations: ['secretariat'] }, now);
    expect(sent.deliveries).toEqual([
      {
        recipientKind: 'org',
        recipientId: 'secretariat',
        deliveredAt: now.toISOString(),
        deliveredBy: `user:${(analyst as { userId: string }).userId}`,
      },
    ]);
    expect(await audited(built.id, 'bulletin.deliver')).toHaveLength(1);
    const received = await getBulletin(database.db, officer, built.id);
    expect(received.title).toBe('Annual bulletin 2024');
    expect(received.deliveries).toEqual([]);
    const inbox = await listBulletins(database.db, officer, { received: true });
    expect(inbox.items.map((b) => b.id)).toEqual([built.id]);
    await expect(bulletinSnapshot(database.db, delegate, built.id)).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('publishes only TLP:CLEAR bulletins, which anyone then reads', async () => {
    const amber = await buildBulletin(database, analyst, request, now);
    await expect(publishBulletin(database, analyst, amber.id, now)).rejects.toMatchObject({
      code: 'conflict',
    });
    const clear = await buildBulletin(
      database,
      analyst,
      { ...request, title: 'Kazakhstan 2024', states: ['KZ'], sections: ['overview', 'incidents'] },
      now,
    );
    expect(clear.tlp).toBe('clear');
    expect(clear.abilities.publish).toBe(true);
    await expect(getBulletin(database.db, ANONYMOUS, clear.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(publishBulletin(database, officer, clear.id, now)).rejects.toMatchObject({
      code: 'not_found',
    });
    const published = await publishBulletin(database, analyst, clear.id, now);
    expect(published.published).toBe(true);
    expect(await audited(clear.id, 'bulletin.publish')).toHaveLength(1);
    expect((await listPublished(database.db, {})).items.map((b) => b.id)).toEqual([clear.id]);
    expect((await getBulletin(database.db, ANONYMOUS, clear.id)).title).toBe('Kazakhstan 2024');
    expect((await getBulletin(database.db, delegate, clear.id)).published).toBe(true);
  });

  it('lets only analysts of the RATS Executive Committee build', async () => {
    await expect(buildBulletin(database, officer, request, now)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(buildBulletin(database, ANONYMOUS, request, now)).rejects.toMatchObject({
      code: 'forbidden',
    });
  });
});
