import { useTranslation } from 'react-i18next';
import { useAllStates, useBodies, useMe } from '../../api/queries.ts';
import { LOCALES } from '../../i18n/index.ts';
import { useLocale } from '../../lib/useLocale.ts';
import { type MeasuresAccess, measuresAccess } from './access.ts';
import { MEASURES } from './i18n.ts';
import type { MeasureName, Participant, Place } from './types.ts';

const displayNames = new Map<string, Intl.DisplayNames>();
/** A country's name in a locale, from Intl (any ISO 3166 code; the code itself when unknown). */
export function countryName(code: string, locale: string): string {
  let names = displayNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale], { type: 'region' });
    displayNames.set(locale, names);
  }
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * The words the measures pages share: the namespace's strings, the interface language's
 * formatting, what the caller may do, and names of states (the registry's, as the SCO writes
 * them), bodies and countries in the interface language.
 */
export function useMeasuresText() {
  const { t } = useTranslation(MEASURES);
  const locale = useLocale();
  const me = useMe();
  const access: MeasuresAccess = measuresAccess(me.data);
  const states = useAllStates();
  const bodies = useBodies();
  const stateNames = new Map((states.data ?? []).map((s) => [s.code, locale.text(s.name)]));
  const bodyNames = new Map((bodies.data ?? []).map((b) => [b.id, locale.text(b.name)]));
  const country = (code: string) => stateNames.get(code) ?? countryName(code, LOCALES[locale.language]);
  return {
    ...locale,
    t,
    access,
    me,
    states: states.data ?? [],
    bodies: bodies.data ?? [],
    country,
    name: (name: MeasureName) => name[locale.language] ?? name.en,
    place: (p: Place) => (p.region ? `${country(p.country)} (${p.region})` : country(p.country)),
    participant: (p: Participant) => (p.kind === 'state' ? country(p.id) : (bodyNames.get(p.id) ?? p.id)),
  };
}
