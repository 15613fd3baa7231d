import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describeEachDialect, type TestDatabase } from '../../test/helpers/db.ts';
import { actorFor, makeUser, SYSTEM, seedIdentityBasics } from '../../test/helpers/identity-factory.ts';
import { addPartnerCenter, delegationId } from '../identity/organizations.service.ts';
import { type Actor, ANONYMOUS, authorize, type Role } from '../identity/policy.rules.ts';
import * as repo from './stix.repository.ts';
import { getObject, listObjects, saveObject } from './stix.service.ts';
import { TLP_LEVELS } from './tlp.rules.ts';

/**
 * The sharing rules hold on every read path: for generated organizations, users, objects,
 * markings and recipients, each reader gets, lists, searches, counts and exports an object
 * exactly when the policy says it may read it.
 */

const ORGS = [delegationId('CN'), 'secretariat', 'rats-executive-committee', 'partner-cis-atc'];

describeEachDialect('who sees what under TLP', (dialect) => {
  let database: TestDatabase;
  const users: { actor: Actor; org: string }[] = [];

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    await seedIdentityBasics(database.db);
    await addPartnerCenter(
      database.db,
      SYSTEM,
      { id: 'partner-cis-atc', name: { en: 'CIS ATC' } },
      new Date(),
    );
    const roleOf: Record<string, Role> = {
      [delegationId('CN')]: 'delegate',
      secretariat: 'secretariat-officer',
      'rats-executive-committee': 'analyst',
      'partner-cis-atc': 'analyst',
    };
    for (const org of ORGS) {
      for (let i = 0; i < 2; i++) {
        const user = await makeUser(database.db, { roles: [roleOf[org] as Role], organizationId: org });
        users.push({ actor: await actorFor(database.db, user.id), org });
      }
    }
  }, 60_000);
  afterAll(() => database.destroy());

  const objectArb = fc.record({
    creator: fc.nat({ max: 7 }),
    tlp: fc.constantFrom(...TLP_LEVELS),
    orgs: fc.subarray(ORGS),
    users: fc.subarray([0, 1, 2, 3, 4, 5, 6, 7]),
  });

  it('get, list, search, totals and export agree with the policy for every reader', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(objectArb, { minLength: 1, maxLength: 12 }), async (specs) => {
        run += 1;
        const marker = `run${run}x${Math.random().toString(36).slice(2, 8)}`;
        const ids: string[] = [];
        const stored: { id: string; tlp: string; creatorOrg: string; orgs: string[]; users: string[] }[] = [];
        for (const [i, spec] of specs.entries()) {
          const creator = users[spec.creator] as { actor: Actor; org: string };
          const saved = await saveObject(
            database,
            creator.actor,
            {
              object: { type: 'threat-actor', name: `${marker} actor ${i}` },
              tlp: spec.tlp,
              recipientOrgs: spec.orgs,
              recipientUsers: spec.users.map((u) => (users[u] as { actor: { userId: string } }).actor.userId),
            },
            new Date(),
          );
          ids.push(saved.object.id);
          const recipients = await repo.recipientsOf(database.db, saved.object.id);
          stored.push({
            id: saved.object.id,
            tlp: saved.tlp,
            creatorOrg: creator.org,
            orgs: recipients.filter((r) => r.kind === 'org').map((r) => r.principal),
            users: recipients.filter((r) => r.kind === 'user').map((r) => r.principal),
          });
        }
        for (const reader of [...users.map((u) => u.actor), ANONYMOUS]) {
          const expected = stored
            .filter((o) =>
              authorize(reader, 'read', 'stix', {
                tlp: o.tlp,
                creatorOrg: o.creatorOrg,
                recipientOrgs: o.orgs,
                recipientUsers: o.users,
              }),
            )
            .map((o) => o.id)
            .sort();
          const listed = await listObjects(database.db, reader, { ids }, { limit: 100, offset: 0 });
          expect(listed.items.map((x) => x.id).sort()).toEqual(expected);
          expect(listed.total).toBe(expected.length);
          const searched = await listObjects(database.db, reader, { q: marker }, { limit: 100, offset: 0 });
          expect(searched.items.map((x) => x.id).sort()).toEqual(expected);
          const exported: string[] = [];
          for await (const body of repo.latestBodies(database.db, reader, { ids }))
            exported.push(JSON.parse(body).id);
          expect(exported.sort()).toEqual(expected);
          for (const o of stored) {
            const seen = await getObject(database.db, reader, o.id).then(
              () => true,
              () => false,
            );
            expect(seen).toBe(expected.includes(o.id));
          }
        }
      }),
      { numRuns: dialect === 'sqlite' ? 25 : 10 },
    );
  }, 180_000);
});
