/**
 * The STIX 2.1 types the knowledge base holds, each one declarative definition: its properties
 * with their kinds, the required ones, and how a stored object is indexed for lists and search
 * (the converter between the STIX object, which is kept whole, and the columns we query).
 * Registered from one explicit list; validation (`stix.validate.rules.ts`) reads these.
 */

/** What a property holds. `ref` names the object types an identifier may point to. */
export type PropertyKind =
  | { kind: 'string' }
  | { kind: 'strings' }
  | { kind: 'timestamp' }
  | { kind: 'integer'; min?: number; max?: number }
  | { kind: 'number'; min?: number; max?: number }
  | { kind: 'boolean' }
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'ref'; types?: readonly string[] }
  | { kind: 'refs'; types?: readonly string[] }
  | { kind: 'object' }
  | { kind: 'objects' };

export interface StixTypeDefinition {
  type: string;
  /** Required beyond the common ones (type, spec_version, id, created, modified). */
  required: readonly string[];
  /** At least one of these groups must be present (location: region, country, or lat+long). */
  oneOf?: readonly (readonly string[])[];
  properties: Readonly<Record<string, PropertyKind>>;
  /** Whether objects of the type carry `created`/`modified` (marking definitions carry only `created`). */
  versioned: boolean;
  /** The object's name in lists. */
  name(o: StixObject): string | null;
  /** When what the object describes happened or was first seen, for lists and time filters. */
  when?(o: StixObject): string | null;
  /** Where, as an ISO 3166 alpha-2 code, for filters and maps. */
  where?(o: StixObject): string | null;
}

export type StixObject = Record<string, unknown> & { type: string; id: string };

const str = { kind: 'string' } as const;
const strs = { kind: 'strings' } as const;
const ts = { kind: 'timestamp' } as const;
const ref = (...types: string[]) => ({ kind: 'ref', ...(types.length ? { types } : {}) }) as const;
const refs = (...types: string[]) => ({ kind: 'refs', ...(types.length ? { types } : {}) }) as const;
const vocab = (...values: string[]) => ({ kind: 'enum', values }) as const;

/** Common properties of every object (STIX 2.1 §3.2). */
export const COMMON: Readonly<Record<string, PropertyKind>> = {
  type: str,
  spec_version: vocab('2.1'),
  id: str,
  created: ts,
  modified: ts,
  created_by_ref: ref('identity'),
  revoked: { kind: 'boolean' },
  labels: strs,
  confidence: { kind: 'integer', min: 0, max: 100 },
  lang: str,
  external_references: { kind: 'objects' },
  object_marking_refs: refs('marking-definition'),
  granular_markings: { kind: 'objects' },
  extensions: { kind: 'object' },
};

/** An incident's GTD extension, if it carries one. */
export const gtdOf = (o: StixObject): Record<string, unknown> | undefined =>
  (o.extensions as Record<string, Record<string, unknown>> | undefined)?.[GTD_EXTENSION];
const named = (o: StixObject) => (typeof o.name === 'string' ? o.name : null);
const text = (v: unknown) => (typeof v === 'string' ? v : null);

const motivation = vocab(
  'accidental',
  'coercion',
  'dominance',
  'ideology',
  'notoriety',
  'organizational-gain',
  'personal-gain',
  'personal-satisfaction',
  'revenge',
  'unpredictable',
);
const resourceLevel = vocab('individual', 'club', 'contest', 'team', 'organization', 'government');

/** Our extension definition for what the Global Terrorism Database carries about an incident. */
export const GTD_EXTENSION = 'extension-definition--5f3c2a8e-6b1d-4e5a-9c7f-2d8b4a6e1f03';
/** The OASIS Incident Core Extension. */
export const INCIDENT_CORE_EXTENSION = 'extension-definition--ef765651-680c-498d-9894-99799f2fa126';

