import { Button, SegmentedControl, Text } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useMe } from '../../api/queries.ts';
import type { Role } from '../../api/types.ts';
import { PageHeader, Section } from '../../components/PageHeader.tsx';
import { LoadError, Loading } from '../../components/QueryState.tsx';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import classes from './assessment.module.css';
import { FormsCharts, TrendChart } from './ChartsSection.tsx';
import { ChoroplethMap } from './ChoroplethMap.tsx';
import { colourScale } from './colour.model.ts';
import { type Choice, DashboardControls } from './DashboardControls.tsx';
import { DefineRegionDialog } from './DefineRegionDialog.tsx';
import { defaultPeriod, largestValue, scoSpace, yearValues } from './dashboard.model.ts';
import { MethodPanel } from './MethodPanel.tsx';
import { useCoverage, useRegions, useThreatIndex } from './queries.ts';
import { MEASURES, type Measure, type Selection } from './types.ts';
import { useAssessmentText } from './useAssessmentText.ts';
import { YearSlider } from './YearSlider.tsx';

/** Who may define regions (the server checks again: `src/assessment/assessment.policy.ts`). */
const REGION_MAKERS: readonly Role[] = ['analyst', 'secretariat-officer', 'admin'];
const THIS_YEAR = new Date().getUTCFullYear();

/** A year from the address, or undefined. */
const yearParam = (value: string | null) => (value && /^\d{4}$/.test(value) ? Number(value) : undefined);

/**
 * `/assessment`: the regional threat assessment over the incidents the reader may read. The
 * choice of states and years and the measure are kept in the address; without a period the page
 * opens on the ten years up to the last year with an incident. A choropleth map of the SCO space
 * for the year of a slider, the index's trend, and the forms of terrorism; each chart downloads as
 * PNG and CSV.
 */
export function AssessmentPage() {
  const { t } = useAssessmentText();
  usePageTitle(t('title'));
  const [params, setParams] = useSearchParams();
  const me = useMe();
  const canDefine =
    Boolean(me.data?.user) && (me.data?.effectiveRoles ?? []).some((r) => REGION_MAKERS.includes(r));
  const [defining, dialog] = useDisclosure(false);
  // On a phone the three measures go one under the other, so longer words (Russian) fit.
  const narrow = useMediaQuery('(max-width: 30em)') ?? false;
  const regions = useRegions();

  const states = (params.get('states') ?? '').split(',').filter(Boolean);
  const region = states.length ? 'states' : (params.get('region') ?? 'sco-members');
  const measure: Measure = MEASURES.find((m) => m === params.get('measure')) ?? 'index';
  const chosen = { region: region === 'states' ? undefined : region, states };
  const from = yearParam(params.get('from'));
  const to = yearParam(params.get('to'));
  const coverage = useCoverage(chosen, THIS_YEAR, from === undefined || to === undefined);
  const period =
    from !== undefined && to !== undefined
      ? { from, to }
      : coverage.isSuccess
        ? defaultPeriod(coverage.data, THIS_YEAR)
        : undefined;
  const selection: Selection = { ...chosen, from: period?.from ?? THIS_YEAR, to: period?.to ?? THIS_YEAR };
  const index = useThreatIndex(selection, period !== undefined);

  const update = (next: Record<string, string | undefined>) => {
    const search = new URLSearchParams(params);
    for (const [key, value] of Object.entries(next)) {
      if (value) search.set(key, value);
      else search.delete(key);
    }
    setParams(search, { replace: true });
  };
  const show = (choice: Choice) =>
    update({
      region: choice.region === 'states' ? undefined : choice.region,
      states: choice.region === 'states' ? choice.states.join(',') : undefined,
      from: String(choice.from),
      to: String(choice.to),
    });

  const failed = coverage.isError || index.isError || regions.isError;
  return (
    <>
      <PageHeader title={t('title')} lead={t('lead')}>
        {me.data?.user ? null : (
          <Text size="sm" c="gray.7" mt="sm">
            {t('anonymous')}
          </Text>
        )}
      </PageHeader>
      {failed ? (
        <LoadError
          onRetry={() => {
            void coverage.refetch();
            void index.refetch();
            void regions.refetch();
          }}
        />
      ) : !period || !index.data || !regions.data ? (
        <Loading />
      ) : (
        <>
          <DashboardControls
            key={JSON.stringify([region, states, period])}
            initial={{ region, states, ...period }}
            regions={regions.data.items}
            lastYear={THIS_YEAR}
            onShow={show}
          />
          <div className={classes.toolbar}>
            <div className={classes.measure}>
              <span id="measure-label" className={classes.measureLabel}>
                {t('measure.label')}
              </span>
              <SegmentedControl
                aria-labelledby="measure-label"
                orientation={narrow ? 'vertical' : 'horizontal'}
                value={measure}
                onChange={(value) => update({ measure: value === 'index' ? undefined : value })}
                data={MEASURES.map((value) => ({ value, label: t(`measure.${value}`) }))}
              />
            </div>
            {canDefine && (
              <Button variant="outline" onClick={dialog.open}>
                {t('define.open')}
              </Button>
            )}
          </div>
          <Dashboard index={index.data} selection={selection} measure={measure} />
        </>
      )}
      <Section id="method" title={t('method.heading')}>
        <MethodPanel />
      </Section>
      {canDefine && (
        <DefineRegionDialog
          opened={defining}
          onClose={dialog.close}
          onDefined={(defined) => update({ region: defined.id, states: undefined })}
        />
      )}
    </>
  );
}

/** The map with its year slider, the trend and the forms of terrorism, for one answer. */
function Dashboard({
  index,
  selection,
  measure,
}: {
  index: NonNullable<ReturnType<typeof useThreatIndex>['data']>;
  selection: Selection;
  measure: Measure;
}) {
  const { t, registry } = useAssessmentText();
  const { from, to } = index.period;
  const [picked, setYear] = useState<number>(to);
  const year = Math.min(to, Math.max(from, picked));
  const registered = registry.data ?? [];
  return (
    <>
      <Section id="map" title={t('map.heading')}>
        <YearSlider from={from} to={to} value={year} onChange={setYear} />
        <ChoroplethMap
          values={yearValues(index, year, measure)}
          scale={colourScale(measure, largestValue(index, measure))}
          measure={measure}
          space={scoSpace(registered, year)}
          frame={registered.map((s) => s.code)}
          year={year}
        />
      </Section>
      <Section id="trend" title={t('trend.heading')}>
        <TrendChart index={index} selection={selection} />
      </Section>
      <Section id="forms" title={t('forms.heading')}>
        <FormsCharts selection={selection} measure={measure} />
      </Section>
    </>
  );
}
