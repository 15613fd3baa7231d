/**
 * Traffic Light Protocol markings as STIX carries them. We write the OASIS TLP 2.0 marking
 * definitions; on input we also read the TLP 1.0 ids of the core STIX 2.1 specification and the
 * variants other platforms emit (TLP:CLEAR sent on the 1.0 WHITE id, OpenCTI's own AMBER+STRICT
 * id), so that nothing a partner sends is refused for its marking's spelling.
 */

export const TLP_LEVELS = ['clear', 'green', 'amber', 'amber+strict', 'red'] as const;
export type Tlp = (typeof TLP_LEVELS)[number];

/** The TLP 2.0 extension definition (oasis-open/cti-stix-common-objects). */
export const TLP2_EXTENSION = 'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d';

/** The OASIS TLP 2.0 marking-definition ids: what we emit. */
export const TLP2_IDS: Record<Tlp, string> = {
  clear: 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487',
  green: 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb',
  amber: 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421',
  'amber+strict': 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003',
  red: 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1',
};

/** Marking ids read on input: TLP 2.0, TLP 1.0 (WHITE reads as CLEAR) and known variants. */
const ACCEPTED: Record<string, Tlp> = {
  ...Object.fromEntries(Object.entries(TLP2_IDS).map(([level, id]) => [id, level as Tlp])),
  'marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9': 'clear',
  'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da': 'green',
  'marking-definition--f88d31f6-486f-44da-b317-01333bde0b82': 'amber',
  'marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed': 'red',
  // OpenCTI generates its own AMBER+STRICT id instead of the OASIS one.
  'marking-definition--826578e1-40ad-459f-bc73-ede076f81f37': 'amber+strict',
};

/** Names people and other tools write: `TLP:AMBER+STRICT`, `amber strict`, `white`. */
const NAMES: Record<string, Tlp> = {
  clear: 'clear',
  white: 'clear',
  green: 'green',
  amber: 'amber',
  'amber+strict': 'amber+strict',
  'amber strict': 'amber+strict',
  'amber-strict': 'amber+strict',
  amberstrict: 'amber+strict',
  red: 'red',
};

/** The TLP level of a marking id, or null when the id is not a TLP marking we know. */
export function tlpOfMarking(id: string): Tlp | null {
  return ACCEPTED[id.toLowerCase()] ?? null;
}

/** The TLP level a person or a tool names (`TLP:GREEN`, `amber+strict`, `white`), or null. */
export function tlpOfName(name: string): Tlp | null {
  const key = name
    .trim()
    .toLowerCase()
    .replace(/^tlp\s*[:\-_ ]\s*/, '');
  return NAMES[key] ?? null;
}

/** Higher is more restrictive. */
export const rank = (level: Tlp): number => TLP_LEVELS.indexOf(level);

/** The most restrictive of the levels given; CLEAR for none. */
export function mostRestrictive(levels: Iterable<Tlp>): Tlp {
  let most: Tlp = 'clear';
  for (const level of levels) if (rank(level) > rank(most)) most = level;
  return most;
}

/**
 * The TLP level of a STIX object's `object_marking_refs`: the most restrictive TLP among them
 * (an object should carry one; if it carries several, the strictest rules), or null when none
 * is a TLP marking.
 */
export function tlpOfObject(markingRefs: readonly string[] | undefined): Tlp | null {
  const levels = (markingRefs ?? []).map(tlpOfMarking).filter((l): l is Tlp => l !== null);
  return levels.length ? mostRestrictive(levels) : null;
}

/** An object's marking refs with its TLP written as the one OASIS TLP 2.0 id, other markings kept. */
export function withTlp(markingRefs: readonly string[] | undefined, level: Tlp): string[] {
  if (!markingRefs || markingRefs.length === 0) return [TLP2_IDS[level]];
  const others = (markingRefs ?? []).filter((id) => tlpOfMarking(id) === null);
  return [TLP2_IDS[level], ...others];
}

const TLP2_CREATED = '2022-10-01T00:00:00.000Z';

/** The OASIS TLP 2.0 marking-definition object of a level, as exports carry it. */
export function tlpMarkingDefinition(level: Tlp) {
  const name = `TLP:${level.toUpperCase()}`;
  return {
    type: 'marking-definition',
    spec_version: '2.1',
    id: TLP2_IDS[level],
    created: TLP2_CREATED,
    name,
    extensions: { [TLP2_EXTENSION]: { extension_type: 'property-extension', tlp_2_0: level } },
  };
}
