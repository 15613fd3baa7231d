import { Badge, Text } from '@mantine/core';
import type { DefinitionIndex } from './definitions.ts';
import { OutcomeBadge } from './IntelBadges.tsx';
import classes from './intel.module.css';
import type { Assessment, LimbReasons, Status } from './types.ts';
import { useIntelText } from './useIntelText.ts';

const STATUS_COLOR: Record<Status, string> = { met: 'red.9', 'ruled-out': 'pine.8', undetermined: 'gray.7' };

/**
 * One analyst's assessment: the computed result and, per definition and limb, which elements hold,
 * fail or are unknown, with the caveats the conclusion rests on.
 */
export function AssessmentCard({
  assessment,
  index,
  headingLevel = 3,
}: {
  assessment: Pick<Assessment, 'set' | 'version' | 'result' | 'labels' | 'definitions' | 'caveats'> &
    Partial<Pick<Assessment, 'analyst' | 'createdAt' | 'id'>>;
  index: DefinitionIndex;
  headingLevel?: 3 | 4;
}) {
  const { t, text, moment } = useIntelText();
  const set = index.set(assessment.set, assessment.version);
  const Heading = `h${headingLevel}` as const;
  return (
    <article className={classes.assessment}>
      <div className={classes.assessmentHead}>
        <Heading className={classes.panelTitle}>
          {assessment.analyst
            ? t('assessments.by', { analyst: assessment.analyst })
            : t('assessments.computed')}
        </Heading>
        <OutcomeBadge outcome={assessment.result} size="lg" />
      </div>
      <Text size="sm" c="gray.7">
        {set ? text(set.title) : assessment.set} · {t('assessments.version', { version: assessment.version })}
        {assessment.createdAt && (
          <>
            {' · '}
            <time dateTime={assessment.createdAt}>{moment(assessment.createdAt)}</time>
          </>
        )}
      </Text>
      {assessment.labels.length > 1 && (
        <Text size="sm">
          {t('assessments.alsoMet', { labels: assessment.labels.map((l) => t(`outcome.${l}`)).join(', ') })}
        </Text>
      )}
      <ul className={classes.reasons}>
        {assessment.definitions.map((definition) => (
          <li key={definition.label}>
            <div className={classes.reasonHead}>
              <strong>{t(`outcome.${definition.label}`)}</strong>
              <Badge variant="light" color={STATUS_COLOR[definition.status]} size="sm">
                {t(`status.${definition.status}`)}
              </Badge>
            </div>
            <ul className={classes.limbs}>
              {definition.limbs.map((limb) => (
                <LimbLine key={limb.limb} definition={definition.label} limb={limb} index={index} />
              ))}
            </ul>
          </li>
        ))}
      </ul>
      {assessment.caveats.length > 0 && (
        <div className={classes.caveats}>
          <Text size="sm" fw={600}>
            {t('assessments.caveats')}
          </Text>
          <ul>
            {assessment.caveats.map((caveat) => (
              <li key={`${caveat.kind}:${caveat.definition}:${caveat.limb}:${caveat.element}`}>
                {t(`caveat.${caveat.kind}`, {
                  element: text(index.element(caveat.element)) || caveat.element,
                })}{' '}
                <span className={classes.muted} lang="en">
                  {caveat.note}
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </article>
  );
}

function LimbLine({
  definition,
  limb,
  index,
}: {
  definition: string;
  limb: LimbReasons;
  index: DefinitionIndex;
}) {
  const { t, text } = useIntelText();
  const names = (ids: string[]) => ids.map((id) => text(index.element(id)) || id).join('; ');
  return (
    <li className={classes.limb}>
      <span>{text(index.limb(definition, limb.limb)) || limb.limb}</span>{' '}
      <Badge variant="outline" color={STATUS_COLOR[limb.status]} size="xs">
        {t(`status.${limb.status}`)}
      </Badge>
      <dl className={classes.limbElements}>
        {limb.holds.length > 0 && (
          <div>
            <dt>{t('finding.holds')}</dt>
            <dd>{names(limb.holds)}</dd>
          </div>
        )}
        {limb.fails.length > 0 && (
          <div>
            <dt>{t('finding.does-not-hold')}</dt>
            <dd>{names(limb.fails)}</dd>
          </div>
        )}
        {limb.unknown.length > 0 && (
          <div>
            <dt>{t('finding.unknown')}</dt>
            <dd>{names(limb.unknown)}</dd>
          </div>
        )}
      </dl>
    </li>
  );
}
