import { useTranslation } from 'react-i18next';
import type { SummitSummary } from '../../api/types.ts';
import { useLocale } from '../../lib/useLocale.ts';

/** A summit's name in the interface language: "Saint Petersburg, 2002". */
export function useSummitName() {
  const { t } = useTranslation();
  const locale = useLocale();
  return (summit: Pick<SummitSummary, 'city' | 'start'>) =>
    t('summit.heading', { city: locale.text(summit.city), year: summit.start.slice(0, 4) });
}
