import { execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/db.ts';
import { makeUser, SYSTEM } from '../../../test/helpers/identity-factory.ts';
import { DATA_DIR, startServer } from '../../../test/helpers/server.ts';
import { type Database, openDatabase } from '../../db/kysely.ts';
import { prepareDatabase } from '../../server/prepare.ts';
import { addEndpoint } from '../partners/partners.records.service.ts';
import { importCandidates } from '../stix.import.ts';
import type { Tlp } from '../tlp.rules.ts';
import { TaxiiClient } from './taxii.client.ts';
import { pullDuePartners, push } from './taxii.exchange.ts';

/**
 * Exchange between two installations over TAXII 2.1: `sco taxii pull`, in a process of its own,
 * lands a collection of our server in another database, byte for byte, and resumes where it
 * ended; `push` sends what the receiver may read and nothing else.
 */

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../../..');

const stixObject = (type: string, name: string, modified = '2026-03-01T00:00:00.000Z') => ({
  type,
  spec_version: '2.1',
  id: `${type}--${randomUUID()}`,
  created: '2026-03-01T00:00:00.000Z',
  modified,
  name,
});

async function land(
  database: Database,
  objects: Record<string, unknown>[],
  tlp: Tlp,
  recipientOrgs: string[] = [],
) {
  await importCandidates(
    database,
    SYSTEM,
    (async function* () {
      yield objects.map((object, i) => ({ at: `objects[${i}]`, object: object as never }));
    })(),
    { tlp, recipientOrgs },
    new Date(),
  );
}

/** Every version a database holds: id, modified and the stored body. */
async function versionsIn(database: Database) {
  const rows = await database.db
    .selectFrom('stix_versions')
    .select(['id', 'modified', 'body'])
    .orderBy('id')
    .orderBy('modified')
    .execute();
  return rows.map((r) => `${r.id} ${r.modified} ${r.body}`);
}

describe('TAXII exchange between installations', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let analyst: { username: string; password: string };
  const dir = mkdtempSync(join(tmpdir(), 'sco-taxii-'));
  const targetFile = join(dir, 'target.db');

  beforeAll(async () => {
    server = await startServer();
    const user = await makeUser(server.database.db, {
      roles: ['analyst'],
      organizationId: 'rats-executive-committee',
    });
    analyst = { username: user.username, password: user.password };
    // 250 GREEN objects, some with two versions, and what the community collection must not serve.
    const green = Array.from({ length: 250 }, (_, i) => stixObject('threat-actor', `Pulled ${i}`));
    await land(server.database, green, 'green');
    await land(
      server.database,
      green
        .slice(0, 20)
        .map((o) => ({ ...o, name: `${o.name} (revised)`, modified: '2026-04-01T00:00:00.000Z' })),
      'green',
    );
    await land(server.database, [stixObject('campaign', 'Committee only')], 'amber', [
      'rats-executive-committee',
    ]);
    // The target installation, prepared as `npm start` prepares it.
    const target = openDatabase({ sqliteFile: targetFile });
    await prepareDatabase(target, { dataDir: DATA_DIR });
    await target.close();
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const sco = (...args: string[]) =>
    run(process.execPath, [join(ROOT, 'bin/sco.mjs'), ...args], {
      env: { ...process.env, SCO_DB_FILE: targetFile, SCO_TAXII_PASSWORD: analyst.password },
      encoding: 'utf8',
    });

  it('pulls the community collection in another process and lands the same versions, byte for byte', async () => {
    const apiRoot = `${server.url}/taxii2/api/`;
    const listed = await sco('taxii', 'collections', apiRoot, '--user', analyst.username);
    expect(listed.stdout).toMatch(/community/);
    const first = await sco(
      'taxii',
      'pull',
      apiRoot,
      '--collection',
      'community',
      '--user',
      analyst.username,
      '--quiet',
    );
    expect(first.stdout).toMatch(/read 270: 250 created, 20 new versions, 0 unchanged, 0 rejected/);

    const source = (await versionsIn(server.database)).filter((v) => !v.includes('Committee only'));
    const target = openDatabase({ sqliteFile: targetFile });
    try {
      expect(await versionsIn(target)).toEqual(source);
      // Nothing of the AMBER object crossed.
      expect((await versionsIn(target)).some((v) => v.includes('Committee only'))).toBe(false);
    } finally {
      await target.close();
    }

    // A second pull resumes after the last one: only what was added since comes.
    await land(server.database, [stixObject('threat-actor', 'Added later')], 'green');
    const second = await sco(
      'taxii',
      'pull',
      apiRoot,
      '--collection',
      'community',
      '--user',
      analyst.username,
      '--quiet',
    );
    expect(second.stdout).toMatch(/read 1: 1 created/);
    const third = await sco(
      'taxii',
      'pull',
      apiRoot,
      '--collection',
      'community',
      '--user',
      analyst.username,
      '--quiet',
    );
    expect(third.stdout).toMatch(/read 0:/);
  }, 180_000);

  it('fails clearly on a wrong password, landing nothing', async () => {
    const failed = await run(
      process.execPath,
      [
        join(ROOT, 'bin/sco.mjs'),
        'taxii',
        'pull',
        `${server.url}/taxii2/api/`,
        '--collection',
        'community',
        '--user',
        analyst.username,
      ],
      { env: { ...process.env, SCO_DB_FILE: targetFile, SCO_TAXII_PASSWORD: 'wrong' }, encoding: 'utf8' },
    ).catch((error: { code: number; stderr: string }) => error);
    expect((failed as { code: number }).code).toBe(1);
    expect((failed as { stderr: string }).stderr).toMatch(/401/);
  }, 60_000);

  describe('scheduled pulls of a partner center’s endpoint', () => {
    let receiver: TestDatabase;
    const key = randomBytes(32).toString('base64');

    beforeAll(async () => {
      process.env.SCO_SECRET_KEY = key;
      receiver = await createTestDatabase('sqlite');
      await prepareDatabase(receiver, { dataDir: DATA_DIR });
    });
    afterAll(async () => {
      delete process.env.SCO_SECRET_KEY;
      await receiver.destroy();
    });

    it('pulls when due, from where the last pull ended, and records how it went on the endpoint', async () => {
      const t0 = new Date('2026-11-28T10:00:00.000Z');
      const endpoint = await addEndpoint(
        receiver.db,
        SYSTEM,
        'cis-atc',
        {
          apiRoot: `${server.url}/taxii2/api/`,
          collectionId: 'community',
          direction: 'pull',
          auth: 'basic',
          username: analyst.username,
          secret: analyst.password,
          pullEveryMinutes: 60,
        },
        t0,
      );
      const first = await pullDuePartners(receiver, () => t0);
      expect(first).toEqual([{ endpoint: endpoint.id, ok: true, message: expect.stringMatching(/created/) }]);
      const landed = await receiver.db
        .selectFrom('stix_objects')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('creator_org', '=', 'cis-atc')
        .executeTakeFirstOrThrow();
      expect(Number(landed.n)).toBeGreaterThanOrEqual(250);
      const row = await receiver.db
        .selectFrom('partner_endpoints')
        .selectAll()
        .where('id', '=', endpoint.id)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({ last_pull_status: 'ok', last_pull_at: t0.toISOString() });
      expect(row.cursor).toMatch(/^\d{4}-\d\d-\d\dT.*Z$/);

      // Ten minutes later nothing is due; an hour later the pull brings only what was added since.
      expect(await pullDuePartners(receiver, () => new Date(t0.getTime() + 10 * 60_000))).toEqual([]);
      await land(server.database, [stixObject('threat-actor', 'Added for the partner pull')], 'green');
      const later = await pullDuePartners(receiver, () => new Date(t0.getTime() + 61 * 60_000));
      expect(later).toEqual([
        { endpoint: endpoint.id, ok: true, message: expect.stringMatching(/^1 objects: 1 created/) },
      ]);
    });

    it('records a failed pull with its reason and keeps the cursor', async () => {
      const t0 = new Date('2026-11-28T12:00:00.000Z');
      const endpoint = await addEndpoint(
        receiver.db,
        SYSTEM,
        'csto',
        {
          apiRoot: `${server.url}/taxii2/api/`,
          collectionId: 'community',
          direction: 'pull',
          auth: 'basic',
          username: analyst.username,
          secret: 'not the password',
          pullEveryMinutes: 30,
        },
        t0,
      );
      const outcomes = await pullDuePartners(receiver, () => t0);
      expect(outcomes.find((o) => o.endpoint === endpoint.id)).toMatchObject({
        ok: false,
        message: expect.stringMatching(/401/),
      });
      const row = await receiver.db
        .selectFrom('partner_endpoints')
        .selectAll()
        .where('id', '=', endpoint.id)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({ last_pull_status: 'failed', cursor: null });
    });
  });

  describe('push', () => {
    let sender: TestDatabase;

    beforeAll(async () => {
      sender = await createTestDatabase('sqlite');
      await prepareDatabase(sender, { dataDir: DATA_DIR });
    });
    afterAll(async () => sender.destroy());

    it('sends only what the receiver may read, and the server lands it', async () => {
      const shared = stixObject('intrusion-set', 'Pushed green');
      const secret = stixObject('intrusion-set', 'Kept amber');
      await land(sender, [shared], 'green');
      await land(sender, [secret], 'amber');
      const client = new TaxiiClient(`${server.url}/taxii2/api/`, { kind: 'basic', ...analyst });
      const report = await push(sender, client, 'rats-executive-committee', {
        forOrganization: null,
        filter: { types: ['intrusion-set'] },
      });
      expect(report).toEqual({ sent: 1, succeeded: 1, failed: 0, failures: [] });
      const page = await client.page('rats-executive-committee', { limit: 1000 });
      const names = page.objects.map((o) => (o as { name: string }).name);
      expect(names).toContain('Pushed green');
      expect(names).not.toContain('Kept amber');
    });
  });
});
