import { incidentDetails } from './objectForm.model.ts';
import type { IncidentRow, StixObject, Tlp } from './types.ts';

/**
 * An incident object read as the incidents API reads it (`src/intel/incidents.service.ts`): the
 * fields of its incident extension, with the perpetrators' ids kept for links. Pure.
 */

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
const strs = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

export function incidentRowOf(
  object: StixObject,
  tlp: Tlp | null,
): IncidentRow & { perpetratorRefs: string[] } {
  const details = incidentDetails(object);
  return {
    id: object.id,
    name: str(object.name) ?? object.id,
    date: str(details.date_start),
    precision: str(details.date_precision),
    country: str(details.country),
    countryCode: str(details.country_code),
    region: str(details.region),
    city: str(details.city),
    latitude: num(details.latitude),
    longitude: num(details.longitude),
    attackTypes: strs(details.attack_types),
    weaponTypes: strs(details.weapon_types),
    perpetrators: strs(details.perpetrator_names),
    perpetratorRefs: strs(details.perpetrator_refs),
    killed: num(details.killed),
    wounded: num(details.wounded),
    tlp,
  };
}
