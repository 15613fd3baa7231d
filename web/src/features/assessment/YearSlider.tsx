import { useId } from 'react';
import classes from './assessment.module.css';
import { useAssessmentText } from './useAssessmentText.ts';

/**
 * The year the map shows: a native range input (arrow keys, Home and End move it; assistive
 * technology reads the year), with the year written beside it.
 */
export function YearSlider({
  from,
  to,
  value,
  onChange,
}: {
  from: number;
  to: number;
  value: number;
  onChange: (year: number) => void;
}) {
  const { t } = useAssessmentText();
  const id = useId();
  return (
    <div className={classes.slider}>
      <label htmlFor={id} className={classes.sliderLabel}>
        {t('map.year')}
      </label>
      <input
        id={id}
        type="range"
        min={from}
        max={to}
        step={1}
        value={value}
        disabled={from === to}
        aria-valuetext={String(value)}
        onChange={(event) => onChange(Number(event.currentTarget.value))}
        className={classes.range}
      />
      <output htmlFor={id} className={classes.sliderValue} aria-live="polite">
        {value}
      </output>
    </div>
  );
}
