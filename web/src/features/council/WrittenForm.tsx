import { Alert, Button, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import classes from './council.module.css';
import { refusal } from './formProblem.ts';
import { useLaunchWritten } from './queries.ts';
import { viewerTimeZone, wallTimeAhead, wallTimeToIso } from './time.ts';
import type { Decision } from './types.ts';
import { useCouncilText } from './useCouncilText.ts';
import { ZoneSelect } from './ZoneSelect.tsx';

/**
 * The chair proposes the written procedure: by when every state must agree to use it, and until
 * when positions are then given in writing. Both are dates and times in one chosen time zone, sent
 * as ISO 8601 with that zone's offset, like the silence deadline; the time to agree must end first.
 */
export function WrittenForm({ decision, now }: { decision: Decision; now: number }) {
  const { t, moment, utc } = useCouncilText();
  const launch = useLaunchWritten(decision.id);
  const [zone, setZone] = useState(viewerTimeZone);
  const [agreeLocal, setAgreeLocal] = useState(() => wallTimeAhead(Date.now(), viewerTimeZone(), 24));
  const [deadlineLocal, setDeadlineLocal] = useState(() => wallTimeAhead(Date.now(), viewerTimeZone(), 72));
  const [tried, setTried] = useState(false);

  const agreeBy = wallTimeToIso(agreeLocal, zone);
  const deadline = wallTimeToIso(deadlineLocal, zone);
  const future = (iso: string | null) => iso !== null && Date.parse(iso) > now;
  const agreeFault = !agreeBy
    ? t('chair.invalid')
    : !future(agreeBy)
      ? t('chair.written.agreeByPast')
      : undefined;
  const deadlineFault = !deadline
    ? t('chair.invalid')
    : !future(deadline)
      ? t('chair.past')
      : agreeBy && Date.parse(deadline) <= Date.parse(agreeBy)
        ? t('chair.written.order')
        : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    launch.reset();
    if (agreeBy && deadline && !agreeFault && !deadlineFault) launch.mutate({ agreeBy, deadline });
  };
  const problem = refusal(launch.error, t);
  const preview = (key: string, iso: string | null) =>
    iso && future(iso) ? (
      <Text className={classes.preview}>{t(key, { iso, local: moment(iso), utc: utc(iso) })}</Text>
    ) : null;

  return (
    <form className={`${classes.form} ${classes.formPart}`} onSubmit={submit} noValidate>
      <h3 className={classes.formTitle}>{t('chair.written.title')}</h3>
      <Text size="sm" c="gray.7">
        {t('chair.written.help')}
      </Text>
      <div className={classes.fieldRow}>
        <TextInput
          type="datetime-local"
          label={t('chair.written.agreeBy')}
          required
          value={agreeLocal}
          onChange={(event) => setAgreeLocal(event.currentTarget.value)}
          error={tried ? agreeFault : undefined}
        />
        <TextInput
          type="datetime-local"
          label={t('chair.written.deadline')}
          required
          value={deadlineLocal}
          onChange={(event) => setDeadlineLocal(event.currentTarget.value)}
          error={tried ? deadlineFault : undefined}
        />
        <ZoneSelect value={zone} onChange={setZone} label={t('chair.written.zone')} />
      </div>
      {preview('chair.written.previewAgreeBy', agreeBy)}
      {preview('chair.written.previewDeadline', deadline)}
      {problem && (
        <Alert color="red.9" variant="light" role="alert">
          {problem}
        </Alert>
      )}
      <div className={classes.submitRow}>
        <Button type="submit" variant="outline" loading={launch.isPending}>
          {t('chair.written.propose')}
        </Button>
      </div>
    </form>
  );
}
