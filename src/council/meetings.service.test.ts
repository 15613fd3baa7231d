import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describeEachDialect, type TestDatabase } from '../../test/helpers/db.ts';
import { actorFor, makeUser, SYSTEM } from '../../test/helpers/identity-factory.ts';
import { DATA_DIR } from '../../test/helpers/server.ts';
import { Forbidden, Invalid } from '../errors.ts';
import { prepareDatabase } from '../server/prepare.ts';
import { closeDecision, openDecision, statePosition } from './decisions.service.ts';
import { createMeeting, getMeeting, recordAttendance } from './meetings.service.ts';

describeEachDialect('meetings of the bodies', (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    await prepareDatabase(database, { dataDir: DATA_DIR });
  });
  afterAll(() => database.destroy());
  const now = new Date('2026-11-27T09:00:00Z');

  it('keep the agenda, the attendance by seat, and minutes of what was decided', async () => {
    const decision = await openDecision(
      database.db,
      SYSTEM,
      { bodyId: 'chs', title: { en: 'Declaration' }, rule: 'consensus' },
      now,
    );
    await statePosition(
      database.db,
      SYSTEM,
      decision.id,
      { position: 'reservation', text: 'On para 4', state: 'IN' },
      now,
    );
    await closeDecision(database.db, SYSTEM, decision.id, 'Adopted.', now);
    const meeting = await createMeeting(
      database.db,
      SYSTEM,
      {
        bodyId: 'chs',
        title: { en: 'Meeting of the Council of Heads of State' },
        start: '2026-11-27',
        end: '2026-11-27',
        place: 'Bishkek',
        format: 'hybrid',
        chairState: 'KG',
        agenda: [{ title: { en: 'Opening' } }, { title: { en: 'Declaration' }, decisionId: decision.id }],
      },
      now,
    );
    await recordAttendance(database.db, SYSTEM, meeting.id, { state: 'KZ', attendance: 'present' }, now);
    await recordAttendance(database.db, SYSTEM, meeting.id, { state: 'MN', attendance: 'by-video' }, now);
    const read = await getMeeting(database.db, SYSTEM, meeting.id, now);
    expect(read.attendance).toEqual([
      { state: 'KZ', attendance: 'present', seatClass: 'member' },
      { state: 'MN', attendance: 'by-video', seatClass: 'partner' },
    ]);
    expect(read.minutes).toEqual([
      expect.objectContaining({
        item: 2,
        decisionId: decision.id,
        status: 'adopted',
        reservations: [{ state: 'IN', text: 'On para 4' }],
      }),
    ]);
  });

  it('refuse attendance without a seat that may attend, and acts by others than the chair', async () => {
    const meeting = await createMeeting(
      database.db,
      SYSTEM,
      {
        bodyId: 'cnc',
        title: { en: 'National coordinators' },
        start: '2026-11-27',
        end: '2026-11-28',
        place: 'Beijing',
        format: 'in-person',
        agenda: [],
      },
      now,
    );
    await expect(
      recordAttendance(database.db, SYSTEM, meeting.id, { state: 'LK', attendance: 'present' }, now),
    ).rejects.toMatchObject({
      details: { field: 'state' },
    });
    await expect(
      recordAttendance(database.db, SYSTEM, meeting.id, { state: 'KZ', attendance: 'maybe' }, now),
    ).rejects.toThrow(Invalid);
    const delegate = await makeUser(database.db, { roles: ['delegate'], organizationId: 'delegation-kz' });
    await expect(
      recordAttendance(
        database.db,
        await actorFor(database.db, delegate.id),
        meeting.id,
        { state: 'KZ', attendance: 'present' },
        now,
      ),
    ).rejects.toThrow(Forbidden);
    expect((await getMeeting(database.db, SYSTEM, meeting.id, now)).attendance).toEqual([]);
  });
});
