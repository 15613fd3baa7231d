import { useTranslation } from 'react-i18next';
import { useAllStates } from '../../api/queries.ts';
import { LOCALES } from '../../i18n/index.ts';
import { useLocale } from '../../lib/useLocale.ts';
import { formKey } from './dashboard.model.ts';
import { ASSESSMENT } from './i18n.ts';
import type { Region } from './types.ts';

/** A country's name from Intl in the locale, or its code when Intl does not know it. */
function intlName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * The words the dashboard shares: its strings, numbers in the interface language, states named as
 * the registry names them (Intl otherwise), regions (the built-in ones translated), and GTD's
 * forms of terrorism translated where we have them (as GTD writes them otherwise).
 */
export function useAssessmentText() {
  const { t } = useTranslation(ASSESSMENT);
  const locale = useLocale();
  const registry = useAllStates();
  const names = new Map((registry.data ?? []).map((s) => [s.code, locale.text(s.name)]));
  const score = new Intl.NumberFormat(LOCALES[locale.language], { maximumFractionDigits: 2 });
  return {
    ...locale,
    t,
    registry,
    /** The index to two decimals. */
    score: (value: number) => score.format(value),
    stateName: (code: string) => names.get(code) ?? intlName(code, LOCALES[locale.language]),
    regionName: (region: Pick<Region, 'id' | 'name' | 'builtIn'>) =>
      region.builtIn ? t(`region.${region.id}`, { defaultValue: region.name }) : region.name,
    formName: (name: string) => t(`formName.${formKey(name)}`, { defaultValue: name }),
  };
}
