import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLanguage, isLanguage, LANGUAGE_NAMES, LANGUAGES } from '../i18n/index.ts';

/** EN / RU / 中文: switches the interface and the data names; the choice is remembered. */
export function LanguageSwitch({ tone = 'dark' }: { tone?: 'dark' | 'light' }) {
  const { t, i18n } = useTranslation();
  const value = currentLanguage(i18n.resolvedLanguage);
  return (
    <SegmentedControl
      aria-label={t('lang.label')}
      size="xs"
      radius="md"
      value={value}
      color={tone === 'dark' ? 'sco.7' : undefined}
      withItemsBorders={false}
      onChange={(next) => {
        if (isLanguage(next)) void i18n.changeLanguage(next);
      }}
      data={LANGUAGES.map((language) => ({
        value: language,
        label: (
          <span lang={language} title={LANGUAGE_NAMES[language].long}>
            {LANGUAGE_NAMES[language].short}
          </span>
        ),
      }))}
    />
  );
}
