import { afterEach, beforeEach, expect, it } from 'vitest';
import { createTestDatabase, describeEachDialect, type TestDatabase } from '../../test/helpers/db.ts';
import { actorFor, makeUser, SYSTEM, seedIdentityBasics } from '../../test/helpers/identity-factory.ts';
import { smallReferenceData, writeDataDir } from '../../test/helpers/reference-factory.ts';
import { Conflict, Invalid, NotFound } from '../errors.ts';
import { seedReferenceData } from '../registry/reference-data.service.ts';
import { readReferenceData } from '../registry/reference-data.ts';
import { addPartnerCenter, listOrganizations, syncOrganizations } from './organizations.service.ts';
import { addUser, disableUser, getUser, listUsers, setRoles } from './users.service.ts';

describeEachDialect('users and organizations', (dialect) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await createTestDatabase(dialect);
    await seedIdentityBasics(database.db);
  });
  afterEach(() => database.destroy());
  const now = new Date();

  it('makes a delegation for each state that was ever a member, the Secretariat and the RATS committee', async () => {
    const orgs = await listOrganizations(database.db, SYSTEM);
    expect(orgs.items.map((o) => o.id).sort()).toEqual([
      'delegation-cn',
      'rats-executive-committee',
      'secretariat',
    ]);
    expect(await syncOrganizations(database.db, now)).toBe(0);
  });

  it('shows a user the users of their own organization only, in lists, counts and by id', async () => {
    const admin = await makeUser(database.db, { roles: ['admin'], organizationId: 'secretariat' });
    const officer = await makeUser(database.db, {
      roles: ['secretariat-officer'],
      organizationId: 'secretariat',
    });
    const delegate = await makeUser(database.db, { roles: ['delegate'] });
    await makeUser(database.db, { roles: ['head-of-delegation'] });
    const seenByDelegate = await listUsers(database.db, await actorFor(database.db, delegate.id), {});
    expect(seenByDelegate.total).toBe(2);
    expect(seenByDelegate.items.every((u) => u.organizationId === 'delegation-cn')).toBe(true);
    await expect(getUser(database.db, await actorFor(database.db, delegate.id), officer.id)).rejects.toThrow(
      NotFound,
    );
    const seenByAdmin = await listUsers(database.db, await actorFor(database.db, admin.id), {});
    expect(seenByAdmin.total).toBe(4);
    expect(seenByAdmin.items.find((u) => u.id === delegate.id)?.abilities).toEqual({
      read: true,
      update: true,
      'set-roles': true,
      disable: true,
    });
  });

  it('refuses bad input naming the field, and changes nothing', async () => {
    const base = {
      username: 'ok.name',
      displayName: 'Ok',
      organizationId: 'delegation-cn',
      roles: ['delegate'],
      password: 'long enough password',
    };
    await expect(addUser(database.db, SYSTEM, { ...base, username: 'x' }, now)).rejects.toMatchObject({
      details: { field: 'username' },
    });
    await expect(addUser(database.db, SYSTEM, { ...base, roles: ['analyst'] }, now)).rejects.toMatchObject({
      details: { field: 'roles' },
    });
    await expect(addUser(database.db, SYSTEM, { ...base, password: 'short' }, now)).rejects.toThrow(Invalid);
    await expect(
      addUser(database.db, SYSTEM, { ...base, organizationId: 'nowhere' }, now),
    ).rejects.toMatchObject({ details: { field: 'organizationId' } });
    expect((await listUsers(database.db, SYSTEM, {})).total).toBe(0);
    await addUser(database.db, SYSTEM, base, now);
    await expect(addUser(database.db, SYSTEM, { ...base, username: 'OK.name' }, now)).rejects.toThrow(
      Conflict,
    );
  });

  it('audits each change, and a disabled user has no actor', async () => {
    const user = await makeUser(database.db, { roles: ['delegate'] });
    await setRoles(database.db, SYSTEM, user.id, ['delegate', 'head-of-delegation'], now);
    await disableUser(database.db, SYSTEM, user.id, now);
    const log = await database.db
      .selectFrom('audit_log')
      .select(['action', 'subject_id'])
      .where('subject_id', '=', user.id)
      .orderBy('seq')
      .execute();
    expect(log.map((e) => e.action)).toEqual(['user.create', 'user.set-roles', 'user.disable']);
    await expect(actorFor(database.db, user.id)).rejects.toThrow(/no actor/);
  });

  it('lets delegation roles lapse from the date the state stops being a member', async () => {
    const delegate = await makeUser(database.db, { roles: ['delegate', 'admin'] });
    expect(
      (await actorFor(database.db, delegate.id)).kind === 'user' &&
        (await actorFor(database.db, delegate.id)),
    ).toMatchObject({
      roles: ['admin', 'delegate'],
    });
    const suspended = smallReferenceData();
    const cn = suspended.states[0];
    if (cn?.statuses[1]) {
      cn.statuses[1].to = '2020-01-01';
      cn.statuses.push({
        status: 'suspended',
        from: '2020-01-01',
        to: null,
        how: 'test',
        sources: ['https://example.org'],
        confidence: 'confirmed',
      });
    }
    await seedReferenceData(database.db, readReferenceData(writeDataDir(suspended)));
    expect(await actorFor(database.db, delegate.id)).toMatchObject({ roles: ['admin'] });
  });

  it('adds partner centers, refusing duplicates and bad ids', async () => {
    const center = await addPartnerCenter(
      database.db,
      SYSTEM,
      { id: 'cis-atc', name: { en: 'CIS Anti-Terrorism Center' } },
      now,
    );
    expect(center.kind).toBe('partner-center');
    await expect(
      addPartnerCenter(database.db, SYSTEM, { id: 'cis-atc', name: { en: 'Again' } }, now),
    ).rejects.toThrow(Conflict);
    await expect(
      addPartnerCenter(database.db, SYSTEM, { id: 'Bad Id', name: { en: 'X' } }, now),
    ).rejects.toMatchObject({ details: { field: 'id' } });
  });
});
