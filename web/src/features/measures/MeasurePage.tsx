import { Alert, Anchor, Badge, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { NotFound } from '../../components/NotFound.tsx';
import { PageHeader, Section } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { sourceLabel } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { IndicatorCard } from './IndicatorCard.tsx';
import { IndicatorForm } from './IndicatorForms.tsx';
import classes from './measures.module.css';
import { useMeasure } from './queries.ts';
import type { MeasureView } from './types.ts';
import { useMeasuresText } from './useMeasuresText.ts';

/**
 * `/measures/:id`: a measure's dates, places, participants, categories, objectives, outcomes and
 * sources (what the sources leave unconfirmed is marked), then its indicators, each a card with
 * its chart; those who may edit add indicators and measurements here. Unreadable is not found.
 */
export function MeasurePage() {
  const { id = '' } = useParams();
  const { t, access, me } = useMeasuresText();
  const measure = useMeasure(id, access.read);
  if (me.isPending) return null;
  if (!access.read) {
    return (
      <>
        <PageHeader title={t('list.title')} />
        <Alert variant="light" color="sco.8">
          {access.signedIn ? (
            t('list.outside')
          ) : (
            <Anchor component={Link} to="/signin">
              {t('list.signIn')}
            </Anchor>
          )}
        </Alert>
      </>
    );
  }
  if (!id) return <NotFound />;
  return <QueryState query={measure}>{(view) => <MeasureDetails view={view} />}</QueryState>;
}

function MeasureDetails({ view }: { view: MeasureView }) {
  const { t, name, dateRange, place, participant } = useMeasuresText();
  usePageTitle(name(view.name));
  const unconfirmed = (field: string) =>
    view.unconfirmed.includes(field) ? (
      <Badge className={classes.unconfirmed} variant="outline" color="ochre.8" size="sm">
        {t('detail.unconfirmed')}
      </Badge>
    ) : null;
  const list = (items: string[]) =>
    items.length ? (
      <ul className={classes.plain}>
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    ) : (
      t('detail.none')
    );
  const facts: [string, string, ReactNode][] = [
    ['dates', t('detail.dates'), dateRange(view.start, view.end)],
    ['places', t('detail.places'), view.places.map(place).join('; ')],
    [
      'participants',
      t('detail.participants'),
      view.participants.map(participant).join(', ') || t('detail.none'),
    ],
    [
      'categories',
      t('detail.categories'),
      view.categories.map((c) => t(`category.${c}`)).join(', ') || t('detail.none'),
    ],
    ['objectives', t('detail.objectives'), list(view.objectives)],
    ['outcomes', t('detail.outcomes'), list(view.outcomes)],
  ];
  const editable = Boolean(view.abilities.update);
  return (
    <>
      <PageHeader
        title={name(view.name)}
        eyebrow={`${t(`kind.${view.kind}`)} · ${dateRange(view.start, view.end)}`}
        crumbs={[{ to: '/measures', label: t('list.title') }]}
      />
      <Section id="about" title={t('detail.about')}>
        <dl className={classes.facts}>
          {facts.map(([field, label, value]) => (
            <div key={field} className={classes.fact}>
              <dt>
                {label}
                {unconfirmed(field)}
              </dt>
              <dd>{value}</dd>
            </div>
          ))}
          <dt>{t('detail.confidence')}</dt>
          <dd>{t(`confidence.${view.confidence}`, { defaultValue: view.confidence })}</dd>
          <dt>{t('detail.sources')}</dt>
          <dd>
            <ul className={classes.plain}>
              {view.sources.map((s) => (
                <li key={`${s.citation}${s.url}`}>
                  {s.citation}
                  {s.url && (
                    <>
                      {' · '}
                      <Anchor href={s.url} rel="noreferrer">
                        {sourceLabel(s.url)}
                      </Anchor>
                    </>
                  )}
                </li>
              ))}
            </ul>
          </dd>
          {view.notes && (
            <>
              <dt>{t('detail.notes')}</dt>
              <dd>{view.notes}</dd>
            </>
          )}
        </dl>
      </Section>
      <Section id="indicators" title={t('indicators.title')}>
        {view.indicators.length === 0 ? (
          <Text c="gray.7">{t('indicators.empty')}</Text>
        ) : (
          <div className={classes.cards}>
            {view.indicators.map((indicator) => (
              <IndicatorCard
                key={indicator.id}
                measureId={view.id}
                indicator={indicator}
                editable={editable}
              />
            ))}
          </div>
        )}
        {editable && (
          <div className={classes.addIndicator}>
            <IndicatorForm measureId={view.id} />
          </div>
        )}
      </Section>
    </>
  );
}
