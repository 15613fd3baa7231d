import { useTranslation } from 'react-i18next';
import { useMe, useOrganizations } from '../../api/queries.ts';
import { useLocale } from '../../lib/useLocale.ts';
import { type IntelAccess, intelAccess } from './access.ts';
import { INTEL } from './i18n.ts';

/**
 * The words the information center's pages share: organization names in the interface language
 * (from `/api/organizations` when signed in; the id otherwise), STIX type names, dates of objects
 * (timestamps shown as their day) and moments, and what the caller may start.
 */
export function useIntelText(): ReturnType<typeof useLocale> & {
  t: ReturnType<typeof useTranslation<typeof INTEL>>['t'];
  access: IntelAccess;
  orgName: (id: string) => string;
  typeLabel: (type: string) => string;
  day: (value: string | null | undefined) => string;
  moment: (value: string | null | undefined) => string;
} {
  const { t } = useTranslation(INTEL);
  const locale = useLocale();
  const me = useMe();
  const access = intelAccess(me.data);
  const organizations = useOrganizations(access.signedIn);
  const names = new Map((organizations.data?.items ?? []).map((o) => [o.id, locale.text(o.name)]));
  return {
    ...locale,
    t,
    access,
    orgName: (id) => names.get(id) ?? id,
    typeLabel: (type) => t(`type.${type}`, { defaultValue: type }),
    day: (value) => (value ? locale.date(value.slice(0, 10)) : ''),
    moment: (value) => locale.dateTime(value),
  };
}
