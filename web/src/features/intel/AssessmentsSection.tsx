import { Alert, Text } from '@mantine/core';
import { isNotFound } from '../../api/client.ts';
import { useAllUsers } from '../../api/queries.ts';
import { LoadError, Loading } from '../../components/QueryState.tsx';
import { AssessmentCard } from './AssessmentCard.tsx';
import { AssessmentForm } from './AssessmentForm.tsx';
import { type DefinitionIndex, indexDefinitions } from './definitions.ts';
import { OutcomeBadge } from './IntelBadges.tsx';
import classes from './intel.module.css';
import { useAssessments, useDefinitions } from './queries.ts';
import type { Assessment, Disagreement } from './types.ts';
import { useIntelText } from './useIntelText.ts';

/**
 * A subject's assessments under the conventions: each analyst's result with its reasons, a panel
 * where analysts disagree, and for analysts the form to record their own. The community reads
 * them (signed in, outside partner centers); others are told why they see none.
 */
export function AssessmentsSection({ subjectId, subjectType }: { subjectId: string; subjectType: string }) {
  const { t, access } = useIntelText();
  const assessments = useAssessments(subjectId, access.community);
  const definitions = useDefinitions(access.community);
  if (!access.community) return <Text c="gray.7">{t('assessments.community')}</Text>;
  if (assessments.isPending || definitions.isPending) return <Loading />;
  if (assessments.isError || definitions.isError) {
    if (isNotFound(assessments.error)) return <Text c="gray.7">{t('assessments.community')}</Text>;
    return (
      <LoadError
        onRetry={() => {
          void assessments.refetch();
          void definitions.refetch();
        }}
      />
    );
  }
  const index = indexDefinitions(definitions.data.items);
  const { items, disagreements } = assessments.data;
  return (
    <AssessmentList
      items={items}
      disagreements={disagreements}
      index={index}
      form={
        access.analyse ? (
          <AssessmentForm
            subjectId={subjectId}
            subjectType={subjectType}
            sets={definitions.data.items}
            index={index}
          />
        ) : null
      }
    />
  );
}

/**
 * Names analysts as the API records them (`user:<id>`): by their display name where the reader may
 * list that user (their own organization's), else "Analyst 1", "Analyst 2" in order of appearance.
 */
function useAnalystNames(items: readonly Assessment[]): (analyst: string) => string {
  const { t, access } = useIntelText();
  const users = useAllUsers(access.signedIn);
  const known = new Map((users.data ?? []).map((user) => [`user:${user.id}`, user.displayName]));
  const order = [...new Set(items.map((item) => item.analyst))];
  return (analyst) => known.get(analyst) ?? t('assessments.analyst', { n: order.indexOf(analyst) + 1 });
}

function AssessmentList({
  items,
  disagreements,
  index,
  form,
}: {
  items: Assessment[];
  disagreements: Disagreement[];
  index: DefinitionIndex;
  form: React.ReactNode;
}) {
  const { t } = useIntelText();
  const analystName = useAnalystNames(items);
  const differing = disagreements.filter((d) => d.resultsDiffer || d.elements.some((e) => e.differ));
  return (
    <>
      {differing.map((disagreement) => (
        <DisagreementPanel
          key={`${disagreement.set}:${disagreement.version}`}
          disagreement={disagreement}
          index={index}
          analystName={analystName}
        />
      ))}
      {items.length === 0 ? (
        <Text c="gray.7" className={classes.empty}>
          {t('assessments.empty')}
        </Text>
      ) : (
        <div className={classes.assessments}>
          {[...items].reverse().map((assessment) => (
            <AssessmentCard
              key={assessment.id}
              assessment={{ ...assessment, analyst: analystName(assessment.analyst) }}
              index={index}
            />
          ))}
        </div>
      )}
      {form}
    </>
  );
}

/** Where analysts differ on one definition set: their results and the elements they judge apart. */
function DisagreementPanel({
  disagreement,
  index,
  analystName,
}: {
  disagreement: Disagreement;
  index: DefinitionIndex;
  analystName: (analyst: string) => string;
}) {
  const { t, text } = useIntelText();
  const set = index.set(disagreement.set, disagreement.version);
  const id = `disagreement-${disagreement.set}-${disagreement.version}`;
  return (
    <Alert
      color="ochre.8"
      variant="light"
      className={classes.disagreement}
      title={
        <span id={id}>{t('disagreement.title', { set: set ? text(set.title) : disagreement.set })}</span>
      }
      aria-labelledby={id}
      role="region"
    >
      <ul className={classes.plainList}>
        {disagreement.results.map((result) => (
          <li key={result.analyst} className={classes.resultLine}>
            <span>{analystName(result.analyst)}</span> <OutcomeBadge outcome={result.result} />
          </li>
        ))}
      </ul>
      {disagreement.elements.some((e) => e.differ) && (
        <>
          <Text size="sm" fw={600} mt="sm">
            {t('disagreement.elements')}
          </Text>
          <ul className={classes.plainList}>
            {disagreement.elements
              .filter((element) => element.differ)
              .map((element) => (
                <li key={element.element}>
                  <strong>{text(index.element(element.element)) || element.element}</strong>:{' '}
                  {element.findings
                    .map((f) => `${t(`finding.${f.value}`)} (${f.analysts.map(analystName).join(', ')})`)
                    .join('; ')}
                </li>
              ))}
          </ul>
        </>
      )}
    </Alert>
  );
}
