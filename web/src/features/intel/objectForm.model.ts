import type { EditableType, StixObject, Tlp } from './types.ts';

/**
 * The object form's arithmetic: its values from a stored STIX object and back (every property the
 * form does not know is kept, so an edit changes only what the form shows), the checks made before
 * sending, and which field a refusal of the API is about (`error.details.field`). Pure.
 */

/** Our extension for what an incident record carries (date, place, casualties, perpetrators). */
export const INCIDENT_EXTENSION = 'extension-definition--5f3c2a8e-6b1d-4e5a-9c7f-2d8b4a6e1f03';

export interface ObjectFormValues {
  type: EditableType;
  name: string;
  description: string;
  aliases: string[];
  /** Calendar dates, YYYY-MM-DD, or ''. */
  firstSeen: string;
  lastSeen: string;
  published: string;
  objectRefs: string[];
  /** Incident details; numbers as typed. */
  date: string;
  country: string;
  countryCode: string;
  city: string;
  latitude: string;
  longitude: string;
  killed: string;
  wounded: string;
  perpetratorRefs: string[];
  tlp: Tlp;
  recipientOrgs: string[];
  recipientUsers: string[];
}

export type FormField = Exclude<keyof ObjectFormValues, 'type'>;

export function emptyValues(type: EditableType): ObjectFormValues {
  return {
    type,
    name: '',
    description: '',
    aliases: [],
    firstSeen: '',
    lastSeen: '',
    published: '',
    objectRefs: [],
    date: '',
    country: '',
    countryCode: '',
    city: '',
    latitude: '',
    longitude: '',
    killed: '',
    wounded: '',
    perpetratorRefs: [],
    tlp: 'green',
    recipientOrgs: [],
    recipientUsers: [],
  };
}

/** A calendar date as a STIX timestamp (midnight UTC). */
export const toTimestamp = (date: string): string => `${date}T00:00:00.000Z`;
/** The calendar date of a STIX timestamp or date, or ''. */
export const toDate = (value: unknown): string =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : '';

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const texts = (value: unknown) =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
const numberText = (value: unknown) => (typeof value === 'number' ? String(value) : '');

/** The incident extension of an object, if it carries one. */
export const incidentDetails = (object: StixObject): Record<string, unknown> =>
  (object.extensions as Record<string, Record<string, unknown>> | undefined)?.[INCIDENT_EXTENSION] ?? {};

/** The form's values for a stored object, with its marking and recipients. */
export function valuesOf(
  object: StixObject,
  access: { tlp: Tlp; recipientOrgs: string[]; recipientUsers: string[] },
): ObjectFormValues {
  const details = incidentDetails(object);
  return {
    ...emptyValues(object.type as EditableType),
    name: text(object.name),
    description: text(object.description),
    aliases: texts(object.aliases),
    firstSeen: toDate(object.first_seen),
    lastSeen: toDate(object.last_seen),
    published: toDate(object.published),
    objectRefs: texts(object.object_refs),
    date: toDate(details.date_start),
    country: text(details.country),
    countryCode: text(details.country_code),
    city: text(details.city),
    latitude: numberText(details.latitude),
    longitude: numberText(details.longitude),
    killed: numberText(details.killed),
    wounded: numberText(details.wounded),
    perpetratorRefs: texts(details.perpetrator_refs),
    tlp: access.tlp,
    recipientOrgs: access.recipientOrgs,
    recipientUsers: access.recipientUsers,
  };
}

/** Sets a property, or removes it when the form leaves it empty. */
function put(target: Record<string, unknown>, key: string, value: unknown) {
  const empty = value === '' || value === null || (Array.isArray(value) && value.length === 0);
  if (empty) delete target[key];
  else target[key] = value;
}

const parsed = (value: string): number | null => (value.trim() === '' ? null : Number(value));

/**
 * The STIX object to send: `base` (the stored object, for an edit) with the form's properties
 * written over it and `modified` left out, so the server stamps the new version.
 */
