import { useTranslation } from 'react-i18next';
import { useLocale } from '../../lib/useLocale.ts';
import { PARTNERS } from './i18n.ts';
import type { Endpoint } from './types.ts';

/** The words the partner pages share: the namespace's `t`, Intl formatting, and a pull's outcome. */
export function usePartnersText() {
  const { t } = useTranslation(PARTNERS);
  const locale = useLocale();
  const lastPull = (e: Pick<Endpoint, 'lastPullStatus' | 'lastPullAt'>) =>
    e.lastPullStatus === 'ok'
      ? t('pull.ok', { when: locale.dateTime(e.lastPullAt) })
      : e.lastPullStatus === 'failed'
        ? t('pull.failed', { when: locale.dateTime(e.lastPullAt) })
        : t('pull.never');
  return { ...locale, t, lastPull };
}
