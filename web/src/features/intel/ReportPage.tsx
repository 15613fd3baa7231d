import { useParams } from 'react-router';
import { Facts } from '../../components/Facts.tsx';
import { Section } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import classes from './intel.module.css';
import { Description, ObjectHeader, RecordFacts } from './ObjectHeader.tsx';
import { useObject } from './queries.ts';
import { RefList } from './RefList.tsx';
import { SharingPanel } from './SharingPanel.tsx';
import type { ObjectView } from './types.ts';
import { useIntelText } from './useIntelText.ts';
import { VersionsSection } from './VersionsSection.tsx';

/**
 * `/intel/reports/:id`: a report: when it was published, what it says, and the objects it is
 * about, each a link where the reader may read it.
 */
export function ReportPage() {
  const { id = '' } = useParams();
  const object = useObject(id);
  return <QueryState query={object}>{(view) => <ReportView view={view} />}</QueryState>;
}

function ReportView({ view }: { view: ObjectView }) {
  const { t, day } = useIntelText();
  const published = typeof view.object.published === 'string' ? view.object.published : null;
  const refs = Array.isArray(view.object.object_refs)
    ? view.object.object_refs.filter((r): r is string => typeof r === 'string')
    : [];
  const types = Array.isArray(view.object.report_types) ? view.object.report_types.join(', ') : '';
  return (
    <>
      <ObjectHeader view={view} crumbs={[{ to: '/intel/reports', label: t('reports.title') }]} />
      <div className={classes.overview}>
        <div>
          <Description text={view.object.description} />
          <Facts
            label={t('report.facts')}
            items={[
              {
                label: t('report.published'),
                value: published ? <time dateTime={published}>{day(published)}</time> : t('object.unknown'),
              },
              ...(types ? [{ label: t('report.types'), value: types }] : []),
            ]}
          />
        </div>
        <div className={classes.side}>
          <RecordFacts view={view} />
        </div>
      </div>
      <Section id="refs" title={t('report.refs', { count: refs.length })}>
        <RefList ids={refs} label={t('report.refs', { count: refs.length })} />
      </Section>
      {view.abilities.share && (
        <Section id="sharing" title={t('sharing.section')}>
          <SharingPanel view={view} />
        </Section>
      )}
      <Section id="versions" title={t('versions.title')}>
        <VersionsSection id={view.object.id} />
      </Section>
    </>
  );
}
