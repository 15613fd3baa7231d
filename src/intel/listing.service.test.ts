import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describeEachDialect, type TestDatabase } from '../../test/helpers/db.ts';
import { actorFor, makeUser } from '../../test/helpers/identity-factory.ts';
import { DATA_DIR } from '../../test/helpers/server.ts';
import * as decisions from '../council/decisions.service.ts';
import { delegationId } from '../identity/organizations.service.ts';
import type { Actor } from '../identity/policy.rules.ts';
import { prepareDatabase } from '../server/prepare.ts';
import { assessmentsOf, createAssessment, definitionSets } from './assessments.service.ts';
import type { Finding } from './classification.types.ts';
import { commonList } from './listing.service.ts';
import { saveObject } from './stix.service.ts';

/**
 * From an analyst's assessment to the common list: the result is computed from the findings,
 * analysts may disagree, and an organization is listed only by an adopted Council decision.
 */

const MEMBERS = ['BY', 'CN', 'IN', 'IR', 'KG', 'KZ', 'PK', 'RU', 'TJ', 'UZ'];
const cite = [{ kind: 'source' as const, ref: 'report:2026/11' }];
const finding = (element: string, value: Finding['value']): Finding => ({
  element,
  value,
  evidence: value === 'unknown' ? [] : cite,
  derived: null,
});

describeEachDialect('assessments and the common list', (dialect) => {
  let database: TestDatabase;
  let analyst: Actor;
  let second: Actor;
  let officer: Actor;
  const delegates = new Map<string, Actor>();
  const sets = definitionSets(DATA_DIR);

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    await prepareDatabase(database, { dataDir: DATA_DIR });
    const make = async (roles: Parameters<typeof makeUser>[1]) =>
      actorFor(database.db, (await makeUser(database.db, roles)).id);
    analyst = await make({ roles: ['analyst'], organizationId: 'rats-executive-committee' });
    second = await make({ roles: ['analyst'], organizationId: 'rats-executive-committee' });
    officer = await make({ roles: ['secretariat-officer'], organizationId: 'secretariat' });
    for (const code of MEMBERS) {
      delegates.set(code, await make({ roles: ['head-of-delegation'], organizationId: delegationId(code) }));
    }
  }, 60_000);
  afterAll(() => database.destroy());

  it('computes results, shows disagreement, and lists only through an adopted decision', async () => {
    const group = await saveObject(
      database,
      analyst,
      { object: { type: 'threat-actor', name: 'Synthetic Brigade' }, tlp: 'green' },
      new Date(),
    );
    const id = group.object.id;
    const terrorism = await createAssessment(
      database.db,
      analyst,
      sets,
      {
        subjectId: id,
        set: 'sco-2001',
        findings: [
          finding('terrorism.conduct', 'holds'),
          finding('terrorism.purpose', 'holds'),
          finding('terrorism.prosecution', 'holds'),
        ],
      },
      new Date(),
    );
    expect(terrorism.result).toBe('terrorism');
    const doubtful = await createAssessment(
      database.db,
      second,
      sets,
      { subjectId: id, set: 'sco-2001', findings: [finding('terrorism.conduct', 'holds')] },
      new Date(),
    );
    expect(doubtful.result).toBe('insufficient-information');
    const seen = await assessmentsOf(database.db, officer, sets, id);
    expect(seen.items).toHaveLength(2);
    expect(seen.disagreements[0]).toMatchObject({ resultsDiffer: true });

    await expect(
      decisions.openDecision(
        database.db,
        officer,
        {
          bodyId: 'rats',
          title: { en: 'List the Synthetic Brigade' },
          rule: 'consensus',
          listing: { objectId: id, assessmentId: doubtful.id, action: 'add' },
        },
        new Date(),
      ),
    ).rejects.toThrow(/insufficient-information/);
    const open = (title: string) =>
      decisions.openDecision(
        database.db,
        officer,
        {
          bodyId: 'rats',
          title: { en: title },
          rule: 'consensus',
          listing: { objectId: id, assessmentId: terrorism.id, action: 'add' },
        },
        new Date(),
      );
    const failed = await open('List it (first attempt)');
    await decisions.statePosition(
      database.db,
      delegates.get('IN') as Actor,
      failed.id,
      { position: 'objection', text: 'Evidence thin' },
      new Date(),
    );
    await decisions.closeDecision(database.db, officer, failed.id, 'No consensus', new Date());
    expect((await commonList(database.db, officer)).items).toEqual([]);

    const adopted = await open('List the Synthetic Brigade');
    await decisions.statePosition(
      database.db,
      delegates.get('KZ') as Actor,
      adopted.id,
      { position: 'reservation', text: 'Subject to national law' },
      new Date(),
    );
    const closed = await decisions.closeDecision(database.db, officer, adopted.id, 'Consensus', new Date());
    expect(closed.status).toBe('adopted');
    const list = await commonList(database.db, officer);
    expect(list.items).toEqual([
      expect.objectContaining({
        objectId: id,
        decisionId: adopted.id,
        assessmentId: terrorism.id,
        action: 'add',
        reservations: [{ state: 'KZ', text: 'Subject to national law' }],
      }),
    ]);
  });
});
