import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describeEachDialect, type TestDatabase } from '../../test/helpers/db.ts';
import { actorFor, makeUser, SYSTEM, seedIdentityBasics } from '../../test/helpers/identity-factory.ts';
import type { Actor } from '../identity/policy.rules.ts';
import { exportBundle } from './stix.export.ts';
import { ImportRejected, importStix } from './stix.import.ts';
import { getObject, listObjects, objectVersions, saveObject } from './stix.service.ts';
import { TLP2_IDS } from './tlp.rules.ts';

/** Imports of STIX bundles and exports back: whole or nothing, reported by path, idempotent, round trip. */

const t = (minute: number) => new Date(Date.UTC(2026, 10, 1, 9, minute)).toISOString();
const actor = (name: string, extra: Record<string, unknown> = {}) => ({
  type: 'threat-actor',
  spec_version: '2.1',
  id: `threat-actor--${randomUUID()}`,
  created: t(0),
  modified: t(0),
  name,
  threat_actor_types: ['terrorist'],
  ...extra,
});
const bundle = (objects: unknown[]) =>
  JSON.stringify({ type: 'bundle', id: `bundle--${randomUUID()}`, objects });
/** The text in chunks of `size` characters, as a file arrives from a stream. */
async function* chunks(text: string, size = 37) {
  for (let i = 0; i < text.length; i += size) yield Buffer.from(text.slice(i, i + size));
}
const text = async (parts: AsyncIterable<string>) => {
  let all = '';
  for await (const part of parts) all += part;
  return all;
};

