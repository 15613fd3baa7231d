import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describeEachDialect, type TestDatabase } from '../../test/helpers/db.ts';
import { SYSTEM } from '../../test/helpers/identity-factory.ts';
import { DATA_DIR } from '../../test/helpers/server.ts';
import { delegationId } from '../identity/organizations.service.ts';
import { GTD_EXTENSION } from '../intel/stix.definitions.ts';
import { importCandidates } from '../intel/stix.import.ts';
import { deleteObject, shareObject } from '../intel/stix.service.ts';
import type { Tlp } from '../intel/tlp.rules.ts';
import { prepareDatabase } from '../server/prepare.ts';
import {
  audienceKey,
  categoryOf,
  changes,
  detailKey,
  type Facts,
  factsOf,
  yearKey,
} from './rollups.rules.ts';

/**
 * After any sequence of imports, new versions, shares and removals of incidents, the rollups
 * equal a recomputation from the incidents as they stand.
 */

const IDS = Array.from({ length: 6 }, (_, i) => `incident--00000000-0000-4000-8000-00000000000${i}`);
const TLPS: Tlp[] = ['clear', 'green', 'amber', 'red'];
const ORGS = [delegationId('KZ'), delegationId('RU'), 'secretariat'];

const gtd = fc.record({
  date_start: fc.constantFrom('2001', '2001-03', '2002-07-14', '2003-12-01'),
  country_code: fc.constantFrom('KZ', 'KG', 'CN', undefined),
  attack_types: fc.constantFrom(['Bombing/Explosion'], ['Armed Assault', 'Bombing/Explosion'], []),
  weapon_types: fc.constantFrom(['Explosives'], ['Firearms'], ['Chemical']),
  target_types: fc.constantFrom(['Police'], ['Private Citizens & Property']),
  killed: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }),
  wounded: fc.option(fc.integer({ min: 0, max: 90 }), { nil: undefined }),
  property_extent: fc.constantFrom(
    'Minor (likely < $1 million)',
    'Major (likely >= $1 million but < $1 billion)',
    'Unknown',
    undefined,
  ),
});

const operation = fc.oneof(
  fc.record({
    op: fc.constant('write' as const),
    id: fc.constantFrom(...IDS),
    gtd,
    tlp: fc.constantFrom(...TLPS),
    recipients: fc.subarray(ORGS),
    category: fc.constantFrom(undefined, 'drug-trafficking', 'organized-crime', 'not a category'),
    earlier: fc.option(gtd, { nil: undefined }),
    // A later record of the same import, in a batch of its own when `batchSize` is 1: another
    // incident, or a later version of this one (its facts must be in place to be taken away).
    later: fc.option(fc.record({ id: fc.constantFrom(...IDS), gtd }), { nil: undefined }),
    batchSize: fc.constantFrom(undefined, 1),
    // The import ends with a record that is rejected: nothing of it lands.
    rejected: fc.boolean(),
  }),
  fc.record({
    op: fc.constant('share' as const),
    id: fc.constantFrom(...IDS),
    tlp: fc.constantFrom(...TLPS),
    recipients: fc.subarray(ORGS),
  }),
  fc.record({ op: fc.constant('remove' as const), id: fc.constantFrom(...IDS), latestOnly: fc.boolean() }),
);

