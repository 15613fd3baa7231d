import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, describeEachDialect, type TestDatabase } from '../../../test/helpers/db.ts';
import { actorFor, makeUser, seedIdentityBasics } from '../../../test/helpers/identity-factory.ts';
import { listAudit } from '../../identity/audit.service.ts';
import { delegationId } from '../../identity/organizations.service.ts';
import { type Actor, ANONYMOUS } from '../../identity/policy.rules.ts';
import { saveObject } from '../stix.service.ts';
import { readPartners } from './partners.data.ts';
import { addAgreement, addContact, addEndpoint, updateEndpoint } from './partners.records.service.ts';
import {
  createPartner,
  endpointById,
  endpointsDue,
  getPartner,
  listPartners,
  receivedFrom,
  recordPull,
  sharedWith,
  syncPartners,
  updatePartner,
} from './partners.service.ts';

const KEY = Buffer.alloc(32, 7);
const key = () => KEY;
const DATA_DIR = resolve(import.meta.dirname, '../../../data');
const NOW = new Date('2026-03-01T10:00:00Z');
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);
const page = { limit: 50, offset: 0 };

describeEachDialect('the partner registry', (dialect) => {
  let database: TestDatabase;
  let admin: Actor;
  let delegate: Actor;
  let ratsAnalyst: Actor;
  let cisAnalyst: Actor;
  let cstoAnalyst: Actor;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    const { db } = database;
    await seedIdentityBasics(db);
    await syncPartners(db, readPartners(DATA_DIR), NOW);
    const as = async (roles: Parameters<typeof makeUser>[1]) => actorFor(db, (await makeUser(db, roles)).id);
    admin = await as({ roles: ['admin'], organizationId: 'secretariat' });
    delegate = await as({ roles: ['delegate'], organizationId: delegationId('CN') });
    ratsAnalyst = await as({ roles: ['analyst'], organizationId: 'rats-executive-committee' });
    cisAnalyst = await as({ roles: ['analyst'], organizationId: 'cis-atc' });
    cstoAnalyst = await as({ roles: ['analyst'], organizationId: 'csto' });
  }, 60_000);
  afterAll(() => database.destroy());

  describe('reading', () => {
    it('loads the reference partners once, with their names in three languages', async () => {
      expect(await syncPartners(database.db, readPartners(DATA_DIR), NOW)).toBe(0);
      const cis = await getPartner(database.db, delegate, 'cis-atc');
      expect(cis.name.ru).toContain('СНГ');
      expect(cis.seat).toBe('Bishkek');
      expect(cis.agreements).toEqual([]);
    });

    it('shows a delegation every entry and a partner center only its own', async () => {
      const all = await listPartners(database.db, delegate);
      expect(all.items.map((p) => p.id)).toEqual(expect.arrayContaining(['cis-atc', 'csto', 'un-cted']));
      const own = await listPartners(database.db, cisAnalyst);
      expect(own.items.map((p) => p.id)).toEqual(['cis-atc']);
      await expect(getPartner(database.db, cisAnalyst, 'csto')).rejects.toMatchObject({ code: 'not_found' });
    });

    it('shows the public nothing, as if there were nothing', async () => {
      expect((await listPartners(database.db, ANONYMOUS)).items).toEqual([]);
      await expect(getPartner(database.db, ANONYMOUS, 'cis-atc')).rejects.toMatchObject({
        code: 'not_found',
      });
      await expect(getPartner(database.db, delegate, 'no-such')).rejects.toMatchObject({ code: 'not_found' });
    });
  });

  describe('editing', () => {
    it('lets an administrator add a partner and change it, audited', async () => {
      const created = await createPartner(
        database.db,
        admin,
        {
          id: 'kz-atc',
          name: { en: 'National Antiterrorist Center' },
          kind: 'national-center',
          seat: 'Astana',
        },
        NOW,
      );
      expect(created.status).toBe('active');
      const changed = await updatePartner(database.db, admin, 'kz-atc', { status: 'suspended' }, NOW);
      expect(changed.status).toBe('suspended');
      const log = await listAudit(database.db, admin, { subject: 'kz-atc' });
      expect(log.items.map((e) => e.action)).toEqual(
        expect.arrayContaining(['organization.create', 'partner.create', 'partner.update']),
      );
    });

    it('refuses others, and hides from a partner what it may not read', async () => {
      const input = { id: 'x-center', name: { en: 'X' }, kind: 'national-center' };
      await expect(createPartner(database.db, delegate, input, NOW)).rejects.toMatchObject({
        code: 'forbidden',
      });
      await expect(updatePartner(database.db, ratsAnalyst, 'csto', { seat: 'X' }, NOW)).rejects.toMatchObject(
        {
          code: 'forbidden',
        },
      );
      await expect(
        addContact(
          database.db,
          cisAnalyst,
          'cis-atc',
          { office: 'Duty desk', phone: '+7 495 000 00 00' },
          NOW,
        ),
      ).rejects.toMatchObject({ code: 'forbidden' });
      await expect(
        addContact(
          database.db,
          cstoAnalyst,
          'cis-atc',
          { office: 'Duty desk', phone: '+7 495 000 00 00' },
          NOW,
        ),
      ).rejects.toMatchObject({ code: 'not_found' });
    });

    it("lets a RATS analyst record an agreement and an endpoint, and says so in the partner's entry", async () => {
      await addAgreement(
        database.db,
        ratsAnalyst,
        'csto',
        { title: 'Memorandum on exchange', signedOn: '2025-05-01', scope: 'Exchange of GREEN reports' },
        NOW,
      );
      const endpoint = await addEndpoint(
        database.db,
        ratsAnalyst,
        'csto',
        {
          apiRoot: 'https://taxii.example.org/api1',
          collectionId: 'c1',
          direction: 'pull',
          auth: 'basic',
          username: 'rats',
          secret: 'open sesame',
        },
        NOW,
        key,
      );
      expect(endpoint.apiRoot).toBe('https://taxii.example.org/api1/');
      expect(endpoint.hasSecret).toBe(true);
      const entry = await getPartner(database.db, cstoAnalyst, 'csto');
      expect(entry.agreements.map((a) => a.title)).toEqual(['Memorandum on exchange']);
      expect(JSON.stringify(entry)).not.toContain('open sesame');
      const log = await listAudit(database.db, admin, { subject: endpoint.id });
      expect(log.items.map((e) => e.action)).toEqual(['partner.endpoint.add']);
    });

    it('names the field of a bad agreement', async () => {
      const base = { title: 'T', scope: 'S' };
      await expect(
        addAgreement(database.db, admin, 'csto', { ...base, signedOn: '2026-03-02' }, NOW),
      ).rejects.toMatchObject({ details: { field: 'signedOn' } });
      await expect(
        addAgreement(
          database.db,
          admin,
          'csto',
          { ...base, signedOn: '2025-01-02', validUntil: '2025-01-01' },
          NOW,
        ),
      ).rejects.toMatchObject({ details: { field: 'validUntil' } });
    });
  });

  describe('the TAXII client contract', () => {
    let hourly: string;
    let pushOnly: string;

    beforeAll(async () => {
      hourly = (
        await addEndpoint(
          database.db,
          admin,
          'un-cted',
          {
            apiRoot: 'https://cted.example.org/taxii/',
            collectionId: 'reports',
            direction: 'both',
            auth: 'bearer',
            secret: 'tok-123',
            tlp: 'amber',
            pullEveryMinutes: 60,
          },
          NOW,
          key,
        )
      ).id;
      pushOnly = (
        await addEndpoint(
          database.db,
          admin,
          'un-cted',
          { apiRoot: 'https://cted.example.org/in/', collectionId: 'inbox', direction: 'push' },
          NOW,
          key,
        )
      ).id;
    });

    it('gives an endpoint with its secret unsealed, for the client only', async () => {
      expect(await endpointById(database.db, hourly, KEY)).toEqual({
        id: hourly,
        organizationId: 'un-cted',
        apiRoot: 'https://cted.example.org/taxii/',
        collectionId: 'reports',
        auth: { kind: 'bearer', token: 'tok-123' },
        tlp: 'amber',
        cursor: null,
      });
      expect(await endpointById(database.db, 'no-such', KEY)).toBeUndefined();
    });

    it('is due when never pulled, then again once its interval has passed', async () => {
      const due = async (at: Date) => (await endpointsDue(database.db, at, KEY)).map((t) => t.id);
      expect(await due(NOW)).toContain(hourly);
      expect(await due(NOW)).not.toContain(pushOnly);
      await recordPull(database.db, hourly, {
        at: NOW,
        ok: true,
        message: '3 objects',
        count: 3,
        cursor: 'c-1',
      });
      expect(await due(minutes(59))).not.toContain(hourly);
      expect(await due(minutes(60))).toContain(hourly);
    });

    it('moves the cursor only when given one, and records failures', async () => {
      await recordPull(database.db, hourly, {
        at: minutes(60),
        ok: true,
        message: 'ok',
        count: 2,
        cursor: 'c-2',
      });
      await recordPull(database.db, hourly, { at: minutes(120), ok: false, message: 'timeout', count: 0 });
      expect((await endpointById(database.db, hourly, KEY))?.cursor).toBe('c-2');
      const entry = await getPartner(database.db, admin, 'un-cted');
      const shown = entry.endpoints.find((e) => e.id === hourly);
      expect(shown).toMatchObject({ lastPullStatus: 'failed', lastPullMessage: 'timeout', lastPullCount: 0 });
      const log = await listAudit(database.db, admin, { subject: hourly });
      expect(log.items.filter((e) => e.action === 'partner.pull')).toHaveLength(3);
    });

    it('moves the cursor inside the transaction the client gives', async () => {
      await database.db.transaction().execute(async (trx) => {
        await recordPull(trx, hourly, { at: minutes(180), ok: true, message: 'ok', count: 1, cursor: 'c-3' });
      });
      expect((await endpointById(database.db, hourly, KEY))?.cursor).toBe('c-3');
    });

    it("stops pulling a suspended partner's endpoints", async () => {
      await updatePartner(database.db, admin, 'un-cted', { status: 'suspended' }, NOW);
      expect((await endpointsDue(database.db, minutes(10_000), KEY)).map((t) => t.id)).not.toContain(hourly);
      await updatePartner(database.db, admin, 'un-cted', { status: 'active' }, NOW);
    });

    it('forgets the cursor when the endpoint moves to another collection', async () => {
      await updateEndpoint(database.db, admin, 'un-cted', hourly, { collectionId: 'other' }, NOW, key);
      const target = await endpointById(database.db, hourly, KEY);
      expect(target?.cursor).toBeNull();
      expect(target?.auth).toEqual({ kind: 'bearer', token: 'tok-123' });
    });
  });

  describe('what is shared with and what came from a partner', () => {
    beforeAll(async () => {
      const save = (actor: Actor, name: string, tlp: string, recipientOrgs: string[] = []) =>
        saveObject(database, actor, { object: { type: 'threat-actor', name }, tlp, recipientOrgs }, NOW);
      await save(ratsAnalyst, 'green for all', 'green');
      await save(ratsAnalyst, 'amber for cis', 'amber', ['cis-atc']);
      await save(ratsAnalyst, 'amber for cis and cn', 'amber', ['cis-atc', delegationId('CN')]);
      await save(ratsAnalyst, 'amber for rats', 'amber');
      await save(cisAnalyst, 'from cis, green', 'green');
      await save(cisAnalyst, 'from cis, amber for rats', 'amber', ['rats-executive-committee']);
    });

    it('counts per TLP what the partner may read, among what the reader may read', async () => {
      const forRats = await sharedWith(database.db, ratsAnalyst, 'cis-atc', page);
      expect(forRats.counts).toMatchObject({ green: 2, amber: 3, red: 0 });
      expect(forRats.items.map((i) => i.name)).not.toContain('amber for rats');
      const forDelegate = await sharedWith(database.db, delegate, 'cis-atc', page);
      expect(forDelegate.counts).toMatchObject({ green: 2, amber: 1 });
      expect(forDelegate.total).toBe(3);
    });

    it('lists what the partner created, among what the reader may read', async () => {
      const forRats = await receivedFrom(database.db, ratsAnalyst, 'cis-atc', page);
      expect(forRats.items.map((i) => i.name).sort()).toEqual([
        'from cis, amber for rats',
        'from cis, green',
      ]);
      const forDelegate = await receivedFrom(database.db, delegate, 'cis-atc', page);
      expect(forDelegate.items.map((i) => i.name)).toEqual(['from cis, green']);
      await expect(receivedFrom(database.db, cstoAnalyst, 'cis-atc', page)).rejects.toMatchObject({
        code: 'not_found',
      });
    });
  });
});

describe('the reference partners file', () => {
  it('holds the three partners the issue names, each with sources', () => {
    const records = readPartners(join(DATA_DIR));
    expect(records.map((r) => r.id)).toEqual(['cis-atc', 'un-cted', 'csto']);
    for (const r of records) expect(r.sources.length).toBeGreaterThan(0);
  });
});
