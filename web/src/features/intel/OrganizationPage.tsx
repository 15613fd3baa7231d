import { Text } from '@mantine/core';
import { useState } from 'react';
import { useParams } from 'react-router';
import { Facts } from '../../components/Facts.tsx';
import { Section } from '../../components/PageHeader.tsx';
import { Pager } from '../../components/Pager.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { RouterAnchor } from '../../components/RouterAnchor.tsx';
import { AssessmentsSection } from './AssessmentsSection.tsx';
import { IncidentTable } from './IncidentTable.tsx';
import classes from './intel.module.css';
import { ListingStatus } from './ListingStatus.tsx';
import { Description, ObjectHeader, RecordFacts } from './ObjectHeader.tsx';
import { useIncidents, useObject, useTimeline } from './queries.ts';
import { SharingPanel } from './SharingPanel.tsx';
import { TimelineChart } from './TimelineChart.tsx';
import type { ObjectView } from './types.ts';
import { useIntelText } from './useIntelText.ts';
import { VersionsSection } from './VersionsSection.tsx';

const PAGE_SIZE = 20;

/**
 * `/intel/organizations/:id`: a threat actor or intrusion set: what it is (aliases, description,
 * first and last seen), its incidents per year and the incidents themselves, the analysts'
 * assessments, its place on the common list, its versions, and its sharing for its creators.
 * Missing and unreadable alike answer not found.
 */
export function OrganizationPage() {
  const { id = '' } = useParams();
  const object = useObject(id);
  return <QueryState query={object}>{(view) => <OrganizationView view={view} />}</QueryState>;
}

const strings = (value: unknown) =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
const stamp = (value: unknown) => (typeof value === 'string' ? value : null);

function OrganizationView({ view }: { view: ObjectView }) {
  const { t, day } = useIntelText();
  const id = view.object.id;
  const timeline = useTimeline(id);
  const [page, setPage] = useState(1);
  const incidents = useIncidents({ organization: id, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const aliases = strings(view.object.aliases);
  const firstSeen = stamp(view.object.first_seen) ?? timeline.data?.firstSeen ?? null;
  const lastSeen = stamp(view.object.last_seen) ?? timeline.data?.lastSeen ?? null;
  const seen = (value: string | null) =>
    value ? <time dateTime={value}>{day(value)}</time> : t('object.unknown');
  return (
    <>
      <ObjectHeader view={view} crumbs={[{ to: '/intel/organizations', label: t('organizations.title') }]} />
      <div className={classes.overview}>
        <div>
          <Description text={view.object.description} />
          <Facts
            label={t('organization.facts')}
            items={[
              {
                label: t('organization.aliases'),
                value: aliases.length ? aliases.join(', ') : t('object.none'),
              },
              { label: t('organization.firstSeen'), value: seen(firstSeen) },
              { label: t('organization.lastSeen'), value: seen(lastSeen) },
            ]}
          />
        </div>
        <div className={classes.side}>
          <RecordFacts view={view} />
        </div>
      </div>

      <Section id="timeline" title={t('timeline.title')}>
        <QueryState query={timeline}>
          {(data) => <TimelineChart timeline={data} id="timeline-chart" />}
        </QueryState>
      </Section>

      <Section
        id="incidents"
        title={t('organization.incidents')}
        actions={<RouterAnchor to="/intel/incidents">{t('organization.allIncidents')}</RouterAnchor>}
      >
        <QueryState query={incidents}>
          {(result) => (
            <>
              <Text size="sm" c="gray.7" mb="sm">
                {t('incidents.count', { count: result.total })}
              </Text>
              <IncidentTable rows={result.items} label={t('organization.incidents')} />
              <Pager total={result.total} pageSize={PAGE_SIZE} page={page} onChange={setPage} />
            </>
          )}
        </QueryState>
      </Section>

      <Section id="assessments" title={t('assessments.title')}>
        <AssessmentsSection subjectId={id} subjectType={view.object.type} />
      </Section>

      <Section id="listing" title={t('listing.title')}>
        <ListingStatus objectId={id} />
      </Section>

      {view.abilities.share && (
        <Section id="sharing" title={t('sharing.section')}>
          <SharingPanel view={view} />
        </Section>
      )}

      <Section id="versions" title={t('versions.title')}>
        <VersionsSection id={id} />
      </Section>
    </>
  );
}