const DEFINITIONS: readonly StixTypeDefinition[] = [
  {
    type: 'threat-actor',
    required: ['name'],
    properties: {
      name: str,
      description: str,
      threat_actor_types: strs,
      aliases: strs,
      first_seen: ts,
      last_seen: ts,
      roles: strs,
      goals: strs,
      sophistication: str,
      resource_level: resourceLevel,
      primary_motivation: motivation,
      secondary_motivations: strs,
      personal_motivations: strs,
    },
    versioned: true,
    name: named,
    when: (o) => text(o.first_seen),
  },
  {
    type: 'intrusion-set',
    required: ['name'],
    properties: {
      name: str,
      description: str,
      aliases: strs,
      first_seen: ts,
      last_seen: ts,
      goals: strs,
      resource_level: resourceLevel,
      primary_motivation: motivation,
      secondary_motivations: strs,
    },
    versioned: true,
    name: named,
    when: (o) => text(o.first_seen),
  },
  {
    type: 'campaign',
    required: ['name'],
    properties: { name: str, description: str, aliases: strs, first_seen: ts, last_seen: ts, objective: str },
    versioned: true,
    name: named,
    when: (o) => text(o.first_seen),
  },
  {
    type: 'incident',
    required: ['name'],
    properties: { name: str, description: str },
    versioned: true,
    name: named,
    when: (o) => text(gtdOf(o)?.date_start),
    where: (o) => text(gtdOf(o)?.country_code),
  },
  {
    type: 'location',
    required: [],
    oneOf: [['region'], ['country'], ['latitude', 'longitude']],
    properties: {
      name: str,
      description: str,
      latitude: { kind: 'number', min: -90, max: 90 },
      longitude: { kind: 'number', min: -180, max: 180 },
      precision: { kind: 'number', min: 0 },
      region: str,
      country: str,
      administrative_area: str,
      city: str,
      street_address: str,
      postal_code: str,
    },
    versioned: true,
    name: (o) => named(o) ?? text(o.city) ?? text(o.country) ?? text(o.region),
    where: (o) => text(o.country)?.toUpperCase() ?? null,
  },
  {
    type: 'identity',
    required: ['name'],
    properties: {
      name: str,
      description: str,
      roles: strs,
      identity_class: vocab('individual', 'group', 'system', 'organization', 'class', 'unknown'),
      sectors: strs,
      contact_information: str,
    },
    versioned: true,
    name: named,
  },
  {
    type: 'report',
    required: ['name', 'published', 'object_refs'],
    properties: { name: str, description: str, report_types: strs, published: ts, object_refs: refs() },
    versioned: true,
    name: named,
    when: (o) => text(o.published),
  },
  {
    type: 'relationship',
    required: ['relationship_type', 'source_ref', 'target_ref'],
    properties: {
      relationship_type: str,
      description: str,
      source_ref: ref(),
      target_ref: ref(),
      start_time: ts,
      stop_time: ts,
    },
    versioned: true,
    name: (o) => text(o.relationship_type),
    when: (o) => text(o.start_time),
  },
  {
    type: 'sighting',
    required: ['sighting_of_ref'],
    properties: {
      description: str,
      first_seen: ts,
      last_seen: ts,
      count: { kind: 'integer', min: 0, max: 999_999_999 },
      sighting_of_ref: ref(),
      observed_data_refs: refs('observed-data'),
      where_sighted_refs: refs('identity', 'location'),
      summary: { kind: 'boolean' },
    },
    versioned: true,
    name: () => 'sighting',
    when: (o) => text(o.first_seen),
  },
  {
    type: 'note',
    required: ['content', 'object_refs'],
    properties: { abstract: str, content: str, authors: strs, object_refs: refs() },
    versioned: true,
    name: (o) => text(o.abstract) ?? text(o.content)?.slice(0, 80) ?? null,
  },
  {
    type: 'opinion',
    required: ['opinion', 'object_refs'],
    properties: {
      explanation: str,
      authors: strs,
      opinion: vocab('strongly-disagree', 'disagree', 'neutral', 'agree', 'strongly-agree'),
      object_refs: refs(),
    },
    versioned: true,
    name: (o) => text(o.opinion),
  },
  {
    type: 'grouping',
    required: ['context', 'object_refs'],
    properties: { name: str, description: str, context: str, object_refs: refs() },
    versioned: true,
    name: (o) => named(o) ?? text(o.context),
  },
  {
    type: 'marking-definition',
    required: [],
    properties: { name: str, definition_type: str, definition: { kind: 'object' } },
    versioned: false,
    name: named,
  },
  {
    type: 'extension-definition',
    required: ['name', 'schema', 'version', 'extension_types'],
    properties: {
      name: str,
      description: str,
      schema: str,
      version: str,
      extension_types: strs,
      extension_properties: strs,
    },
    versioned: true,
    name: named,
  },
];

/** The registry: type name → definition. */
export const STIX_TYPES: ReadonlyMap<string, StixTypeDefinition> = new Map(
  DEFINITIONS.map((d) => [d.type, d]),
);

/** The types, in the order of the list above. */
export const STIX_TYPE_NAMES: readonly string[] = DEFINITIONS.map((d) => d.type);
