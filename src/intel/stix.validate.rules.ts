import { COMMON, type PropertyKind, STIX_TYPES, type StixObject } from './stix.definitions.ts';

/**
 * Validation of STIX 2.1 objects against the registered definitions. Pure. Each fault names the
 * property path (`object_refs[2]`, `extensions.x.y`) and the problem, so an import report can say
 * exactly what is wrong with which object; properties we do not know are kept as they are.
 */

export interface Fault {
  path: string;
  problem: string;
}

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const IDENTIFIER = new RegExp(`^([a-z0-9][a-z0-9-]*[a-z0-9])--${UUID}$`);
/** RFC 3339 in UTC, as STIX requires: `2026-11-28T09:00:00Z`, with any fraction of a second. */
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** The type named by a STIX identifier, or null when it is not one. */
export function typeOfId(id: string): string | null {
  return IDENTIFIER.exec(id)?.[1] ?? null;
}

export const isTimestamp = (v: unknown): v is string =>
  typeof v === 'string' && TIMESTAMP.test(v) && !Number.isNaN(Date.parse(v));

/** The problem of one property's value, or null; `refs` faults are pushed with their index. */
function checkValue(value: unknown, spec: PropertyKind, path: string, faults: Fault[]): void {
  const problem = problemOf(value, spec, path, faults);
  if (problem) faults.push({ path, problem });
}

function problemOf(value: unknown, spec: PropertyKind, path: string, faults: Fault[]): string | null {
  switch (spec.kind) {
    case 'string':
      return typeof value === 'string' ? null : 'must be a string';
    case 'strings':
      return Array.isArray(value) && value.every(isString) ? null : 'must be a list of strings';
    case 'timestamp':
      return isTimestamp(value) ? null : 'must be an RFC 3339 UTC timestamp, e.g. 2026-11-28T09:00:00.000Z';
    case 'boolean':
      return typeof value === 'boolean' ? null : 'must be true or false';
    case 'integer':
    case 'number': {
      const ok = typeof value === 'number' && Number.isFinite(value);
      if (!ok || (spec.kind === 'integer' && !Number.isInteger(value))) {
        return `must be ${spec.kind === 'integer' ? 'an integer' : 'a number'}`;
      }
      if (spec.min !== undefined && value < spec.min) return `must be at least ${spec.min}`;
      if (spec.max !== undefined && value > spec.max) return `must be at most ${spec.max}`;
      return null;
    }
    case 'enum':
      return typeof value === 'string' && spec.values.includes(value)
        ? null
        : `must be one of ${spec.values.join(', ')}`;
    case 'ref':
      return refProblem(value, spec.types);
    case 'refs':
      if (!Array.isArray(value)) return 'must be a list of identifiers';
      for (let i = 0; i < value.length; i++) {
        const problem = refProblem(value[i], spec.types);
        if (problem) faults.push({ path: `${path}[${i}]`, problem });
      }
      return null;
    case 'object':
      return isPlainObject(value) ? null : 'must be an object';
    case 'objects':
      return Array.isArray(value) && value.every(isPlainObject) ? null : 'must be a list of objects';
  }
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isPlainObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);

function refProblem(value: unknown, types: readonly string[] | undefined): string | null {
  const type = typeof value === 'string' ? typeOfId(value) : null;
  if (!type) return 'must be a STIX identifier, type--UUID';
  if (types && !types.includes(type)) return `must point to ${types.join(' or ')}`;
  return null;
}

/** The faults of one object, at `at` (its place in a bundle, e.g. `objects[3]`), or [] when valid. */
export function validateStix(object: unknown, at = ''): Fault[] {
  const prefix = at ? `${at}.` : '';
  const faults: Fault[] = [];
  if (typeof object !== 'object' || object === null || Array.isArray(object)) {
    return [{ path: at || '(object)', problem: 'must be a JSON object' }];
  }
  const o = object as Record<string, unknown>;
  if (typeof o.type !== 'string') return [{ path: `${prefix}type`, problem: 'is required' }];
  const definition = STIX_TYPES.get(o.type);
  if (!definition) {
    return [{ path: `${prefix}type`, problem: `${o.type} is not a type this knowledge base holds` }];
  }
  const required = ['spec_version', 'id', 'created', ...(definition.versioned ? ['modified'] : [])];
  for (const name of [...required, ...definition.required]) {
    if (o[name] === undefined || o[name] === null)
      faults.push({ path: `${prefix}${name}`, problem: 'is required' });
  }
  if (definition.oneOf && !definition.oneOf.some((group) => group.every((name) => o[name] !== undefined))) {
    faults.push({
      path: `${prefix}${definition.oneOf[0]?.[0] ?? '(object)'}`,
      problem: `one of ${definition.oneOf.map((g) => g.join('+')).join(', ')} is required`,
    });
  }
  if (typeof o.id === 'string' && typeOfId(o.id) !== o.type) {
    faults.push({ path: `${prefix}id`, problem: `must be ${o.type}--UUID` });
  }
  for (const [name, value] of Object.entries(o)) {
    const spec = definition.properties[name] ?? COMMON[name];
    if (!spec || value === undefined) continue;
    if (value === null) {
      faults.push({ path: `${prefix}${name}`, problem: 'must not be null (leave it out instead)' });
      continue;
    }
    checkValue(value, spec, `${prefix}${name}`, faults);
  }
  if (isTimestamp(o.created) && isTimestamp(o.modified) && Date.parse(o.modified) < Date.parse(o.created)) {
    faults.push({ path: `${prefix}modified`, problem: 'must not be earlier than created' });
  }
  if (o.extensions && typeof o.extensions === 'object') {
    for (const [key, value] of Object.entries(o.extensions)) {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        faults.push({ path: `${prefix}extensions.${key}`, problem: 'must be an object' });
      }
    }
  }
  return faults;
}

/** Adds the `*_ref` and `*_refs` values of `properties` to `found` (markings and authorship excepted). */
function collectRefs(properties: Record<string, unknown>, found: Set<string>): void {
  for (const name in properties) {
    const last = name.charCodeAt(name.length - 1);
    // Only names ending in _ref or _refs: test the last letter before the whole suffix.
    if (last !== 102 && last !== 115) continue;
    const value = properties[name];
    if (name.endsWith('_ref')) {
      if (typeof value === 'string' && name !== 'created_by_ref') found.add(value);
    } else if (name.endsWith('_refs') && Array.isArray(value) && name !== 'object_marking_refs') {
      for (const v of value) if (typeof v === 'string') found.add(v);
    }
  }
}

/**
 * The identifiers an object points to: its `*_ref` and `*_refs` properties and those of its
 * extensions (an incident's perpetrators), markings and authorship excepted.
 */
export function referencesOf(object: StixObject): string[] {
  const found = new Set<string>();
  collectRefs(object, found);
  const extensions = object.extensions;
  if (extensions && typeof extensions === 'object') {
    for (const key in extensions) {
      const extension = (extensions as Record<string, unknown>)[key];
      if (extension && typeof extension === 'object')
        collectRefs(extension as Record<string, unknown>, found);
    }
  }
  return found.size === 0 ? [] : [...found];
}
