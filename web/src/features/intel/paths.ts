import { ORGANIZATION_TYPES } from './types.ts';

/** Where the web app shows an object: by its type, the organization, incident or report page, else the plain object page. */
export function objectPath(type: string, id: string): string {
  const key = encodeURIComponent(id);
  if ((ORGANIZATION_TYPES as readonly string[]).includes(type)) return `/intel/organizations/${key}`;
  if (type === 'incident') return `/intel/incidents/${key}`;
  if (type === 'report') return `/intel/reports/${key}`;
  return `/intel/objects/${key}`;
}

/** The type part of a STIX identifier (`threat-actor--…`), or null. */
export function typeOfId(id: string): string | null {
  return /^([a-z0-9][a-z0-9-]*[a-z0-9])--/.exec(id)?.[1] ?? null;
}

export const editPath = (id: string) => `/intel/objects/${encodeURIComponent(id)}/edit`;
