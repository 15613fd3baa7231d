import { Navigate, useParams } from 'react-router';
import { type Fact, Facts } from '../../components/Facts.tsx';
import { Section } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import classes from './intel.module.css';
import { Description, ObjectHeader, RecordFacts } from './ObjectHeader.tsx';
import { objectPath } from './paths.ts';
import { useObject } from './queries.ts';
import { SharingPanel } from './SharingPanel.tsx';
import type { ObjectView } from './types.ts';
import { useIntelText } from './useIntelText.ts';
import { VersionsSection } from './VersionsSection.tsx';

/** Properties shown elsewhere on the page, or bookkeeping. */
const SHOWN = new Set([
  'type',
  'id',
  'spec_version',
  'name',
  'description',
  'created',
  'modified',
  'created_by_ref',
  'object_marking_refs',
]);

/**
 * `/intel/objects/:id`: any other object (campaign, location, identity, relationship, …) with its
 * properties as stored; organizations, incidents and reports go to their own pages.
 */
export function ObjectPage() {
  const { id = '' } = useParams();
  const object = useObject(id);
  return (
    <QueryState query={object}>
      {(view) => {
        const path = objectPath(view.object.type, view.object.id);
        return path.startsWith('/intel/objects/') ? (
          <PlainObjectView view={view} />
        ) : (
          <Navigate to={path} replace />
        );
      }}
    </QueryState>
  );
}

const show = (value: unknown) =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? String(value)
    : Array.isArray(value) && value.every((v) => typeof v === 'string')
      ? value.join(', ')
      : JSON.stringify(value);

function PlainObjectView({ view }: { view: ObjectView }) {
  const { t } = useIntelText();
  const facts: Fact[] = Object.entries(view.object)
    .filter(([key]) => !SHOWN.has(key))
    .map(([key, value]) => ({ label: key, value: <span className={classes.value}>{show(value)}</span> }));
  return (
    <>
      <ObjectHeader view={view} crumbs={[]} />
      <div className={classes.overview}>
        <div>
          <Description text={view.object.description} />
          {facts.length > 0 && <Facts label={t('object.properties')} items={facts} />}
        </div>
        <div className={classes.side}>
          <RecordFacts view={view} />
        </div>
      </div>
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
