import { useParams } from 'react-router';
import { type Fact, Facts } from '../../components/Facts.tsx';
import { Section } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { AssessmentsSection } from './AssessmentsSection.tsx';
import { IncidentMap } from './IncidentMap.tsx';
import { placeOf } from './IncidentTable.tsx';
import { incidentRowOf } from './incident.model.ts';
import classes from './intel.module.css';
import { Description, ObjectHeader, RecordFacts } from './ObjectHeader.tsx';
import { useObject } from './queries.ts';
import { RefList } from './RefList.tsx';
import { SharingPanel } from './SharingPanel.tsx';
import type { ObjectView } from './types.ts';
import { useIntelText } from './useIntelText.ts';
import { VersionsSection } from './VersionsSection.tsx';

/**
 * `/intel/incidents/:id`: one incident: when and where it happened (with a map), the attack, the
 * perpetrators (linked to their organizations where the reader may see them), the casualties,
 * its assessments, versions and sharing.
 */
export function IncidentPage() {
  const { id = '' } = useParams();
  const object = useObject(id);
  return <QueryState query={object}>{(view) => <IncidentView view={view} />}</QueryState>;
}

function IncidentView({ view }: { view: ObjectView }) {
  const { t, day, number } = useIntelText();
  const row = incidentRowOf(view.object, view.tlp);
  const list = (values: string[]) => values.join(', ') || t('object.unknown');
  const count = (value: number | null) => (value === null ? t('object.unknown') : number(value));
  const facts: Fact[] = [
    {
      label: t('incident.date'),
      value: row.date ? <time dateTime={row.date}>{day(row.date)}</time> : t('object.unknown'),
    },
    { label: t('incident.place'), value: placeOf(row) || t('object.unknown') },
    ...(row.region ? [{ label: t('incident.region'), value: row.region }] : []),
    ...(row.latitude !== null && row.longitude !== null
      ? [{ label: t('incident.coordinates'), value: `${row.latitude}, ${row.longitude}` }]
      : []),
    { label: t('incidents.column.attack'), value: list(row.attackTypes) },
    ...(row.weaponTypes.length ? [{ label: t('incident.weapons'), value: list(row.weaponTypes) }] : []),
    { label: t('incidents.column.perpetrators'), value: list(row.perpetrators) },
    ...(row.perpetratorRefs.length
      ? [
          {
            label: t('incident.organizations'),
            value: <RefList ids={row.perpetratorRefs} label={t('incident.organizations')} />,
          },
        ]
      : []),
    { label: t('incidents.column.killed'), value: count(row.killed) },
    { label: t('incidents.column.wounded'), value: count(row.wounded) },
  ];
  return (
    <>
      <ObjectHeader view={view} crumbs={[{ to: '/intel/incidents', label: t('incidents.title') }]} />
      <div className={classes.overview}>
        <div>
          <Description text={view.object.description} />
          <Facts label={t('incident.facts')} items={facts} />
        </div>
        <div className={classes.side}>
          <RecordFacts view={view} />
        </div>
      </div>
      {row.latitude !== null && row.longitude !== null && (
        <Section id="map" title={t('map.heading')}>
          <IncidentMap rows={[row]} id="incident-map" />
        </Section>
      )}
      <Section id="assessments" title={t('assessments.title')}>
        <AssessmentsSection subjectId={view.object.id} subjectType="incident" />
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
