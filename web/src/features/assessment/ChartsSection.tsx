import { Loader, Text } from '@mantine/core';
import classes from './assessment.module.css';
import { ChartCard } from './ChartCard.tsx';
import { cbrnTable, formsCount, formsTable, trendTable } from './dashboard.model.ts';
import { useForms } from './queries.ts';
import { BREAKDOWNS, type Breakdown, type IndexView, type Measure, type Selection } from './types.ts';
import { useAssessmentText } from './useAssessmentText.ts';

/** The period as it is named in file names: `2008-2017`. */
const span = (selection: Selection) => `${selection.from}-${selection.to}`;

/** The trend chart: the index per state over the period, and the region's line. */
export function TrendChart({ index, selection }: { index: IndexView; selection: Selection }) {
  const { t, stateName, regionName, score } = useAssessmentText();
  const region = index.region;
  const table = trendTable(index, 'index', {
    year: t('chart.year'),
    nameOf: stateName,
    ...(region
      ? {
          region: regionName({
            ...region,
            builtIn: region.id === 'central-asia' || region.id === 'sco-members',
          }),
        }
      : {}),
  });
  return (
    <ChartCard
      id="trend"
      title={t('trend.title')}
      description={t('trend.desc', {
        count: index.states.length,
        from: index.period.from,
        to: index.period.to,
      })}
      table={table}
      settings={{ kind: 'line', format: score, max: 10, ...(region ? { last: 'region' as const } : {}) }}
      fileName={`sco-threat-index-${span(selection)}`}
    />
  );
}

/** One breakdown: forms by attack, weapon (CBRN flagged), target or category, per year. */
function FormsChart({ by, selection, measure }: { by: Breakdown; selection: Selection; measure: Measure }) {
  const { t, number, formName } = useAssessmentText();
  const forms = useForms(selection, by);
  const count = formsCount(measure);
  const title = t(`forms.${by}.title`);
  // Not a live "loading" status: four of them at once would only repeat themselves.
  if (forms.isPending)
    return (
      <div className={classes.card} aria-busy="true">
        <h3 className={classes.cardTitle}>{title}</h3>
        <Loader size="sm" aria-hidden="true" />
      </div>
    );
  if (forms.isError) return <Text c="red.9">{t('forms.error', { title })}</Text>;
  const cbrnName = (name: string) => t('forms.cbrnName', { name: formName(name) });
  const table = formsTable(forms.data, count, {
    year: t('chart.year'),
    other: t('forms.other'),
    nameOf: (name, cbrn) => (cbrn ? cbrnName(name) : formName(name)),
  });
  const cbrn = forms.data.categories.filter((c) => c.cbrn).map((c) => cbrnName(c.name));
  return (
    <>
      <ChartCard
        id={`forms-${by}`}
        title={title}
        description={t('forms.desc', { count: table.columns.length - 1, measure: t(`forms.count.${count}`) })}
        table={table}
        settings={{
          kind: 'stacked',
          format: number,
          cbrn,
          ...(table.columns.at(-1) === t('forms.other') ? { last: 'other' as const } : {}),
        }}
        fileName={`sco-forms-${by}-${count}-${span(selection)}`}
      />
      {by === 'weapon' && (
        <ChartCard
          id="cbrn"
          title={t('cbrn.title')}
          description={t('cbrn.desc', { count: forms.data.cbrn.reduce((sum, p) => sum + p.incidents, 0) })}
          table={cbrnTable(forms.data, { year: t('chart.year'), incidents: t('cbrn.incidents') })}
          settings={{ kind: 'bar', format: number, cbrn: [t('cbrn.incidents')] }}
          fileName={`sco-cbrn-${span(selection)}`}
        />
      )}
    </>
  );
}

/** The breakdown charts side by side (one column on a phone), the CBRN chart after the weapons. */
export function FormsCharts({ selection, measure }: { selection: Selection; measure: Measure }) {
  return (
    <div className={classes.grid}>
      {BREAKDOWNS.map((by) => (
        <FormsChart key={by} by={by} selection={selection} measure={measure} />
      ))}
    </div>
  );
}
