import { Alert, Button, Text, Textarea } from '@mantine/core';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import classes from './council.module.css';
import { refusal } from './formProblem.ts';
import { useAnswerWritten } from './queries.ts';
import type { Decision } from './types.ts';
import { useCouncilText } from './useCouncilText.ts';

/**
 * A delegation's answer on the use of the written procedure: agree in one click, or refuse with
 * its reason (a second step, since a refusal ends the procedure for every state and returns the
 * decision to a meeting).
 */
export function WrittenAnswer({
  decision,
  state,
  agreeBy,
}: {
  decision: Decision;
  state: string;
  agreeBy: string;
}) {
  const { t, stateName, moment } = useCouncilText();
  const answer = useAnswerWritten(decision.id);
  const [refusing, setRefusing] = useState(false);
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const reasonField = useRef<HTMLTextAreaElement>(null);
  const refuseButton = useRef<HTMLButtonElement>(null);
  const opened = useRef(false);
  const name = stateName(state);

  // The Refuse button gives way to the reason and comes back on Cancel: keep the keyboard's place.
  useEffect(() => {
    if (refusing) reasonField.current?.focus();
    else if (opened.current) refuseButton.current?.focus();
    opened.current = refusing;
  }, [refusing]);

  const agree = () => {
    setRefusing(false);
    answer.mutate({ agrees: true });
  };
  const refuse = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    answer.reset();
    if (reason.trim()) answer.mutate({ agrees: false, text: reason.trim() });
  };
  const cancel = () => {
    setRefusing(false);
    setTried(false);
    answer.reset();
  };
  const problem = refusal(answer.error, t);

  return (
    <div className={`${classes.form} ${classes.formPart}`}>
      <h3 className={classes.formTitle}>{t('writtenAnswer.title')}</h3>
      <Text size="sm">{t('writtenAnswer.ask', { state: name, agreeBy: moment(agreeBy) })}</Text>
      {!refusing && (
        <div className={classes.submitRow}>
          <Button onClick={agree} loading={answer.isPending}>
            {t('writtenAnswer.agree')}
          </Button>
          <Button ref={refuseButton} variant="outline" color="red.9" onClick={() => setRefusing(true)}>
            {t('writtenAnswer.refuse')}
          </Button>
        </div>
      )}
      {refusing && (
        <form className={classes.form} onSubmit={refuse} noValidate>
          <Textarea
            label={t('writtenAnswer.reason')}
            description={t('writtenAnswer.reasonHelp')}
            required
            autosize
            minRows={3}
            maxRows={10}
            maxLength={10_000}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={tried && !reason.trim() ? t('positionForm.required') : undefined}
            ref={reasonField}
          />
          <div className={classes.submitRow}>
            <Button type="submit" color="red.9" loading={answer.isPending}>
              {t('writtenAnswer.confirmRefusal')}
            </Button>
            <Button variant="default" onClick={cancel}>
              {t('chair.cancel')}
            </Button>
          </div>
        </form>
      )}
      {problem && (
        <Alert color="red.9" variant="light" role="alert">
          {problem}
        </Alert>
      )}
    </div>
  );
}
