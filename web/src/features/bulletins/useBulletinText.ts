import { useTranslation } from 'react-i18next';
import { useMe, useOrganizations } from '../../api/queries.ts';
import type { Me } from '../../api/types.ts';
import { useLocale } from '../../lib/useLocale.ts';
import { BULLETINS } from './i18n.ts';

/** Whether the caller builds bulletins: analysts and administrators of the RATS Executive Committee. */
export const buildsBulletins = (me: Me | undefined) =>
  me?.organization?.kind === 'rats-executive-committee' &&
  (me.effectiveRoles ?? []).some((r) => r === 'analyst' || r === 'admin');

/** The words the bulletins' pages share: strings, organization names, dates, who the caller is. */
export function useBulletinText() {
  const { t } = useTranslation(BULLETINS);
  const locale = useLocale();
  const me = useMe();
  const signedIn = Boolean(me.data?.user && me.data.organization);
  const organizations = useOrganizations(signedIn);
  const names = new Map((organizations.data?.items ?? []).map((o) => [o.id, locale.text(o.name)]));
  return {
    ...locale,
    t,
    me,
    signedIn,
    builder: buildsBulletins(me.data),
    orgName: (id: string) => names.get(id) ?? id,
    period: (from: string, to: string) => locale.dateRange(from, to),
  };
}
