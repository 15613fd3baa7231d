import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { Forbidden, Invalid, NotFound } from '../errors.ts';
import { actorName, audit } from '../identity/audit.service.ts';
import { type Actor, abilities, authorize } from '../identity/policy.rules.ts';
import { isIsoDate } from '../registry/registry.rules.ts';
import { outcome } from './decision.rules.ts';
import { eventsOf } from './decisions.repository.ts';
import type { Rights } from './seats.rules.ts';
import { councilRights, seatsOf } from './seats.service.ts';

/**
 * Meetings (sessions) of the bodies: date, place, format, chair, agenda items, attendance per
 * delegation, and minutes that list what was decided on each item, computed from the decisions.
 */

type I18n = { en: string; ru?: string; zh?: string };
const FORMATS = ['in-person', 'virtual', 'hybrid'];
const ATTENDANCE = ['present', 'by-video', 'absent'];

export interface NewMeeting {
  bodyId: string;
  title: I18n;
  start: string;
  end: string;
  place: string;
  format: string;
  chairState?: string | undefined;
  agenda: { title: I18n; decisionId?: string | undefined }[];
}

/** Plans a meeting with its agenda; each agenda item may carry the decision taken on it. */
export async function createMeeting(db: Kysely<DB>, actor: Actor, input: NewMeeting, now: Date) {
  if (!authorize(actor, 'create', 'meeting', {})) throw new Forbidden('only the Secretariat plans meetings');
  if (!input.title?.en?.trim()) throw new Invalid('title.en', 'is required');
  if (!isIsoDate(input.start)) throw new Invalid('start', 'expected a date YYYY-MM-DD');
  if (!isIsoDate(input.end) || input.end < input.start)
    throw new Invalid('end', 'expected a date YYYY-MM-DD, not before start');
  if (!input.place?.trim()) throw new Invalid('place', 'is required');
  if (!FORMATS.includes(input.format)) throw new Invalid('format', `must be one of ${FORMATS.join(', ')}`);
  const body = await db.selectFrom('bodies').select('id').where('id', '=', input.bodyId).executeTakeFirst();
  if (!body) throw new Invalid('bodyId', `no body ${input.bodyId}`);
  for (const [i, item] of input.agenda.entries()) {
    if (!item.title?.en?.trim()) throw new Invalid(`agenda.${i}.title.en`, 'is required');
    if (item.decisionId) {
      const decision = await db
        .selectFrom('decisions')
        .select('id')
        .where('id', '=', item.decisionId)
        .executeTakeFirst();
      if (!decision) throw new Invalid(`agenda.${i}.decisionId`, `no decision ${item.decisionId}`);
    }
  }
  const row = {
    id: randomUUID(),
    body_id: input.bodyId,
    title: JSON.stringify(input.title),
    start_date: input.start,
    end_date: input.end,
    place: input.place.trim(),
    format: input.format,
    chair_state: input.chairState?.toUpperCase() ?? null,
    created_at: now.toISOString(),
    created_by: actorName(actor),
  };
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('meetings').values(row).execute();
    for (const [position, item] of input.agenda.entries()) {
      await trx
        .insertInto('meeting_agenda')
        .values({
          meeting_id: row.id,
          position,
          title: JSON.stringify(item.title),
          decision_id: item.decisionId ?? null,
        })
        .execute();
    }
    await audit(
      trx,
      actor,
      {
        action: 'meeting.create',
        subjectType: 'meeting',
        subjectId: row.id,
        state: { ...row, agenda: input.agenda },
      },
      now,
    );
  });
  return getMeeting(db, actor, row.id, now);
}

/**
 * Records a delegation's attendance. Only a state with a seat that may attend this body on the
 * meeting's day can be recorded (a suspended member has none); recording again replaces it.
 */
