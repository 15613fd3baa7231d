import { Alert, Text } from '@mantine/core';
import classes from './council.module.css';
import { countedStates, type WrittenView } from './decision.model.ts';
import { clock, countdown, viewerTimeZone } from './time.ts';
import type { Decision } from './types.ts';
import { useCouncilText } from './useCouncilText.ts';

/**
 * The written procedure: its stage in words; while the states agree to use it, the time left to
 * agree and who has agreed and who is awaited; while in writing, the time left for positions; once
 * lapsed, who refused and why, or that the time to agree ran out. Both times are shown in the
 * viewer's time zone and in UTC.
 */
export function WrittenPanel({
  decision,
  written,
  now,
  ended,
}: {
  decision: Decision;
  written: WrittenView;
  now: number;
  ended: boolean;
}) {
  const { t, stateList, stateName, moment } = useCouncilText();
  const { stage } = written;
  const stageKey = ended && stage === 'in-writing' ? 'ended' : stage;
  const target = stage === 'agreeing' ? written.agreeBy : stage === 'in-writing' ? written.deadline : null;
  const of = countedStates(decision).length;

  return (
    <section className={classes.panel} aria-labelledby="written-title" data-stage={stageKey}>
      <h2 id="written-title" className={classes.panelTitle}>
        {t('board.written.title')}
      </h2>
      <p className={classes.stage}>{t(`board.written.stage.${stageKey}`)}</p>
      <Text size="sm" c="gray.7" mb="sm">
        {t(`board.written.help.${stageKey}`)}
      </Text>
      {target && !ended && <Countdown target={target} now={now} stage={stage} />}
      <dl className={classes.deadlines}>
        <Moment label={t('board.written.agreeBy')} at={written.agreeBy} />
        <Moment label={t('board.written.deadline')} at={written.deadline} />
        {(stage === 'agreeing' || (stage === 'lapsed' && written.agreed.length > 0)) && (
          <>
            <dt>{t('board.written.agreed', { count: written.agreed.length, of })}</dt>
            <dd>{written.agreed.length ? stateList(written.agreed) : t('board.written.none')}</dd>
          </>
        )}
        {stage === 'agreeing' && (
          <>
            <dt>{t('board.written.awaiting')}</dt>
            <dd>{written.missing.length ? stateList(written.missing) : t('board.written.none')}</dd>
          </>
        )}
      </dl>
      {stage === 'lapsed' && (
        <Alert color="red.9" variant="light" role="note">
          <Text size="sm">
            {written.refusal
              ? t('board.written.refused', {
                  state: stateName(written.refusal.state),
                  at: moment(written.refusal.at),
                })
              : t('board.written.timedOut', {
                  at: moment(written.agreeBy),
                  states: stateList(written.missing),
                })}
          </Text>
          {written.refusal?.text && <blockquote className={classes.quote}>{written.refusal.text}</blockquote>}
          <Text size="sm" mt="xs">
            {t('board.written.toMeeting')}
          </Text>
        </Alert>
      )}
    </section>
  );
}

/** The time left to agree, or for positions in writing, counting down each second. */
function Countdown({ target, now, stage }: { target: string; now: number; stage: WrittenView['stage'] }) {
  const { t } = useCouncilText();
  const left = countdown(Date.parse(target), now);
  const which = stage === 'agreeing' ? 'agreeing' : 'writing';
  if (left.over) {
    return (
      <Text fw={600} c="gray.8" mb="md">
        {t(`board.written.over.${which}`)}
      </Text>
    );
  }
  return (
    <>
      <Text size="sm" c="gray.7">
        {t(`board.written.left.${which}`)}
      </Text>
      <div className={classes.countdown} role="timer" aria-live="off">
        {left.days > 0 && (
          <span className={classes.countdownDays}>{t('board.silence.days', { count: left.days })}</span>
        )}
        <span className={classes.countdownClock}>{clock(left)}</span>
      </div>
    </>
  );
}

/** One of the procedure's two times, in the viewer's zone and in UTC. */
function Moment({ label, at }: { label: string; at: string }) {
  const { t, moment, utc } = useCouncilText();
  return (
    <>
      <dt>{label}</dt>
      <dd>
        <time dateTime={at} className={classes.momentLine}>
          {t('board.written.yourTime', { at: moment(at), zone: viewerTimeZone() })}
        </time>
        <span className={classes.momentLine}>{t('board.written.utc', { at: utc(at) })}</span>
      </dd>
    </>
  );
}
