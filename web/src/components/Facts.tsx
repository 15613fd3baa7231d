import type { ReactNode } from 'react';
import classes from './Facts.module.css';

export interface Fact {
  label: string;
  value: ReactNode;
}

/** A description list of a record's fields: label on the left, value on the right. */
export function Facts({ items, label }: { items: Fact[]; label?: string }) {
  return (
    <dl className={classes.list} aria-label={label}>
      {items.map((item) => (
        <div key={item.label} className={classes.row}>
          <dt className={classes.term}>{item.label}</dt>
          <dd className={classes.value}>{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
