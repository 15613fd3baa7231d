import { Badge, type BadgeProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { INTEL } from './i18n.ts';
import classes from './intel.module.css';
import { tlpParts } from './tlp.ts';
import type { Label, Outcome, Tlp } from './types.ts';

/**
 * A TLP 2.0 label in the standard's colours: CLEAR white with a black border, GREEN, AMBER and RED
 * filled, AMBER+STRICT amber with "+STRICT". The label itself is never translated (TLP 2.0 asks
 * for it as written); its meaning is in the title and the forms.
 */
export function TlpBadge({ tlp, size = 'sm' }: { tlp: Tlp | null; size?: 'sm' | 'lg' }) {
  const { t } = useTranslation(INTEL);
  if (!tlp) {
    return (
      <span className={classes.tlp} data-tlp="none" data-size={size}>
        {t('tlp.none')}
      </span>
    );
  }
  const { colour, strict } = tlpParts(tlp);
  return (
    <span className={classes.tlp} data-tlp={tlp} data-size={size} title={t(`tlp.help.${tlp}`)}>
      TLP:{colour}
      {strict && <span className={classes.tlpStrict}>+STRICT</span>}
    </span>
  );
}

const TYPE_COLOR: Record<string, string> = {
  'threat-actor': 'red.9',
  'intrusion-set': 'grape.8',
  campaign: 'indigo.8',
  incident: 'ochre.8',
  report: 'sco.7',
  location: 'pine.8',
};

/** The STIX type of an object, in words. */
export function TypeBadge({ type, size = 'sm' }: { type: string; size?: BadgeProps['size'] }) {
  const { t } = useTranslation(INTEL);
  return (
    <Badge
      variant="light"
      color={TYPE_COLOR[type] ?? 'gray.7'}
      size={size}
      classNames={{ root: classes.wrapBadge, label: classes.wrapLabel }}
    >
      {t(`type.${type}`, { defaultValue: type })}
    </Badge>
  );
}

export const OUTCOME_COLOR: Record<Outcome, string> = {
  terrorism: 'red.9',
  separatism: 'grape.8',
  extremism: 'ochre.8',
  none: 'pine.8',
  'insufficient-information': 'gray.7',
};

/** The result of an assessment: a met definition, none, or not enough known. */
export function OutcomeBadge({
  outcome,
  size = 'sm',
}: {
  outcome: Outcome | Label;
  size?: BadgeProps['size'];
}) {
  const { t } = useTranslation(INTEL);
  return (
    <Badge
      variant={outcome === 'none' || outcome === 'insufficient-information' ? 'outline' : 'filled'}
      color={OUTCOME_COLOR[outcome]}
      size={size}
      classNames={{ root: classes.wrapBadge, label: classes.wrapLabel }}
    >
      {t(`outcome.${outcome}`)}
    </Badge>
  );
}