describeEachDialect('STIX bundles in and out', (dialect) => {
  let first: TestDatabase;
  let second: TestDatabase;
  let analyst: Actor;
  let other: Actor;

  beforeAll(async () => {
    first = await createTestDatabase(dialect);
    second = await createTestDatabase(dialect);
    for (const database of [first, second]) await seedIdentityBasics(database.db);
    analyst = await actorFor(
      first.db,
      (await makeUser(first.db, { roles: ['analyst'], organizationId: 'rats-executive-committee' })).id,
    );
    other = await actorFor(first.db, (await makeUser(first.db, { roles: ['delegate'] })).id);
  }, 60_000);
  afterAll(async () => {
    await first.destroy();
    await second.destroy();
  });

  it('lands a bundle whole, keeps unknown properties and every version, and a re-import changes nothing', async () => {
    const a = actor('Synthetic Front', { x_sco_note: { kept: [1, 'two'] }, aliases: ['SF'] });
    const a2 = { ...a, modified: t(5), description: 'Second version' };
    const report = await importStix(first, analyst, chunks(bundle([a, a2])), { tlp: 'green' }, new Date());
    expect(report).toMatchObject({ read: 2, created: 1, versioned: 1, rejected: 0, landed: true });
    const seen = await getObject(first.db, other, a.id);
    expect(seen.object).toMatchObject({ x_sco_note: { kept: [1, 'two'] }, description: 'Second version' });
    expect(seen.object.object_marking_refs).toEqual([TLP2_IDS.green]);
    expect((await objectVersions(first.db, other, a.id)).map((v) => v.modified)).toEqual([t(0), t(5)]);
    const again = await importStix(first, analyst, chunks(bundle([a, a2])), { tlp: 'green' }, new Date());
    expect(again).toMatchObject({ created: 0, versioned: 0, unchanged: 2 });
  });

  it('rejects a bundle with faults as a whole, naming each object and property path', async () => {
    const good = actor('Good Actor');
    const bad = actor('Bad', { confidence: 140, id: 'threat-actor--not-a-uuid' });
    const report = { tlp: 'green' as const };
    const attempt = importStix(
      first,
      analyst,
      chunks(bundle([good, bad, { type: 'malware', id: 'x' }])),
      report,
      new Date(),
    );
    await expect(attempt).rejects.toThrow(ImportRejected);
    const rejected = (await attempt.catch((e: ImportRejected) => e.report)) as ImportRejected['report'];
    expect(rejected.rejections).toEqual(
      expect.arrayContaining([
        { at: 'objects[1]', field: 'id', problem: 'must be threat-actor--UUID' },
        { at: 'objects[1]', field: 'confidence', problem: 'must be at most 100' },
        { at: 'objects[2]', field: 'type', problem: 'malware is not a type this knowledge base holds' },
      ]),
    );
    expect((await listObjects(first.db, analyst, { ids: [good.id] }, { limit: 10, offset: 0 })).total).toBe(
      0,
    );
    const partial = await importStix(
      first,
      analyst,
      chunks(bundle([good, bad])),
      { tlp: 'green', partial: true },
      new Date(),
    );
    expect(partial).toMatchObject({ created: 1, rejected: 1, landed: true });
  });

  it('prepares a bundle larger than a mebibyte on a worker thread, with the same report and result', async () => {
    // 4,000 actors of about 400 bytes: the importer hands the file to its worker.
    const many = Array.from({ length: 4000 }, (_, i) =>
      actor(`Large bundle group ${i}`, { description: 'x'.repeat(300) }),
    );
    const bad = actor('Faulty', { confidence: 140 });
    const text = bundle([...many.slice(0, 3500), bad, ...many.slice(3500)]);
    expect(text.length).toBeGreaterThan(1 << 20);
    const attempt = importStix(first, analyst, chunks(text, 65_536), { tlp: 'green' }, new Date());
    await expect(attempt).rejects.toThrow(ImportRejected);
    const rejected = (await attempt.catch((e: ImportRejected) => e.report)) as ImportRejected['report'];
    expect(rejected.rejections).toEqual([
      { at: 'objects[3500]', field: 'confidence', problem: 'must be at most 100' },
    ]);
    expect(rejected.read).toBe(4001);
    const ids = many.map((m) => m.id);
    const none = await listObjects(first.db, analyst, { ids }, { limit: 1, offset: 0 });
    expect(none.total).toBe(0);
    const partial = await importStix(
      first,
      analyst,
      chunks(text, 65_536),
      { tlp: 'green', partial: true },
      new Date(),
    );
    expect(partial).toMatchObject({ read: 4001, created: 4000, rejected: 1, landed: true });
    const landed = await listObjects(first.db, other, { ids }, { limit: 1, offset: 0 });
    expect(landed.total).toBe(4000);
    await expect(
      importStix(
        first,
        analyst,
        chunks(`{"type":"bundle","objects":[${'1,'.repeat(600_000)}`),
        { tlp: 'green' },
        new Date(),
      ),
    ).rejects.toThrow(/not a STIX bundle/);
  });

  it('raises a marking to the strictest of what an object references', async () => {
    const secret = actor('Amber Group');
    await importStix(first, analyst, chunks(bundle([secret])), { tlp: 'amber' }, new Date());
    const saved = await saveObject(
      first,
      analyst,
      {
        object: { type: 'report', name: 'About it', published: t(9), object_refs: [secret.id] },
        tlp: 'TLP:GREEN',
      },
      new Date(),
    );
    expect(saved.tlp).toBe('amber');
    await expect(getObject(first.db, other, saved.object.id)).rejects.toThrow(/not found/);
  });

  it('raises an imported marking to what it references: stored before, earlier in the import, or in the same batch', async () => {
    const stored = actor('Stored Amber Group');
    await importStix(first, analyst, chunks(bundle([stored])), { tlp: 'amber' }, new Date());
    const report = (name: string, refs: string[]) => ({
      type: 'report',
      spec_version: '2.1',
      id: `report--${randomUUID()}`,
      created: t(1),
      modified: t(1),
      name,
      published: t(1),
      object_refs: refs,
    });
    const early = actor('Early Amber Group', { object_marking_refs: [TLP2_IDS.amber] });
    const fillers = [actor('Filler One'), actor('Filler Two')];
    const near = actor('Near Amber Group', { object_marking_refs: [TLP2_IDS.amber] });
    const objects = [
      early,
      ...fillers,
      report('Refers to an object of an earlier batch', [early.id]),
      report('Refers to an object stored before', [stored.id]),
      near,
      report('Refers to an object of its own batch', [near.id]),
    ];
    // Batches of two: the references cross batches, and reach into the store.
    await importStix(first, analyst, chunks(bundle(objects)), { tlp: 'green', batchSize: 2 }, new Date());
    const levels = await Promise.all(
      objects.map(async (o) => [
        (o as { name: string }).name,
        (await getObject(first.db, analyst, o.id)).tlp,
      ]),
    );
    expect(Object.fromEntries(levels)).toEqual({
      'Early Amber Group': 'amber',
      'Filler One': 'green',
      'Filler Two': 'green',
      'Refers to an object of an earlier batch': 'amber',
      'Refers to an object stored before': 'amber',
      'Near Amber Group': 'amber',
      'Refers to an object of its own batch': 'amber',
    });
  });

  it('keeps the references of the latest version when two versions arrive in one batch or in two', async () => {
    for (const batchSize of [undefined, 1]) {
      const [a, b] = [actor(`Referenced First ${batchSize}`), actor(`Referenced Later ${batchSize}`)];
      const [id, other] = [`report--${randomUUID()}`, `report--${randomUUID()}`];
      const version = (minute: number, refs: string[]) => ({
        type: 'report',
        spec_version: '2.1',
        id,
        created: t(1),
        modified: t(minute),
        name: 'A report revised',
        published: t(1),
        object_refs: refs,
      });
      await importStix(
        first,
        analyst,
        chunks(bundle([a, b, version(1, [a.id]), version(2, [b.id]), { ...version(3, [a.id]), id: other }])),
        { tlp: 'green', batchSize },
        new Date(),
      );
      const refs = async (source: string) =>
        (
          await first.db.selectFrom('stix_refs').select('target_id').where('source_id', '=', source).execute()
        ).map((r) => r.target_id);
      expect(await refs(id)).toEqual([b.id]);
      // The last object of the import, new, with its references.
      expect(await refs(other)).toEqual([a.id]);
      expect((await objectVersions(first.db, analyst, id)).length).toBe(2);
    }
  });

  it('exports what the reader may see; importing the export elsewhere and exporting again gives the same bundle', async () => {
    const exported = JSON.parse(await text(exportBundle(first.db, analyst, {})));
    const reimport = await importStix(
      second,
      SYSTEM,
      chunks(JSON.stringify(exported), 4096),
      { tlp: 'clear' },
      new Date(),
    );
    expect(reimport.rejected).toBe(0);
    const again = JSON.parse(await text(exportBundle(second.db, SYSTEM, {})));
    const byId = (b: { objects: { id: string }[] }) => [...b.objects].sort((x, y) => (x.id < y.id ? -1 : 1));
    expect(byId(again)).toEqual(byId(exported));
    const asOther = JSON.parse(await text(exportBundle(first.db, other, {})));
    expect(asOther.objects.some((o: { name?: string }) => o.name === 'Amber Group')).toBe(false);
  });
});
