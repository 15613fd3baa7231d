import { Badge, type BadgeProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ChronologyKind, Confidence, DocumentKind, StatusName } from '../api/types.ts';
import { CONFIDENCE_COLOR, KIND_COLOR, STATUS_COLOR } from '../theme.ts';

type Size = BadgeProps['size'];

/** A state's status (member, observer, ...), in its status colour. */
export function StatusBadge({ status, size = 'md' }: { status: StatusName | null; size?: Size }) {
  const { t } = useTranslation();
  if (!status) {
    return (
      <Badge variant="light" color="gray.8" size={size}>
        {t('status.none')}
      </Badge>
    );
  }
  return (
    <Badge variant="light" color={STATUS_COLOR[status]} size={size}>
      {t(`status.${status}`)}
    </Badge>
  );
}

/** The kind of a chronology event, in the colour of its timeline lane. */
export function KindBadge({ kind, size = 'sm' }: { kind: ChronologyKind; size?: Size }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={KIND_COLOR[kind]} size={size}>
      {t(`kind.${kind}`)}
    </Badge>
  );
}

/** The kind of a document (treaty, charter, ...). */
export function DocKindBadge({ kind, size = 'sm' }: { kind: DocumentKind; size?: Size }) {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" color="sco.8" size={size}>
      {t(`docKind.${kind}`)}
    </Badge>
  );
}

/** How well the sources support a record. */
export function ConfidenceBadge({ confidence, size = 'sm' }: { confidence: Confidence; size?: Size }) {
  const { t } = useTranslation();
  return (
    <Badge variant="dot" color={CONFIDENCE_COLOR[confidence]} size={size}>
      {t(`confidence.${confidence}`)}
    </Badge>
  );
}
