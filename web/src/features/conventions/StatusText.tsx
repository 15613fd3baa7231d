import { useTranslation } from 'react-i18next';
import { useLocale } from '../../lib/useLocale.ts';
import classes from './conventions.module.css';
import { CONVENTIONS } from './i18n.ts';
import type { Facts } from './types.ts';

/** The date that made a cell's status: entry into force, the instrument, the signature. */
export function statusDate(facts: Facts): string | null {
  if (facts.status === 'in-force') return facts.inForceFor;
  if (facts.status === 'ratified') return facts.ratified?.date ?? null;
  if (facts.status === 'signed') return facts.signed;
  return null;
}

/**
 * A cell's status in words with a shape beside it (never colour alone), and its date; "No record"
 * when the depositary holds nothing of the document, which is not the same as "not signed".
 */
export function StatusText({ facts, recorded }: { facts: Facts; recorded: boolean }) {
  const { t } = useTranslation(CONVENTIONS);
  const locale = useLocale();
  const status = recorded ? facts.status : 'unrecorded';
  const date = recorded ? statusDate(facts) : null;
  return (
    <span className={classes.status}>
      <span className={classes.mark} data-status={status} aria-hidden="true" />
      <span>
        {t(`status.${status}`)}
        {date && ` · ${locale.date(date)}`}
      </span>
    </span>
  );
}
