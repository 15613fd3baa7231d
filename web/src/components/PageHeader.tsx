import { Anchor, Breadcrumbs, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import classes from './Section.module.css';

/** The top of a page: optional breadcrumb trail, eyebrow line, title, lead text and badges. */
export function PageHeader({
  title,
  eyebrow,
  lead,
  crumbs,
  children,
}: {
  title: string;
  eyebrow?: ReactNode;
  lead?: ReactNode;
  crumbs?: { to: string; label: string }[];
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className={classes.header}>
      {crumbs && crumbs.length > 0 && (
        <nav aria-label={t('nav.breadcrumb')}>
          <Breadcrumbs mb="sm" separatorMargin={6}>
            {crumbs.map((crumb) => (
              <Anchor key={crumb.to} component={Link} to={crumb.to} size="sm">
                {crumb.label}
              </Anchor>
            ))}
          </Breadcrumbs>
        </nav>
      )}
      {eyebrow && <Text className={classes.eyebrow}>{eyebrow}</Text>}
      <Title order={1} className={classes.title}>
        {title}
      </Title>
      {lead && <Text className={classes.lead}>{lead}</Text>}
      {children}
    </div>
  );
}

/** A titled block of a page, with its heading linked for assistive technology. */
export function Section({
  id,
  title,
  children,
  actions,
}: {
  id: string;
  title: string;
  children: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-title`} className={classes.section} id={id}>
      <div className={classes.sectionHead}>
        <Title order={2} id={`${id}-title`} className={classes.sectionTitle}>
          {title}
        </Title>
        {actions}
      </div>
      {children}
    </section>
  );
}
