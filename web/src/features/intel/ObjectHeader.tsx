import { Button, Group } from '@mantine/core';
import { Link } from 'react-router';
import { Facts } from '../../components/Facts.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { TlpBadge, TypeBadge } from './IntelBadges.tsx';
import classes from './intel.module.css';
import { editPath } from './paths.ts';
import type { ObjectView } from './types.ts';
import { useIntelText } from './useIntelText.ts';

/** An object's name as a title: its `name`, else its id. */
export const nameOf = (view: ObjectView) =>
  typeof view.object.name === 'string' && view.object.name ? view.object.name : view.object.id;

/**
 * The top of an object's page: the trail back, its type, name, TLP badge, and an edit button when
 * the reader's organization created it (`abilities.update`).
 */
export function ObjectHeader({
  view,
  crumbs,
  children,
}: {
  view: ObjectView;
  crumbs: { to: string; label: string }[];
  children?: React.ReactNode;
}) {
  const { t, typeLabel } = useIntelText();
  const title = nameOf(view);
  usePageTitle(title);
  return (
    <PageHeader
      crumbs={[{ to: '/intel', label: t('home.title') }, ...crumbs]}
      eyebrow={typeLabel(view.object.type)}
      title={title}
    >
      <Group gap="xs" mt="md" className={classes.headBadges}>
        <TlpBadge tlp={view.tlp} size="lg" />
        <TypeBadge type={view.object.type} size="lg" />
        {children}
      </Group>
      {view.abilities.update && (
        <Button component={Link} to={editPath(view.object.id)} variant="outline" mt="md">
          {t('object.edit')}
        </Button>
      )}
    </PageHeader>
  );
}

/** The record's own facts: who created it, when, when it changed, and its STIX id. */
export function RecordFacts({ view }: { view: ObjectView }) {
  const { t, orgName, moment } = useIntelText();
  const created = typeof view.object.created === 'string' ? view.object.created : null;
  const modified = typeof view.object.modified === 'string' ? view.object.modified : null;
  return (
    <Facts
      label={t('object.record')}
      items={[
        { label: t('object.creator'), value: orgName(view.creatorOrg) },
        ...(created
          ? [{ label: t('object.created'), value: <time dateTime={created}>{moment(created)}</time> }]
          : []),
        ...(modified
          ? [{ label: t('object.modified'), value: <time dateTime={modified}>{moment(modified)}</time> }]
          : []),
        { label: t('object.id'), value: <code className={classes.id}>{view.object.id}</code> },
      ]}
    />
  );
}

/** The description, as written, in paragraphs. */
export function Description({ text }: { text: unknown }) {
  const { t } = useIntelText();
  if (typeof text !== 'string' || !text.trim()) {
    return <p className={classes.muted}>{t('object.noDescription')}</p>;
  }
  return (
    <div className={classes.description}>
      {text.split(/\n{2,}/).map((paragraph) => (
        <p key={paragraph}>{paragraph}</p>
      ))}
    </div>
  );
}
