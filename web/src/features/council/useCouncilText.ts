import { useTranslation } from 'react-i18next';
import { LOCALES } from '../../i18n/index.ts';
import { useLocale } from '../../lib/useLocale.ts';
import { COUNCIL } from './i18n.ts';
import { useMemberStates } from './queries.ts';
import { formatInstant } from './time.ts';
import type { Decision } from './types.ts';

/**
 * The words the Council pages share: state names in the interface language (from the registry;
 * the code while they load or for a state no longer a member), the rule of a decision, and
 * moments in the viewer's time zone or in UTC.
 */
export function useCouncilText() {
  const { t } = useTranslation(COUNCIL);
  const locale = useLocale();
  const states = useMemberStates();
  const names = new Map((states.data?.items ?? []).map((state) => [state.code, locale.text(state.name)]));
  const stateName = (code: string) => names.get(code) ?? code;
  const bcp47 = LOCALES[locale.language];
  return {
    t,
    locale,
    stateName,
    ruleLabel: (decision: Pick<Decision, 'rule' | 'concernedState'>) =>
      decision.rule === 'consensus-minus-one' && decision.concernedState
        ? t('rule.minusOneWith', { state: stateName(decision.concernedState) })
        : t(`rule.${decision.rule}`),
    /** State names as a list in the interface language ("Belarus and Iran"). */
    stateList: (codes: readonly string[]) =>
      new Intl.ListFormat(bcp47, { type: 'conjunction' }).format(codes.map(stateName)),
    /** In the viewer's time zone. */
    moment: (value: string) => formatInstant(value, bcp47),
    /** In UTC. */
    utc: (value: string) => formatInstant(value, bcp47, 'UTC'),
  };
}