describeEachDialect('incident rollups', (dialect) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    await prepareDatabase(database, { dataDir: DATA_DIR });
  });
  afterAll(async () => database.destroy());

  /** The rollups as stored, without rows the changes brought back to nothing. */
  async function stored() {
    const detail = await database.db.selectFrom('rollups').selectAll().execute();
    const yearly = await database.db.selectFrom('rollups_year').selectAll().execute();
    for (const row of [...detail, ...yearly]) {
      if (row.incidents === 0)
        expect([row.killed, row.wounded, row.property, row.cbrn]).toEqual([0, 0, 0, 0]);
    }
    const key = (r: Record<string, unknown>, fields: string[]) => fields.map((f) => r[f]).join('\u0001');
    const sums = (r: {
      incidents: number;
      killed: number;
      wounded: number;
      property: number;
      cbrn: number;
    }) => ({
      incidents: Number(r.incidents),
      killed: Number(r.killed),
      wounded: Number(r.wounded),
      property: Number(r.property),
      cbrn: Number(r.cbrn),
    });
    return {
      detail: new Map(
        detail
          .filter((r) => r.incidents !== 0)
          .map((r) => [
            key(r, ['audience', 'category', 'country', 'year', 'month', 'attack', 'weapon', 'target']),
            sums(r),
          ]),
      ),
      yearly: new Map(
        yearly
          .filter((r) => r.incidents !== 0)
          .map((r) => [key(r, ['audience', 'country', 'year']), sums(r)]),
      ),
    };
  }

  /** The rollups computed afresh from every incident's latest version and readers. */
  async function recomputed() {
    const rows = await database.db
      .selectFrom('stix_objects')
      .innerJoin('stix_versions', (j) =>
        j
          .onRef('stix_versions.id', '=', 'stix_objects.id')
          .onRef('stix_versions.modified', '=', 'stix_objects.modified'),
      )
      .select(['stix_objects.id', 'stix_objects.tlp', 'stix_objects.creator_org', 'stix_versions.body'])
      .where('stix_objects.type', '=', 'incident')
      .execute();
    const recipients = await database.db.selectFrom('stix_recipients').selectAll().execute();
    const facts: Facts[] = [];
    for (const row of rows) {
      const named = recipients.filter((r) => r.object_id === row.id);
      const audience = audienceKey({
        tlp: row.tlp,
        creatorOrg: row.creator_org,
        recipientOrgs: named.filter((r) => r.kind === 'org').map((r) => r.principal),
        recipientUsers: named.filter((r) => r.kind === 'user').map((r) => r.principal),
      });
      const body = JSON.parse(row.body) as {
        extensions?: Record<string, Record<string, unknown>>;
        x_sco_category?: unknown;
      };
      const f = factsOf(body.extensions?.[GTD_EXTENSION], audience, categoryOf(body.x_sco_category));
      if (f) facts.push(f);
    }
    const sum = (keyOf: (f: Facts) => string) =>
      new Map(
        [
          ...changes(
            facts.map((after) => ({ before: null, after })),
            keyOf,
          ),
        ].map(([k, v]) => [k, v.sums]),
      );
    return { detail: sum(detailKey), yearly: sum(yearKey) };
  }

  it('equal a recomputation from the incidents after any sequence of changes', async () => {
    let clock = Date.parse('2026-01-01T00:00:00.000Z');
    const tick = () => {
      clock += 1000;
      return new Date(clock);
    };
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 12 }), async (operations) => {
        for (const o of operations) {
          const exists = await database.db
            .selectFrom('stix_objects')
            .select('id')
            .where('id', '=', o.id)
            .executeTakeFirst();
          if (o.op === 'write') {
            const now = tick();
            const imported = importCandidates(
              database,
              SYSTEM,
              (async function* () {
                const version = (modified: string, facts: typeof o.gtd, id = o.id) => ({
                  at: 'objects[0]',
                  object: {
                    type: 'incident',
                    spec_version: '2.1',
                    id,
                    created: '2025-01-01T00:00:00.000Z',
                    modified,
                    name: `Incident ${o.id.slice(-1)}`,
                    ...(o.category ? { x_sco_category: o.category } : {}),
                    extensions: { [GTD_EXTENSION]: { extension_type: 'property-extension', ...facts } },
                  },
                });
                // Sometimes two versions of the incident arrive in the same batch.
                yield [
                  ...(o.earlier ? [version(new Date(now.getTime() - 500).toISOString(), o.earlier)] : []),
                  version(now.toISOString(), o.gtd),
                  ...(o.later
                    ? [version(new Date(now.getTime() + 250).toISOString(), o.later.gtd, o.later.id)]
                    : []),
                  ...(o.rejected ? [{ at: 'objects[9]', rejection: [{ field: 'id', problem: 'bad' }] }] : []),
                ];
              })(),
              { tlp: o.tlp, recipientOrgs: o.recipients, batchSize: o.batchSize },
              now,
            );
            if (o.rejected) await expect(imported).rejects.toThrow('rejected');
            else await imported;
          } else if (o.op === 'share' && exists) {
            await shareObject(database, SYSTEM, o.id, { tlp: o.tlp, recipientOrgs: o.recipients }, tick());
          } else if (o.op === 'remove' && exists) {
            const versions = await database.db
              .selectFrom('stix_versions')
              .select('modified')
              .where('id', '=', o.id)
              .orderBy('added', 'desc')
              .execute();
            const doomed = o.latestOnly ? versions.slice(0, 1).map((v) => v.modified) : null;
            await deleteObject(database, SYSTEM, o.id, doomed, tick());
          }
        }
        const [have, want] = [await stored(), await recomputed()];
        expect(have.yearly).toEqual(want.yearly);
        expect(have.detail).toEqual(want.detail);
      }),
      { numRuns: dialect === 'sqlite' ? 40 : 10 },
    );
  });
});
