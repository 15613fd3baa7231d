import { Radio, Stack, Text } from '@mantine/core';
import { TlpBadge } from './IntelBadges.tsx';
import classes from './intel.module.css';
import { isTlp } from './tlp.ts';
import { TLP_LEVELS, type Tlp } from './types.ts';
import { useIntelText } from './useIntelText.ts';

/** The TLP level as a group of radio buttons, each with its badge and who may read it. */
export function TlpField({
  value,
  onChange,
  label,
  error,
}: {
  value: Tlp;
  onChange: (level: Tlp) => void;
  label?: string;
  error?: string | undefined;
}) {
  const { t } = useIntelText();
  return (
    <Radio.Group
      label={label ?? t('tlp.label')}
      description={t('tlp.description')}
      value={value}
      onChange={(next) => isTlp(next) && onChange(next)}
      error={error}
      required
    >
      <Stack gap="xs" mt="xs">
        {TLP_LEVELS.map((level) => (
          <Radio
            key={level}
            value={level}
            classNames={{ labelWrapper: classes.tlpOption }}
            label={
              <span className={classes.tlpChoice}>
                <TlpBadge tlp={level} />
                <Text span size="sm">
                  {t(`tlp.help.${level}`)}
                </Text>
              </span>
            }
          />
        ))}
      </Stack>
    </Radio.Group>
  );
}
