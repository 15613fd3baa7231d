import { Table } from '@mantine/core';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import classes from './TableFrame.module.css';

export { classes as tableClasses };

/** Whether the element is narrower than its content (it scrolls sideways), kept up to date. */
function useScrollsSideways() {
  const ref = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => setScrolls(element.scrollWidth > element.clientWidth + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return { ref, scrolls };
}

/**
 * A data table that scrolls sideways inside its own frame on narrow screens (never the page).
 * While it does, the frame is a labelled region that takes keyboard focus, so the arrow keys can
 * scroll it; on wide screens it is a plain box and adds no tab stop. Cells style themselves with
 * the module's `tight`, `code`, `muted` and `badges` classes.
 */
export function TableFrame({
  label,
  minWidth,
  children,
}: {
  label: string;
  minWidth: number;
  children: ReactNode;
}) {
  const { ref, scrolls } = useScrollsSideways();
  return (
    <Table.ScrollContainer
      ref={ref}
      minWidth={minWidth}
      type="native"
      className={classes.frame}
      {...(scrolls ? { role: 'region', 'aria-label': label, tabIndex: 0 } : {})}
    >
      <Table verticalSpacing="sm" highlightOnHover className={classes.table}>
        {children}
      </Table>
    </Table.ScrollContainer>
  );
}
