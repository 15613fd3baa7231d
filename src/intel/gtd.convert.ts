import type { GtdIncident } from './gtd/gtd.incident.ts';
import { GTD_EXTENSION, INCIDENT_CORE_EXTENSION, type StixObject } from './stix.definitions.ts';
import { deterministicId } from './stix.rules.ts';

/**
 * A GTD row as STIX: the incident (with the OASIS Incident Core Extension and our GTD extension
 * carrying every field of the row), a threat actor per perpetrator group named, and the location
 * of its country. Identifiers are deterministic (from the event id, the group's name, the
 * country), so a re-import of the same rows finds the same objects. Timestamps are left to the
 * store, which stamps new content and leaves unchanged content alone.
 */

/** Our extension definition as an object, for exports and for partners to read the fields. */
export const GTD_EXTENSION_DEFINITION: StixObject = {
  type: 'extension-definition',
  spec_version: '2.1',
  id: GTD_EXTENSION,
  created: '2026-11-28T00:00:00.000Z',
  modified: '2026-11-28T00:00:00.000Z',
  name: 'SCO RATS: Global Terrorism Database record',
  description:
    'What a Global Terrorism Database record carries about an incident: date and its precision, place, attack, target and weapon types, casualties, property damage, success, suicide, CBRN, perpetrator groups, inclusion criteria.',
  schema: 'https://github.com/sco-platform/sco-platform/blob/main/docs/gtd-extension.md',
  version: '1.0',
  extension_types: ['property-extension'],
};

const pad = (n: number) => String(n).padStart(2, '0');

/** The date as precise as the row knows it: `2014-05-22`, `2014-05` or `2014`. */
export function dateOf(d: GtdIncident['date']): string {
  if (d.precision === 'day' && d.month && d.day) return `${d.year}-${pad(d.month)}-${pad(d.day)}`;
  if (d.precision !== 'year' && d.month) return `${d.year}-${pad(d.month)}`;
  return String(d.year);
}

/** The properties that have a value: STIX leaves out what is unknown rather than writing null. */
function known(properties: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key in properties) {
    const value = properties[key];
    if (value !== null && value !== undefined) out[key] = value;
  }
  return out;
}

/**
 * A value, or undefined when it is unknown: JSON leaves out a property whose value is undefined,
 * so the record's large extension is written as one object literal (which `known` would copy
 * property by property into a slower dictionary-shaped object, for every row).
 */
const given = <T>(value: T | null | undefined): T | undefined => value ?? undefined;

/**
 * Remembers the last few thousand ids of one kind: a GTD file names the same groups and countries
 * on row after row, and each id is a SHA-1.
 */
function remembered(idOf: (key: string) => string): (key: string) => string {
  const kept = new Map<string, string>();
  return (key) => {
    let id = kept.get(key);
    if (id === undefined) {
      if (kept.size >= 5000) kept.clear();
      id = idOf(key);
      kept.set(key, id);
    }
    return id;
  };
}

export const threatActorIdOf = remembered((name) => deterministicId('threat-actor', `gtd:${name}`));
export const countryLocationIdOf = remembered((iso2) => deterministicId('location', `country:${iso2}`));

/** The STIX objects of one GTD row: the incident first, then its groups and its country. */
export function gtdObjects(row: GtdIncident): StixObject[] {
  const date = dateOf(row.date);
  const place = row.city ?? row.provstate ?? row.country.name;
  const attack = row.attackTypes[0]?.name ?? 'Incident';
  const actors = row.perpetrators.map((p) => ({ ...p, id: threatActorIdOf(p.name) }));
  const location = row.country.iso2 ? countryLocationIdOf(row.country.iso2) : null;
  const incident: StixObject = {
    type: 'incident',
    spec_version: '2.1',
    id: deterministicId('incident', `gtd:${row.eventId}`),
    name: `${attack}, ${place}, ${date}`,
    ...(row.summary ? { description: row.summary } : {}),
    external_references: [
      { source_name: 'gtd', external_id: row.eventId },
      ...row.sources.map((s) => ({ source_name: 'gtd-citation', description: s })),
    ],
    extensions: {
      [INCIDENT_CORE_EXTENSION]: { extension_type: 'property-extension' },
      [GTD_EXTENSION]: {
        extension_type: 'property-extension',
        event_id: row.eventId,
        date_start: date,
        date_precision: row.date.precision,
        approx_date: given(row.approxDate),
        extended: given(row.extended),
        resolution: given(row.resolution),
        country: row.country.name,
        country_code: given(row.country.iso2),
        gtd_country: row.country.code,
        region: given(row.region.stix),
        region_m49: given(row.region.m49),
        gtd_region: row.region.code,
        provstate: given(row.provstate),
        city: given(row.city),
        latitude: given(row.latitude),
        longitude: given(row.longitude),
        specificity: given(row.specificity),
        location_ref: given(location),
        crit1: given(row.criteria.crit1),
        crit2: given(row.criteria.crit2),
        crit3: given(row.criteria.crit3),
        doubtterr: given(row.criteria.doubtterr),
        alternative: row.criteria.alternative?.code,
        alternative_name: row.criteria.alternative?.name,
        multiple: given(row.multiple),
        success: given(row.success),
        suicide: given(row.suicide),
        attack_types: row.attackTypes.map((a) => a.name),
        attack_type_codes: row.attackTypes.map((a) => a.code),
        target_types: row.targetTypes.map((t) => t.name),
        targets: row.targetTypes.map((t) =>
          known({
            type: t.code,
            subtype: t.subtype?.name,
            target: t.target,
            nationality: t.nationality?.name,
          }),
        ),
        weapon_types: row.weaponTypes.map((w) => w.name),
        weapon_subtypes: row.weaponTypes.flatMap((w) => (w.subtype ? [w.subtype.name] : [])),
        weapon_detail: given(row.weaponDetail),
        perpetrator_names: actors.map((a) => a.name),
        perpetrator_refs: actors.map((a) => a.id),
        perpetrators_uncertain: actors.some((a) => a.uncertain)
          ? actors.map((a) => a.uncertain === true)
          : undefined,
        claimed: given(row.claimed),
        motive: given(row.motive),
        killed: given(row.killed),
        killed_us: given(row.killedUs),
        killed_perpetrators: given(row.killedPerpetrators),
        wounded: given(row.wounded),
        wounded_us: given(row.woundedUs),
        wounded_perpetrators: given(row.woundedPerpetrators),
        property_damage: given(row.property),
        property_extent: row.propertyExtent?.name,
        property_value: given(row.propertyValue),
        hostages:
          row.hostages.taken === null && row.hostages.count === null
            ? undefined
            : known({ ...row.hostages, outcome: row.hostages.outcome?.name }),
        cbrn: row.cbrn,
        db_source: given(row.dbsource),
        gtd_extra: Object.keys(row.extra).length ? row.extra : undefined,
      },
    },
  };
  const objects: StixObject[] = [incident];
  for (const actor of actors) {
    objects.push({
      type: 'threat-actor',
      spec_version: '2.1',
      id: actor.id,
      name: actor.name,
      description: 'A perpetrator group named in Global Terrorism Database records.',
      external_references: [{ source_name: 'gtd', description: `gname: ${actor.name}` }],
    });
  }
  if (location && row.country.iso2) {
    objects.push({
      type: 'location',
      spec_version: '2.1',
      id: location,
      name: row.country.name,
      country: row.country.iso2,
      ...(row.region.stix ? { region: row.region.stix } : {}),
    });
  }
  return objects;
}
