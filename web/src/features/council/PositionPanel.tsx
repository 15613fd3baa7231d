import { Alert, Button, Radio, Text, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { PositionBadge } from './CouncilBadges.tsx';
import classes from './council.module.css';
import { positionsWaitForWritten, writtenOf } from './decision.model.ts';
import { refusal } from './formProblem.ts';
import { useStatePosition, useWithdrawObjection } from './queries.ts';
import { type Decision, POSITIONS, type Position, TEXT_REQUIRED } from './types.ts';
import { useCouncilText } from './useCouncilText.ts';
import { WrittenAnswer } from './WrittenAnswer.tsx';

const TEXT_LABEL: Record<Position, string> = {
  support: 'positionForm.note',
  'no-objection': 'positionForm.note',
  abstention: 'positionForm.note',
  statement: 'positionForm.statementText',
  reservation: 'positionForm.reservationText',
  objection: 'positionForm.reason',
};

/**
 * What a delegate or head of delegation does on the board: state their delegation's position (the
 * text is required for an objection, a reservation and a statement), and withdraw their standing
 * objection. While the use of the written procedure is being agreed, the delegation answers on it
 * instead (or is told it has agreed): positions on the substance wait until every state has.
 * Refusals of the API are shown next to the form.
 */
export function PositionPanel({
  decision,
  state,
  silenceRunning,
  answering,
}: {
  decision: Decision;
  state: string;
  silenceRunning: boolean;
  /** Whether the delegation is yet to answer on the use of the written procedure. */
  answering: boolean;
}) {
  const { t, stateName, moment } = useCouncilText();
  const written = writtenOf(decision);
  const waiting = positionsWaitForWritten(decision);
  const statePosition = useStatePosition(decision.id);
  const withdraw = useWithdrawObjection(decision.id);
  const [position, setPosition] = useState<Position | null>(null);
  const [text, setText] = useState('');
  const [tried, setTried] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const current = decision.positions[state] ?? null;
  const name = stateName(state);
  const needsText = position !== null && TEXT_REQUIRED.includes(position);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    setDone(null);
    withdraw.reset();
    if (!position || (needsText && !text.trim())) return;
    const chosen = position;
    statePosition.mutate(
      { position: chosen, ...(text.trim() ? { text: text.trim() } : {}) },
      {
        onSuccess: () => {
          setDone(t('positionForm.done', { state: name, position: t(`position.${chosen}`) }));
          setPosition(null);
          setText('');
          setTried(false);
        },
      },
    );
  };

  const withdrawNow = () => {
    setDone(null);
    statePosition.reset();
    withdraw.mutate(undefined, { onSuccess: () => setDone(t('positionForm.withdrawn', { state: name })) });
  };

  const problem = refusal(statePosition.error ?? withdraw.error, t);

  return (
    <section className={`${classes.panel} ${classes.actionPanel}`} aria-labelledby="position-title">
      <h2 id="position-title" className={classes.panelTitle}>
        {t('positionForm.title')}
      </h2>
      <Text size="sm" c="gray.7" mb="sm">
        {t('positionForm.speaksFor', { state: name })}{' '}
        <span>
          {t('positionForm.currentLabel')} <PositionBadge position={current} size="sm" />
        </span>
      </Text>
      {written?.stage === 'in-writing' && (
        <Text size="sm" c="gray.7" mb="sm">
          {t('positionForm.inWriting', { deadline: moment(written.deadline) })}
        </Text>
      )}

      {waiting &&
        written &&
        (answering ? (
          <WrittenAnswer decision={decision} state={state} agreeBy={written.agreeBy} />
        ) : (
          <div className={classes.formPart}>
            <Alert color="pine.8" variant="light" role="status">
              {t('writtenAnswer.agreed', { state: name })}
            </Alert>
          </div>
        ))}

      {current === 'objection' && (
        <div className={classes.formPart}>
          <Alert color="red.9" variant="light" title={t('positionForm.withdrawTitle')}>
            <Text size="sm" mb="sm">
              {t('positionForm.withdrawText', { state: name })}
            </Text>
            <Button
              variant="outline"
              color="red.9"
              size="sm"
              loading={withdraw.isPending}
              onClick={withdrawNow}
            >
              {t('positionForm.withdraw')}
            </Button>
          </Alert>
        </div>
      )}

      {waiting ? (
        <div className={`${classes.form} ${classes.formPart}`}>
          <Text size="sm" c="gray.7">
            {t('positionForm.waitWritten')}
          </Text>
          {problem && (
            <Alert color="red.9" variant="light" role="alert">
              {problem}
            </Alert>
          )}
        </div>
      ) : (
        <form className={`${classes.form} ${classes.formPart}`} onSubmit={submit} noValidate>
          <Radio.Group
            label={t('positionForm.legend')}
            value={position}
            onChange={(value) => setPosition(value as Position)}
            required
            error={tried && !position ? t('positionForm.required') : undefined}
          >
            <div className={classes.options}>
              {POSITIONS.map((option) => (
                <Radio
                  key={option}
                  value={option}
                  label={t(`position.${option}`)}
                  description={t(`positionHelp.${option}`)}
                  color={option === 'objection' ? 'red.9' : 'sco.7'}
                />
              ))}
            </div>
          </Radio.Group>
          <Textarea
            label={t(position ? TEXT_LABEL[position] : 'positionForm.note')}
            required={needsText}
            autosize
            minRows={3}
            maxRows={10}
            maxLength={10_000}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            error={tried && needsText && !text.trim() ? t('positionForm.required') : undefined}
          />
          {position === 'objection' && silenceRunning && (
            <Alert color="ochre.8" variant="light">
              {t('positionForm.silenceWarning')}
            </Alert>
          )}
          {problem && (
            <Alert color="red.9" variant="light" role="alert">
              {problem}
            </Alert>
          )}
          {done && !problem && (
            <Alert color="pine.8" variant="light" role="status">
              {done}
            </Alert>
          )}
          <div className={classes.submitRow}>
            <Button type="submit" loading={statePosition.isPending}>
              {t('positionForm.submit')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
