import { Alert, Button, Text } from '@mantine/core';
import { Link } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { RouterAnchor } from '../../components/RouterAnchor.tsx';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { SignedIn, type SignedInMe } from '../identity/SignedIn.tsx';
import { DecisionStatusBadge, RuleBadge } from './CouncilBadges.tsx';
import classes from './council.module.css';
import { isOpen, positionCount, silenceOf, writtenOf } from './decision.model.ts';
import { useAwaitingDecisions } from './queries.ts';
import type { Decision } from './types.ts';
import { useCouncilText } from './useCouncilText.ts';

/** `/council/delegation`: the pending decisions awaiting the signed-in delegation's position. */
export function DelegationPage() {
  return <SignedIn>{(me) => <DelegationView me={me} />}</SignedIn>;
}

function DelegationView({ me }: { me: SignedInMe }) {
  const { t, locale, stateName } = useCouncilText();
  usePageTitle(t('delegation.title'));
  const state = me.organization.stateCode;
  const awaiting = useAwaitingDecisions(state);

  if (!state) {
    return (
      <>
        <PageHeader eyebrow={locale.text(me.organization.name)} title={t('delegation.title')} />
        <Alert color="sco.7" variant="light" mb="md">
          {t('delegation.notDelegation')}
        </Alert>
        <RouterAnchor to="/council/decisions">{t('delegation.all')}</RouterAnchor>
      </>
    );
  }

  const name = stateName(state);
  return (
    <>
      <PageHeader
        eyebrow={locale.text(me.organization.name)}
        title={t('delegation.title')}
        lead={t('delegation.lead', { state: name })}
      />
      <QueryState query={awaiting}>
        {(result) => (
          <>
            <div className={classes.toolbar}>
              <Text size="sm" c="gray.7" role="status">
                {result.items.length === 0
                  ? t('delegation.empty', { state: name })
                  : t('delegation.count', { count: result.items.length })}
              </Text>
              <RouterAnchor to="/council/decisions">{t('delegation.all')}</RouterAnchor>
            </div>
            {result.items.length > 0 && (
              <ul className={classes.cards}>
                {result.items.map((decision) => (
                  <AwaitingCard key={decision.id} decision={decision} />
                ))}
              </ul>
            )}
          </>
        )}
      </QueryState>
    </>
  );
}

function AwaitingCard({ decision }: { decision: Decision }) {
  const { t, locale, moment } = useCouncilText();
  const title = locale.text(decision.title);
  const silence = silenceOf(decision);
  const written = isOpen(decision) ? writtenOf(decision) : null;
  const { stated, of } = positionCount(decision);
  const to = `/council/decisions/${encodeURIComponent(decision.id)}`;
  return (
    <li className={classes.decisionCard} data-status={decision.status}>
      <div className={classes.cardBadges}>
        <DecisionStatusBadge status={decision.status} />
        <RuleBadge rule={decision.rule} />
      </div>
      <h2 className={classes.cardTitle}>
        <RouterAnchor to={to} inherit>
          {title}
        </RouterAnchor>
      </h2>
      <div className={classes.cardMeta}>
        <span>
          {t('board.fact.opened')}: <time dateTime={decision.openedAt}>{moment(decision.openedAt)}</time>
        </span>
        <span>{t('list.positionsLabel', { stated, of })}</span>
        {silence && isOpen(decision) && !silence.broken && (
          <span>{t('delegation.silenceUntil', { at: moment(silence.deadline) })}</span>
        )}
        {written?.stage === 'agreeing' && (
          <span>{t('delegation.writtenAgreeBy', { at: moment(written.agreeBy) })}</span>
        )}
        {written?.stage === 'in-writing' && (
          <span>{t('delegation.inWritingUntil', { at: moment(written.deadline) })}</span>
        )}
      </div>
      <div className={classes.cardFoot}>
        <Button component={Link} to={to} size="sm" aria-label={t('delegation.openLabel', { title })}>
          {t('delegation.open')}
        </Button>
      </div>
    </li>
  );
}
