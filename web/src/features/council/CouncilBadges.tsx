import { Badge, type BadgeProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import classes from './council.module.css';
import { COUNCIL } from './i18n.ts';
import type { DecisionRule, DecisionStatus, Position } from './types.ts';

type Size = BadgeProps['size'];

/** Theme colours (dark shades, for small text on a tint) of statuses and positions. */
export const STATUS_COLOR: Record<DecisionStatus, string> = {
  pending: 'ochre.8',
  adopted: 'pine.8',
  'not-adopted': 'red.9',
};

export const POSITION_COLOR: Record<Position, string> = {
  support: 'pine.8',
  'no-objection': 'sco.7',
  abstention: 'gray.7',
  statement: 'indigo.8',
  reservation: 'ochre.8',
  objection: 'red.9',
};

/** Pending, adopted or not adopted. */
export function DecisionStatusBadge({ status, size = 'sm' }: { status: DecisionStatus; size?: Size }) {
  const { t } = useTranslation(COUNCIL);
  return (
    <Badge variant={status === 'pending' ? 'light' : 'filled'} color={STATUS_COLOR[status]} size={size}>
      {t(`status.${status}`)}
    </Badge>
  );
}

const WRAP = { root: classes.wrapBadge, label: classes.wrapLabel };

/** A state's current position, or "no position yet"; the text wraps on narrow cards. */
export function PositionBadge({ position, size = 'sm' }: { position: Position | null; size?: Size }) {
  const { t } = useTranslation(COUNCIL);
  if (!position) {
    return (
      <Badge variant="outline" color="gray.7" size={size} classNames={WRAP}>
        {t('position.none')}
      </Badge>
    );
  }
  return (
    <Badge variant="light" color={POSITION_COLOR[position]} size={size} classNames={WRAP}>
      {t(`position.${position}`)}
    </Badge>
  );
}

/** The rule of a decision (the state concerned is named in the facts, not here). */
export function RuleBadge({ rule, size = 'sm' }: { rule: DecisionRule; size?: Size }) {
  const { t } = useTranslation(COUNCIL);
  return (
    <Badge variant="outline" color="sco.8" size={size} classNames={WRAP}>
      {t(`rule.${rule}`)}
    </Badge>
  );
}
