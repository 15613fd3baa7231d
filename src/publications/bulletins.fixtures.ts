import type { Database } from '../db/kysely.ts';
import type { Actor } from '../identity/policy.rules.ts';
import { GTD_EXTENSION } from '../intel/stix.definitions.ts';
import { saveObject } from '../intel/stix.service.ts';

/** Test data for bulletins: incidents as GTD imports them, through the knowledge base's own service. */

export interface IncidentSpec {
  name: string;
  date: string;
  country: string;
  city?: string;
  attack?: string;
  killed?: number;
  wounded?: number;
  tlp: string;
  recipientOrgs?: string[];
  recipientUsers?: string[];
  perpetrators?: { id: string; name: string }[];
}

/** Stores one incident as `actor`, with the GTD extension the bulletin reads; returns its id. */
export async function addIncident(database: Database, actor: Actor, spec: IncidentSpec): Promise<string> {
  const saved = await saveObject(
    database,
    actor,
    {
      object: {
        type: 'incident',
        name: spec.name,
        extensions: {
          [GTD_EXTENSION]: {
            extension_type: 'property-extension',
            date_start: spec.date,
            country_code: spec.country,
            country: spec.country,
            city: spec.city ?? 'Capital',
            attack_types: [spec.attack ?? 'Bombing/Explosion'],
            killed: spec.killed ?? 0,
            wounded: spec.wounded ?? 0,
            perpetrator_names: (spec.perpetrators ?? []).map((p) => p.name),
            perpetrator_refs: (spec.perpetrators ?? []).map((p) => p.id),
          },
        },
      },
      tlp: spec.tlp,
      recipientOrgs: spec.recipientOrgs ?? [],
      recipientUsers: spec.recipientUsers ?? [],
    },
    new Date(),
  );
  return saved.object.id as string;
}

/** Stores a threat actor; returns its id. */
export async function addThreatActor(database: Database, actor: Actor, name: string, tlp = 'green') {
  const saved = await saveObject(
    database,
    actor,
    { object: { type: 'threat-actor', name }, tlp },
    new Date(),
  );
  return saved.object.id as string;
}