export async function recordAttendance(
  db: Kysely<DB>,
  actor: Actor,
  meetingId: string,
  input: { state: string; attendance: string },
  now: Date,
  rights: Rights = councilRights(),
) {
  const meeting = await db.selectFrom('meetings').selectAll().where('id', '=', meetingId).executeTakeFirst();
  if (!meeting || !authorize(actor, 'read', 'meeting', { id: meetingId }))
    throw new NotFound('meeting', meetingId);
  if (!authorize(actor, 'update', 'meeting', { id: meetingId, chairState: meeting.chair_state })) {
    throw new Forbidden('only the Secretariat or the chair records attendance');
  }
  if (!ATTENDANCE.includes(input.attendance))
    throw new Invalid('attendance', `must be one of ${ATTENDANCE.join(', ')}`);
  const state = input.state?.toUpperCase() ?? '';
  const seat = (await seatsOf(db, meeting.body_id, meeting.start_date, rights)).find(
    (s) => s.state === state,
  );
  if (!seat?.rights.includes('attend'))
    throw new Invalid('state', `${state} has no seat to attend this body on ${meeting.start_date}`);
  const row = {
    meeting_id: meetingId,
    state_code: state,
    attendance: input.attendance,
    seat_class: seat.memberClass,
    recorded_at: now.toISOString(),
  };
  await db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom('meeting_attendance')
      .where('meeting_id', '=', meetingId)
      .where('state_code', '=', state)
      .execute();
    await trx.insertInto('meeting_attendance').values(row).execute();
    await audit(
      trx,
      actor,
      { action: 'meeting.attendance', subjectType: 'meeting', subjectId: meetingId, state: row },
      now,
    );
  });
  return getMeeting(db, actor, meetingId, now);
}

/** A meeting with its agenda, attendance and minutes (what was decided on each item, as of now). */
export async function getMeeting(db: Kysely<DB>, actor: Actor, id: string, now: Date) {
  const meeting = await db.selectFrom('meetings').selectAll().where('id', '=', id).executeTakeFirst();
  if (!meeting || !authorize(actor, 'read', 'meeting', { id })) throw new NotFound('meeting', id);
  const agenda = await db
    .selectFrom('meeting_agenda')
    .selectAll()
    .where('meeting_id', '=', id)
    .orderBy('position')
    .execute();
  const attendance = await db
    .selectFrom('meeting_attendance')
    .selectAll()
    .where('meeting_id', '=', id)
    .orderBy('state_code')
    .execute();
  const minutes = [];
  for (const item of agenda) {
    if (!item.decision_id) continue;
    const result = outcome(await eventsOf(db, item.decision_id), now.toISOString());
    minutes.push({
      item: Number(item.position) + 1,
      decisionId: item.decision_id,
      status: result.status,
      reason: result.reason,
      reservations: result.reservations,
    });
  }
  return {
    id: meeting.id,
    bodyId: meeting.body_id,
    title: JSON.parse(meeting.title) as I18n,
    start: meeting.start_date,
    end: meeting.end_date,
    place: meeting.place,
    format: meeting.format,
    chairState: meeting.chair_state,
    agenda: agenda.map((a) => ({
      item: Number(a.position) + 1,
      title: JSON.parse(a.title) as I18n,
      decisionId: a.decision_id,
    })),
    attendance: attendance.map((a) => ({
      state: a.state_code,
      attendance: a.attendance,
      seatClass: a.seat_class,
    })),
    minutes,
    abilities: abilities(actor, 'meeting', { id: meeting.id, chairState: meeting.chair_state }),
  };
}

/** Meetings of a body (or all), newest first. */
export async function listMeetings(
  db: Kysely<DB>,
  actor: Actor,
  q: { bodyId?: string | undefined },
  now: Date,
) {
  if (!authorize(actor, 'read', 'meeting', {})) throw new Forbidden('sign in as a member of the community');
  let query = db.selectFrom('meetings').select('id').orderBy('start_date', 'desc').orderBy('id');
  if (q.bodyId) query = query.where('body_id', '=', q.bodyId);
  const ids = await query.limit(200).execute();
  const items = [];
  for (const { id } of ids) items.push(await getMeeting(db, actor, id, now));
  return { items, total: items.length };
}
