import { Alert, Button, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { type FormEvent, useState } from 'react';
import { Dialog } from '../../components/Dialog.tsx';
import classes from './council.module.css';
import { type CloseBlock, mayProposeWritten } from './decision.model.ts';
import { refusal } from './formProblem.ts';
import { useCloseDecision, useLaunchSilence } from './queries.ts';
import { viewerTimeZone, wallTimeAhead, wallTimeToIso } from './time.ts';
import type { Decision } from './types.ts';
import { useCouncilText } from './useCouncilText.ts';
import { WrittenForm } from './WrittenForm.tsx';
import { ZoneSelect } from './ZoneSelect.tsx';

const BLOCKED: Record<CloseBlock['kind'], string> = {
  silence: 'chair.closeBlocked',
  agreeing: 'chair.closeBlockedAgreeing',
  'in-writing': 'chair.closeBlockedWriting',
};

/**
 * What the chair does on the board (the decision's `abilities` say who may): close consideration
 * with a ruling, after confirmation; launch the silence procedure with a deadline given as a date
 * and time in a chosen time zone, sent as ISO 8601 with that zone's offset; or propose the written
 * procedure, with the time to agree to it and the deadline for positions given the same way.
 */
export function ChairPanel({
  decision,
  block,
  now,
}: {
  decision: Decision;
  /** A running procedure that keeps the chair from closing (and from launching another) until then. */
  block: CloseBlock | null;
  now: number;
}) {
  const { t, moment } = useCouncilText();
  return (
    <section className={`${classes.panel} ${classes.actionPanel}`} aria-labelledby="chair-title">
      <h2 id="chair-title" className={classes.panelTitle}>
        {t('chair.title')}
      </h2>
      <Text size="sm" c="gray.7" mb="sm">
        {t('chair.intro')}
      </Text>
      {block ? (
        <Alert color="sco.7" variant="light" className={classes.formPart}>
          {t(BLOCKED[block.kind], { deadline: moment(block.until) })}
        </Alert>
      ) : (
        <>
          <CloseForm decision={decision} />
          <SilenceForm decision={decision} now={now} />
        </>
      )}
      {mayProposeWritten(decision) && <WrittenForm decision={decision} now={now} />}
    </section>
  );
}

function CloseForm({ decision }: { decision: Decision }) {
  const { t, locale } = useCouncilText();
  const close = useCloseDecision(decision.id);
  const [ruling, setRuling] = useState('');
  const [tried, setTried] = useState(false);
  const [opened, dialog] = useDisclosure(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    close.reset();
    if (ruling.trim()) dialog.open();
  };
  const confirm = () => {
    dialog.close();
    close.mutate(ruling.trim());
  };
  const problem = refusal(close.error, t);

  return (
    <form className={`${classes.form} ${classes.formPart}`} onSubmit={submit} noValidate>
      <h3 className={classes.formTitle}>{t('chair.closeTitle')}</h3>
      <Textarea
        label={t('chair.ruling')}
        description={t('chair.rulingHelp')}
        required
        autosize
        minRows={3}
        maxRows={10}
        maxLength={10_000}
        value={ruling}
        onChange={(event) => setRuling(event.currentTarget.value)}
        error={tried && !ruling.trim() ? t('positionForm.required') : undefined}
      />
      {problem && (
        <Alert color="red.9" variant="light" role="alert">
          {problem}
        </Alert>
      )}
      <div className={classes.submitRow}>
        <Button type="submit" loading={close.isPending}>
          {t('chair.close')}
        </Button>
      </div>
      <Dialog opened={opened} onClose={dialog.close} title={t('chair.confirmTitle')} centered>
        <Stack gap="md">
          <Text size="sm" fw={600}>
            {locale.text(decision.title)}
          </Text>
          <Text size="sm">{t('chair.confirmText')}</Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={dialog.close}>
              {t('chair.cancel')}
            </Button>
            <Button onClick={confirm}>{t('chair.confirm')}</Button>
          </Group>
        </Stack>
      </Dialog>
    </form>
  );
}

function SilenceForm({ decision, now }: { decision: Decision; now: number }) {
  const { t, moment, utc } = useCouncilText();
  const launch = useLaunchSilence(decision.id);
  const [zone, setZone] = useState(viewerTimeZone);
  const [local, setLocal] = useState(() => wallTimeAhead(Date.now(), viewerTimeZone(), 24));
  const [tried, setTried] = useState(false);

  const iso = wallTimeToIso(local, zone);
  const past = iso !== null && Date.parse(iso) <= now;
  const fault = !iso ? t('chair.invalid') : past ? t('chair.past') : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    launch.reset();
    if (iso && !past) launch.mutate(iso);
  };
  const problem = refusal(launch.error, t);

  return (
    <form className={`${classes.form} ${classes.formPart}`} onSubmit={submit} noValidate>
      <h3 className={classes.formTitle}>{t('chair.silenceTitle')}</h3>
      <Text size="sm" c="gray.7">
        {t('board.silence.holds')}
      </Text>
      <div className={classes.fieldRow}>
        <TextInput
          type="datetime-local"
          label={t('chair.deadline')}
          required
          value={local}
          onChange={(event) => setLocal(event.currentTarget.value)}
          error={tried ? fault : undefined}
        />
        <ZoneSelect value={zone} onChange={setZone} />
      </div>
      {iso && !past && (
        <Text className={classes.preview}>
          {t('chair.preview', { iso, local: moment(iso), utc: utc(iso) })}
        </Text>
      )}
      {problem && (
        <Alert color="red.9" variant="light" role="alert">
          {problem}
        </Alert>
      )}
      <div className={classes.submitRow}>
        <Button type="submit" variant="outline" loading={launch.isPending}>
          {t('chair.launch')}
        </Button>
      </div>
    </form>
  );
}