export function toStix(values: ObjectFormValues, base?: StixObject): Record<string, unknown> {
  const { modified: _modified, ...kept }: Record<string, unknown> = base ?? {};
  const object: Record<string, unknown> = { ...kept, type: values.type };
  put(object, 'name', values.name.trim());
  put(object, 'description', values.description.trim());
  if (values.type === 'threat-actor' || values.type === 'intrusion-set') {
    put(object, 'aliases', values.aliases.map((a) => a.trim()).filter(Boolean));
    put(object, 'first_seen', values.firstSeen ? toTimestamp(values.firstSeen) : '');
    put(object, 'last_seen', values.lastSeen ? toTimestamp(values.lastSeen) : '');
  }
  if (values.type === 'report') {
    put(object, 'published', values.published ? toTimestamp(values.published) : '');
    put(object, 'object_refs', values.objectRefs.map((r) => r.trim()).filter(Boolean));
  }
  if (values.type === 'incident') {
    const details: Record<string, unknown> = {
      extension_type: 'property-extension',
      ...(base ? incidentDetails(base) : {}),
    };
    put(details, 'date_start', values.date);
    put(details, 'country', values.country.trim());
    put(details, 'country_code', values.countryCode.trim().toUpperCase());
    put(details, 'city', values.city.trim());
    put(details, 'latitude', parsed(values.latitude));
    put(details, 'longitude', parsed(values.longitude));
    put(details, 'killed', parsed(values.killed));
    put(details, 'wounded', parsed(values.wounded));
    put(details, 'perpetrator_refs', values.perpetratorRefs);
    const extensions = { ...((kept.extensions as Record<string, unknown> | undefined) ?? {}) };
    if (Object.keys(details).length > 1) extensions[INCIDENT_EXTENSION] = details;
    else delete extensions[INCIDENT_EXTENSION];
    put(object, 'extensions', Object.keys(extensions).length ? extensions : '');
  }
  return object;
}

/** Problems found before sending, as keys of the `form.problem` strings. */
export type Problem = 'required' | 'refsRequired' | 'order' | 'latitude' | 'longitude' | 'count' | 'code';

/** What must be fixed before the form is sent, field by field. */
export function problemsOf(values: ObjectFormValues): Partial<Record<FormField, Problem>> {
  const problems: Partial<Record<FormField, Problem>> = {};
  if (!values.name.trim()) problems.name = 'required';
  if (values.type === 'report') {
    if (!values.published) problems.published = 'required';
    if (values.objectRefs.length === 0) problems.objectRefs = 'refsRequired';
  }
  if (values.firstSeen && values.lastSeen && values.lastSeen < values.firstSeen) problems.lastSeen = 'order';
  if (values.type === 'incident') {
    const within = (value: string, limit: number) => {
      const n = parsed(value);
      return n === null || (Number.isFinite(n) && Math.abs(n) <= limit);
    };
    if (!within(values.latitude, 90)) problems.latitude = 'latitude';
    if (!within(values.longitude, 180)) problems.longitude = 'longitude';
    for (const field of ['killed', 'wounded'] as const) {
      const n = parsed(values[field]);
      if (n !== null && !(Number.isInteger(n) && n >= 0)) problems[field] = 'count';
    }
    if (values.countryCode.trim() && !/^[a-z]{2}$/i.test(values.countryCode.trim()))
      problems.countryCode = 'code';
  }
  return problems;
}

const OBJECT_FIELDS: Record<string, FormField> = {
  name: 'name',
  description: 'description',
  aliases: 'aliases',
  first_seen: 'firstSeen',
  last_seen: 'lastSeen',
  published: 'published',
  object_refs: 'objectRefs',
};
const DETAIL_FIELDS: Record<string, FormField> = {
  date_start: 'date',
  country: 'country',
  country_code: 'countryCode',
  city: 'city',
  latitude: 'latitude',
  longitude: 'longitude',
  killed: 'killed',
  wounded: 'wounded',
  perpetrator_refs: 'perpetratorRefs',
};

/**
 * The form field an API refusal names (`object.first_seen`, `object.object_refs[2]`,
 * `object.extensions.<id>.latitude`, `tlp`, `recipientOrgs`), or null when it is none of them.
 */
export function fieldOf(path: string | undefined): FormField | null {
  if (!path) return null;
  const bare = path.replace(/\[\d+\]/g, '');
  if (bare === 'tlp' || bare === 'recipientOrgs' || bare === 'recipientUsers') return bare;
  const parts = bare.split('.');
  if (parts[0] !== 'object') return null;
  if (parts[1] === 'extensions' && parts[2] === INCIDENT_EXTENSION)
    return DETAIL_FIELDS[parts[3] ?? ''] ?? null;
  return OBJECT_FIELDS[parts[1] ?? ''] ?? null;
}

/** A refusal's message for display on its field: without the field's path when the server starts with it. */
export function fieldMessage(message: string, path: string | undefined): string {
  return path && message.startsWith(`${path}: `) ? message.slice(path.length + 2) : message;
}
