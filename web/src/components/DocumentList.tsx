import { Text } from '@mantine/core';
import type { DocumentSummary } from '../api/types.ts';
import { useLocale } from '../lib/useLocale.ts';
import { DocKindBadge } from './Badges.tsx';
import classes from './DocumentList.module.css';
import { RouterAnchor } from './RouterAnchor.tsx';

/** A compact list of documents: title (linked), kind and date. */
export function DocumentList({ documents, empty }: { documents: DocumentSummary[]; empty: string }) {
  const locale = useLocale();
  if (documents.length === 0) return <Text c="gray.7">{empty}</Text>;
  return (
    <ul className={classes.list}>
      {documents.map((document) => (
        <li key={document.id} className={classes.item}>
          <RouterAnchor to={`/documents/${encodeURIComponent(document.id)}`} className={classes.title}>
            {locale.text(document.title)}
          </RouterAnchor>
          <span className={classes.meta}>
            <DocKindBadge kind={document.kind} />
            <time dateTime={document.date}>{locale.date(document.date)}</time>
          </span>
        </li>
      ))}
    </ul>
  );
}
