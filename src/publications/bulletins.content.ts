import type { Kysely } from 'kysely';
import { measuresBetween } from '../assessment/measures.service.ts';
import type { DB } from '../db/schema.ts';
import type { Actor } from '../identity/policy.rules.ts';
import { incidentRow } from '../intel/incidents.service.ts';
import { commonList } from '../intel/listing.service.ts';
import type { StixObject } from '../intel/stix.definitions.ts';
import type { Tlp } from '../intel/tlp.rules.ts';
import * as repo from './bulletins.repository.ts';
import {
  type CheckedRequest,
  coveredStates,
  dayAfter,
  eventTlp,
  incidentsOfNote,
  MEASURE_TLP,
  markingOf,
  overviewOf,
} from './bulletins.rules.ts';
import type {
  EventEntry,
  IncidentFacts,
  MeasureEntry,
  OrganizationEntry,
  Part,
  Snapshot,
} from './bulletins.types.ts';
import { eventsBetween } from './events.service.ts';

/**
 * Gathers a bulletin's content as its author can read it, through the same access conditions as
 * every other read, and freezes it with the list of its parts and their markings. Figures are
 * counted only over what the author may read; every incident counted is a part of the bulletin.
 */

const part = (
  id: string,
  kind: Part['kind'],
  tlp: Tlp,
  creatorOrg: string | null,
  recipients?: { orgs: string[]; users: string[] },
): Part => ({
  id,
  kind,
  tlp,
  creatorOrg,
  recipientOrgs: [...(recipients?.orgs ?? [])].sort(),
  recipientUsers: [...(recipients?.users ?? [])].sort(),
});

const eventPlace = (place: { kind: string; city?: string; country?: string }) =>
  place.kind === 'in-person' ? `${place.city}, ${place.country}` : null;

/** Builds the snapshot of a checked request for `actor`, whose organization is `authorOrg`. */
export async function gatherSnapshot(
  db: Kysely<DB>,
  actor: Actor,
  request: CheckedRequest,
  authorOrg: string,
  now: Date,
): Promise<Snapshot> {
  const members = request.regions.includes('sco-members') ? await repo.membersOn(db, request.to) : [];
  const states = coveredStates(request.states, request.regions, members);
  const wants = (s: string) => request.sections.includes(s as never);
  const parts: Part[] = [];
  const snapshot: Snapshot = {
    version: 1,
    title: request.title,
    language: request.language,
    from: request.from,
    to: request.to,
    states,
    regions: request.regions,
    sections: request.sections,
    note: request.note,
    builtAt: now.toISOString(),
    authorOrg,
    parts,
    marking: { tlp: 'clear', organizations: null, users: null },
  };

  if (wants('overview') || wants('incidents') || wants('organizations')) {
    const rows = await repo.readableIncidents(db, actor, {
      from: request.from,
      toExclusive: dayAfter(request.to),
      places: states,
    });
    const facts: IncidentFacts[] = rows.map((r) => {
      const row = incidentRow(JSON.parse(r.body) as StixObject);
      return {
        id: r.id,
        name: row.name,
        date: row.date,
        countryCode: row.countryCode,
        city: row.city,
        attackTypes: row.attackTypes,
        killed: row.killed,
        wounded: row.wounded,
        perpetrators: row.perpetrators,
        tlp: r.tlp as Tlp,
      };
    });
    const noted = incidentsOfNote(facts, request.topIncidents);
    if (wants('overview')) snapshot.overview = overviewOf(facts, request.from, request.to);
    if (wants('incidents')) snapshot.incidents = noted;
    // The overview's and the organizations' figures are counted over every incident read.
    const counted =
      wants('overview') || wants('organizations')
        ? rows
        : rows.filter((r) => noted.some((n) => n.id === r.id));
    const recipients = await repo.recipientsOfObjects(
      db,
      counted.map((r) => r.id),
    );
    for (const r of counted)
      parts.push(part(r.id, 'incident', r.tlp as Tlp, r.creator_org, recipients.get(r.id)));
    if (wants('organizations')) {
      const organizations = await organizationsOf(db, actor, facts);
      snapshot.organizations = organizations.entries;
      parts.push(...organizations.parts);
    }
  }

  if (wants('events')) {
    const events = await eventsBetween(db, actor, { from: request.from, to: request.to }, states);
    const items: EventEntry[] = events.map((e) => ({
      id: e.id,
      kind: e.kind,
      title: e.title,
      start: e.start,
      end: e.end,
      place: eventPlace(e.place as { kind: string; city?: string; country?: string }),
      organizer: e.organizer.name,
      audience: e.audience === 'public' ? 'public' : 'community',
      status: e.status,
    }));
    snapshot.events = { wired: true, items };
    for (const e of items) parts.push(part(e.id, 'event', eventTlp(e.audience), null));
  }
  if (wants('measures')) {
    const measures = await measuresBetween(db, actor, { from: request.from, to: request.to }, states);
    const items: MeasureEntry[] = measures.map((m) => ({
      id: m.id,
      kind: m.kind,
      name: m.name,
      start: m.start,
      end: m.end,
      places: m.places.map((p) => p.country),
      participants: m.participants.map((p) => p.id),
      outcome: m.outcomeSummary,
    }));
    snapshot.measures = { wired: true, items };
    for (const m of items) parts.push(part(m.id, 'measure', MEASURE_TLP, null));
  }
  snapshot.marking = markingOf(parts);
  return snapshot;
}

/** Threat actors and intrusion sets the period's incidents name, with their tallies and list status. */
async function organizationsOf(db: Kysely<DB>, actor: Actor, incidents: IncidentFacts[]) {
  const byId = new Map(incidents.map((i) => [i.id, i]));
  const refs = await repo.referencesFrom(db, [...byId.keys()]);
  const readableOrgs = await repo.readableOrganizations(db, actor, [
    ...new Set(refs.map((r) => r.target_id)),
  ]);
  const sources = new Map<string, string[]>();
  for (const r of refs) sources.set(r.target_id, [...(sources.get(r.target_id) ?? []), r.source_id]);
  const listed = new Map((await commonList(db, actor)).items.map((i) => [i.objectId, i]));
  const recipients = await repo.recipientsOfObjects(
    db,
    readableOrgs.map((o) => o.id),
  );
  const entries: OrganizationEntry[] = readableOrgs.map((o) => {
    const theirs = (sources.get(o.id) ?? []).map((source) => byId.get(source));
    const listing = listed.get(o.id);
    return {
      id: o.id,
      name: o.name ?? o.id,
      incidents: theirs.length,
      killed: theirs.reduce((sum, i) => sum + (i?.killed ?? 0), 0),
      listed: Boolean(listing),
      decisionId: listing?.decisionId ?? null,
      listedOn: listing?.decidedAt ?? null,
      tlp: o.tlp as Tlp,
    };
  });
  entries.sort((a, b) => b.incidents - a.incidents || b.killed - a.killed || a.name.localeCompare(b.name));
  return {
    entries,
    parts: readableOrgs.map((o) =>
      part(o.id, 'organization', o.tlp as Tlp, o.creator_org, recipients.get(o.id)),
    ),
  };
}
