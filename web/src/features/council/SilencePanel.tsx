import { Alert, Text } from '@mantine/core';
import classes from './council.module.css';
import type { SilenceProcedure } from './decision.model.ts';
import { clock, countdown, viewerTimeZone } from './time.ts';
import { useCouncilText } from './useCouncilText.ts';

/**
 * The silence procedure: the time left (counting down each second), the deadline in the viewer's
 * time zone and in UTC, and whether silence still holds or who broke it.
 */
export function SilencePanel({
  silence,
  now,
  ended,
}: {
  silence: SilenceProcedure;
  now: number;
  ended: boolean;
}) {
  const { t, stateName, moment, utc } = useCouncilText();
  const left = countdown(Date.parse(silence.deadline), now);
  const zone = viewerTimeZone();
  return (
    <section className={classes.panel} aria-labelledby="silence-title">
      <h2 id="silence-title" className={classes.panelTitle}>
        {t('board.silence.title')}
      </h2>
      {left.over || ended ? (
        <Text fw={600} c="gray.8" mb="md">
          {t('board.silence.over')}
        </Text>
      ) : (
        <>
          <Text size="sm" c="gray.7">
            {t('board.silence.left')}
          </Text>
          <div className={classes.countdown} role="timer" aria-live="off">
            {left.days > 0 && (
              <span className={classes.countdownDays}>{t('board.silence.days', { count: left.days })}</span>
            )}
            <span className={classes.countdownClock}>{clock(left)}</span>
          </div>
        </>
      )}
      <dl className={classes.deadlines}>
        <dt>{t('board.silence.yourTime', { zone })}</dt>
        <dd>
          <time dateTime={silence.deadline}>{moment(silence.deadline)}</time>
        </dd>
        <dt>{t('board.silence.utc')}</dt>
        <dd>{utc(silence.deadline)}</dd>
      </dl>
      {silence.broken ? (
        <Alert color="red.9" variant="light">
          {t('board.silence.broken', {
            state: stateName(silence.broken.state),
            reason: t(`board.silence.reason.${silence.broken.reason}`),
            at: moment(silence.broken.at),
          })}
        </Alert>
      ) : (
        !left.over &&
        !ended && (
          <Text size="sm" c="gray.7">
            {t('board.silence.holds')}
          </Text>
        )
      )}
    </section>
  );
}
