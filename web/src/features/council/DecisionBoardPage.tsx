import { Alert, VisuallyHidden } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { useBodies } from '../../api/queries.ts';
import { Facts } from '../../components/Facts.tsx';
import { PageHeader, Section } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { SignedIn, type SignedInMe } from '../identity/SignedIn.tsx';
import { ChairPanel } from './ChairPanel.tsx';
import { DecisionStatusBadge, RuleBadge } from './CouncilBadges.tsx';
import classes from './council.module.css';
import { DecisionHistory, useDescribeEvent } from './DecisionHistory.tsx';
import {
  answeringState,
  closeBlock,
  isOpen,
  lastSeq,
  newestFirst,
  nextTurn,
  positionCount,
  rulingOf,
  silenceOf,
  silenceRunning,
  speakingState,
  summaryOf,
  writtenOf,
} from './decision.model.ts';
import { LiveIndicator } from './LiveIndicator.tsx';
import { PositionPanel } from './PositionPanel.tsx';
import { useDecision, useDecisionStream } from './queries.ts';
import { SilencePanel } from './SilencePanel.tsx';
import { StatesGrid, StateTexts } from './StatesBoard.tsx';
import type { Decision } from './types.ts';
import { useCouncilText } from './useCouncilText.ts';
import { useNow } from './useNow.ts';
import { WrittenPanel } from './WrittenPanel.tsx';

/**
 * `/council/decisions/:id`: the live board of one decision. It follows the decision through the
 * server's event stream (every delegation's act appears without a reload), counts down a silence
 * deadline or the written procedure's times, and offers each signed-in delegation its position
 * form (or its answer on the written procedure) and the chair its close, silence and written
 * procedure forms, as the decision's `abilities` and the caller's delegation allow.
 */
export function DecisionBoardPage() {
  const { id = '' } = useParams();
  return <SignedIn>{(me) => <Board id={id} me={me} />}</SignedIn>;
}

function Board({ id, me }: { id: string; me: SignedInMe }) {
  const decision = useDecision(id);
  const open = decision.data ? isOpen(decision.data) : false;
  const stream = useDecisionStream(id, decision.isSuccess && open);
  return (
    <QueryState query={decision}>
      {(data) => (
        <BoardView decision={data} me={me} stream={stream} onExpired={() => void decision.refetch()} />
      )}
    </QueryState>
  );
}

