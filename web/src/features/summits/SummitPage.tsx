import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useSummit, useSummits } from '../../api/queries.ts';
import type { SummitDetail } from '../../api/types.ts';
import { ConfidenceBadge } from '../../components/Badges.tsx';
import { DocumentList } from '../../components/DocumentList.tsx';
import { Facts } from '../../components/Facts.tsx';
import { PageHeader, Section } from '../../components/PageHeader.tsx';
import { Provenance } from '../../components/Provenance.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { RouterAnchor } from '../../components/RouterAnchor.tsx';
import sectionClasses from '../../components/Section.module.css';
import { useLocale } from '../../lib/useLocale.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import classes from './SummitPage.module.css';
import { useSummitName } from './useSummitName.ts';

/** `/summits/:id`: one summit of the heads of state, its documents and its sources. */
export function SummitPage() {
  const { id = '' } = useParams();
  const summit = useSummit(id);
  return <QueryState query={summit}>{(data) => <SummitView summit={data} />}</QueryState>;
}

function SummitView({ summit }: { summit: SummitDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const summitName = useSummitName();
  const title = summitName(summit);
  usePageTitle(title);
  const all = useSummits().data ?? [];
  const ordered = [...all].sort((a, b) => a.start.localeCompare(b.start));
  const index = ordered.findIndex((s) => s.id === summit.id);
  const previous = index > 0 ? ordered[index - 1] : undefined;
  const next = index >= 0 ? ordered[index + 1] : undefined;
  const ordinal = t(`summit.ordinal.${summit.series}`, { count: summit.ordinal, ordinal: true });

  return (
    <>
      <PageHeader
        title={title}
        eyebrow={summit.ordinalSourced ? ordinal : `${ordinal}*`}
        crumbs={[
          { to: '/', label: t('nav.home') },
          { to: '/?kind=summit', label: t('summit.breadcrumb') },
        ]}
      >
        <Group gap="xs" mt="md">
          <Badge variant="light" color="sco.7">
            {t(`format.${summit.format}`)}
          </Badge>
          <ConfidenceBadge confidence={summit.confidence} />
        </Group>
      </PageHeader>
      <div className={classes.grid}>
        <div className={sectionClasses.card}>
          <Facts
            label={t('summit.details')}
            items={[
              { label: t('summit.dates'), value: locale.dateRange(summit.start, summit.end) },
              { label: t('summit.city'), value: locale.text(summit.city) },
              {
                label: t('summit.host'),
                value: (
                  <RouterAnchor to={`/states/${summit.host}`}>{locale.text(summit.hostName)}</RouterAnchor>
                ),
              },
              {
                label: t('summit.chair'),
                value: (
                  <RouterAnchor to={`/states/${summit.chair}`}>{locale.text(summit.chairName)}</RouterAnchor>
                ),
              },
              { label: t('summit.format'), value: t(`format.${summit.format}`) },
              { label: t('summit.series'), value: t(`series.${summit.series}`) },
            ]}
          />
          {!summit.ordinalSourced && (
            <Text size="xs" c="gray.7" mt="md">
              * {t('summit.ordinalInferred')}
            </Text>
          )}
        </div>
        <nav className={classes.pager} aria-label={t('summit.breadcrumb')}>
          {previous && (
            <RouterAnchor to={`/summits/${previous.id}`} className={classes.pagerLink}>
              <span className={classes.pagerLabel}>← {t('summit.previous')}</span>
              <span>{summitName(previous)}</span>
            </RouterAnchor>
          )}
          {next && (
            <RouterAnchor to={`/summits/${next.id}`} className={classes.pagerLink}>
              <span className={classes.pagerLabel}>{t('summit.next')} →</span>
              <span>{summitName(next)}</span>
            </RouterAnchor>
          )}
        </nav>
      </div>
      <Section id="documents" title={t('summit.documents')}>
        <DocumentList documents={summit.documents} empty={t('summit.noDocuments')} />
      </Section>
      <Provenance
        confidence={summit.confidence}
        sources={summit.sources}
        notes={summit.notes}
        conflicts={summit.conflicts}
      />
    </>
  );
}
