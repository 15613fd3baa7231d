import { Alert, Button, Checkbox, FileInput, Progress, SegmentedControl, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { SignedIn } from '../identity/SignedIn.tsx';
import { ImportReportView } from './ImportReportView.tsx';
import classes from './intel.module.css';
import { RecipientFields } from './RecipientFields.tsx';
import { TlpField } from './TlpField.tsx';
import { IMPORT_KINDS, type ImportKind, type Tlp } from './types.ts';
import { reportOf, uploadImport } from './upload.ts';
import { useIntelText } from './useIntelText.ts';

/**
 * `/intel/import`: an analyst uploads a STIX 2.1 bundle or a GTD CSV export under a TLP level, with
 * the organizations that may read it, all or nothing or partially; the page shows the upload's
 * progress and then the report: counts, and each rejected record's place, field and problem.
 */
/**
 * Whether the server has no import of this kind: no such route (404), or, as Fastify parses a body
 * before it finds the route, no parser for its content type (415).
 */
const notTaken = (error: unknown) =>
  error instanceof ApiError && (error.status === 404 || error.status === 415);

export function ImportPage() {
  return <SignedIn>{() => <ImportView />}</SignedIn>;
}

function ImportView() {
  const { t, access } = useIntelText();
  usePageTitle(t('import.title'));
  const [kind, setKind] = useState<ImportKind>('stix');
  const [file, setFile] = useState<File | null>(null);
  const [tlp, setTlp] = useState<Tlp>('green');
  const [orgs, setOrgs] = useState<string[]>([]);
  const [partial, setPartial] = useState(false);
  const [tried, setTried] = useState(false);
  const [progress, setProgress] = useState(0);
  const upload = useMutation({
    mutationFn: (chosen: File) =>
      uploadImport(chosen, { kind, tlp, recipientOrgs: orgs, partial }, (share) => setProgress(share)),
  });
  const refusedReport = reportOf(upload.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    upload.reset();
    setProgress(0);
    if (file) upload.mutate(file);
  };

  return (
    <>
      <PageHeader
        title={t('import.title')}
        lead={t('import.lead')}
        crumbs={[{ to: '/intel', label: t('home.title') }]}
      />
      {!access.analyse ? (
        <Alert color="ochre.8" variant="light">
          {t('import.notAnalyst')}
        </Alert>
      ) : (
        <form className={classes.form} onSubmit={submit} noValidate>
          <Stack gap={4}>
            <Text component="span" size="sm" fw={500} id="import-kind-label">
              {t('import.kind')}
            </Text>
            <SegmentedControl
              aria-labelledby="import-kind-label"
              value={kind}
              onChange={(value) => setKind(value as ImportKind)}
              data={IMPORT_KINDS.map((value) => ({ value, label: t(`import.kinds.${value}`) }))}
              className={classes.segmented}
            />
            <Text size="xs" c="gray.7">
              {t(`import.kindHelp.${kind}`)}
            </Text>
          </Stack>
          <FileInput
            label={t('import.file')}
            description={t('import.fileHelp')}
            placeholder={t('import.choose')}
            accept={kind === 'stix' ? '.json,application/json,application/stix+json' : '.csv,text/csv'}
            value={file}
            onChange={setFile}
            clearable
            clearButtonProps={{ 'aria-label': t('form.clear') }}
            required
            classNames={{ placeholder: classes.placeholder }}
            error={tried && !file ? t('form.problem.required') : undefined}
          />
          <TlpField value={tlp} onChange={setTlp} label={t('import.tlp')} />
          <RecipientFields
            tlp={tlp}
            organizations={orgs}
            users={[]}
            onOrganizations={setOrgs}
            onUsers={() => {}}
          />
          <Checkbox
            label={t('import.partial')}
            description={t('import.partialHelp')}
            checked={partial}
            onChange={(event) => setPartial(event.currentTarget.checked)}
          />
          <div>
            <Button type="submit" loading={upload.isPending}>
              {t('import.submit')}
            </Button>
          </div>
          {(upload.isPending || upload.isSuccess) && (
            <div className={classes.progress}>
              <Text size="sm" id="upload-progress-label">
                {upload.isSuccess
                  ? t('import.done')
                  : progress < 1
                    ? t('import.sending', { percent: Math.round(progress * 100) })
                    : t('import.processing')}
              </Text>
              <Progress.Root>
                <Progress.Section value={progress * 100} aria-labelledby="upload-progress-label" />
              </Progress.Root>
            </div>
          )}
        </form>
      )}
      {upload.isSuccess && <ImportReportView report={upload.data} />}
      {upload.isError &&
        (refusedReport ? (
          <ImportReportView report={refusedReport} refused={upload.error.message} />
        ) : (
          <Alert color="red.9" variant="light" role="alert" mt="lg">
            {notTaken(upload.error)
              ? t('import.unavailable')
              : t('import.refused', { message: upload.error.message })}
          </Alert>
        ))}
    </>
  );
}