function BoardView({
  decision,
  me,
  stream,
  onExpired,
}: {
  decision: Decision;
  me: SignedInMe;
  stream: ReturnType<typeof useDecisionStream>;
  onExpired: () => void;
}) {
  const { t, locale, stateName, stateList, ruleLabel, moment } = useCouncilText();
  const title = locale.text(decision.title);
  usePageTitle(title);
  const bodies = useBodies();
  const body = bodies.data?.find((b) => b.id === decision.bodyId);
  const open = isOpen(decision);
  const silence = silenceOf(decision);
  const written = writtenOf(decision);
  const turn = nextTurn(decision);
  const now = useNow(1000, turn !== null);
  const expired = turn !== null && now >= Date.parse(turn);

  // A deadline (silence, or the written procedure's time to agree or for positions) changes the
  // decision without any act, so without an event on the stream: read the decision again then,
  // and every few seconds until the server's clock agrees.
  const expire = useRef(onExpired);
  expire.current = onExpired;
  useEffect(() => {
    if (!expired) return;
    expire.current();
    const timer = setInterval(() => expire.current(), 5000);
    return () => clearInterval(timer);
  }, [expired]);

  const delegate = { stateCode: me.organization.stateCode, roles: me.effectiveRoles };
  const self = speakingState(decision, delegate);
  const answering = answeringState(decision, delegate) !== null;
  const running = silenceRunning(decision, now);
  const { stated, of } = positionCount(decision);
  const ruling = rulingOf(decision);
  const grounds = summaryOf(decision);
  const summary = t(`board.summary.${grounds.key}`, {
    deadline: 'deadline' in grounds ? moment(grounds.deadline) : '',
    state: 'state' in grounds ? stateName(grounds.state) : '',
    states: 'states' in grounds ? stateList(grounds.states) : '',
  });
  const showChair = open && decision.abilities.close === true;
  const showPosition = open && self !== null;
  // A delegation that may not speak here is told why (the state concerned, or no seat).
  const ownState = me.organization.stateCode;
  const speaksForAState = me.effectiveRoles.some(
    (role) => role === 'delegate' || role === 'head-of-delegation',
  );
  const silentNote =
    open && self === null && ownState && speaksForAState
      ? ownState === decision.concernedState
        ? t('positionForm.concerned', { state: stateName(ownState) })
        : t('positionForm.noSeat', { state: stateName(ownState) })
      : null;

  return (
    <>
      <PageHeader
        crumbs={[{ to: '/council/decisions', label: t('list.title') }]}
        eyebrow={body ? `${t('board.eyebrow')} · ${locale.text(body.name)}` : t('board.eyebrow')}
        title={title}
      >
        <div className={classes.headBadges}>
          <DecisionStatusBadge status={decision.status} size="lg" />
          <RuleBadge rule={decision.rule} size="lg" />
          <LiveIndicator state={stream.state} final={!open} onReconnect={stream.reconnect} />
        </div>
      </PageHeader>
      <Announcer decision={decision} />

      <div className={classes.summary} data-with-procedure={silence !== null || written !== null}>
        <section
          className={`${classes.panel} ${classes.outcome}`}
          data-status={decision.status}
          aria-labelledby="outcome-title"
        >
          <h2 id="outcome-title" className={classes.panelTitle}>
            {t('board.outcome')}
          </h2>
          <p className={classes.verdict}>{t(`status.${decision.status}`)}</p>
          <p className={classes.reason}>{summary}</p>
          <p className={classes.reasonNote}>
            {t('board.recordNote')}: <span lang="en">{decision.reason}</span>
          </p>
          {ruling && (
            <blockquote className={classes.ruling}>
              <span className={classes.rulingLabel}>{t('board.ruling')}</span>
              {ruling}
            </blockquote>
          )}
          <div className={classes.facts}>
            <Facts
              label={t('board.outcome')}
              items={[
                {
                  label: t('board.fact.rule'),
                  value: (
                    <>
                      {ruleLabel(decision)}
                      <span className={classes.help}>
                        {t(`ruleHelp.${decision.rule}`, {
                          state: decision.concernedState ? stateName(decision.concernedState) : '',
                        })}
                      </span>
                    </>
                  ),
                },
                ...(body ? [{ label: t('board.fact.body'), value: locale.text(body.name) }] : []),
                {
                  label: t('board.fact.chair'),
                  value: decision.chairState ? stateName(decision.chairState) : t('board.fact.noChair'),
                },
                {
                  label: t('board.fact.opened'),
                  value: <time dateTime={decision.openedAt}>{moment(decision.openedAt)}</time>,
                },
                ...(decision.closedAt
                  ? [
                      {
                        label: t('board.fact.closed'),
                        value: <time dateTime={decision.closedAt}>{moment(decision.closedAt)}</time>,
                      },
                    ]
                  : []),
                { label: t('board.fact.positions'), value: t('list.positionsLabel', { stated, of }) },
              ]}
            />
          </div>
        </section>
        {silence && <SilencePanel silence={silence} now={now} ended={!open} />}
        {written && <WrittenPanel decision={decision} written={written} now={now} ended={!open} />}
      </div>

      {silentNote && (
        <Alert color="sco.7" variant="light" mt="md">
          {silentNote}
        </Alert>
      )}
      {(showPosition || showChair) && (
        <div className={classes.actions} data-count={showPosition && showChair ? 2 : 1}>
          {showPosition && self && (
            <PositionPanel decision={decision} state={self} silenceRunning={running} answering={answering} />
          )}
          {showChair && <ChairPanel decision={decision} block={closeBlock(decision, now)} now={now} />}
        </div>
      )}

      <Section id="states" title={t('board.states.title')}>
        <p className={classes.intro}>{t('board.states.intro', { stated, of })}</p>
        <StatesGrid decision={decision} self={self} />
      </Section>

      <Section id="texts" title={t('board.texts.title')}>
        <StateTexts decision={decision} />
      </Section>

      <Section id="history" title={t('board.history.title')}>
        <p className={classes.intro}>{t('board.history.intro')}</p>
        <DecisionHistory decision={decision} />
      </Section>
    </>
  );
}

/**
 * Tells screen readers what changed when the decision changes while the page is open (another
 * delegation's position, the close): the newest act of the log, in a polite live region.
 */
function Announcer({ decision }: { decision: Decision }) {
  const describe = useDescribeEvent(decision);
  const seq = lastSeq(decision);
  const seen = useRef(seq);
  const [message, setMessage] = useState('');
  useEffect(() => {
    if (seq <= seen.current) return;
    seen.current = seq;
    const newest = newestFirst(decision)[0];
    if (newest) setMessage(describe(newest).text);
  }, [seq, decision, describe]);
  return (
    <VisuallyHidden role="status" aria-live="polite">
      {message}
    </VisuallyHidden>
  );
}
