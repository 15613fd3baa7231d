import { Alert, Button, Group, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { FormEvent, ReactNode } from 'react';
import { ApiError } from '../../api/client.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { usePartnersText } from './usePartnersText.ts';

/**
 * A button opening a form in a dialog, for adding or changing one record of a partner. The
 * server's refusal goes under the field it names (`fieldProblem`) or, for any other fault, above
 * the form; the dialog closes when the change is saved.
 */
export function RecordDialog({
  label,
  title,
  variant = 'outline',
  pending,
  onSubmit,
  onClose,
  error,
  fields,
  children,
}: {
  label: string;
  title: string;
  variant?: 'filled' | 'outline';
  pending: boolean;
  /** Sends the form; calls `done` once saved. */
  onSubmit: (done: () => void) => void;
  onClose: () => void;
  error: unknown;
  /** The fields of this form: a fault about one of them is shown under it, not above. */
  fields: readonly string[];
  children: ReactNode;
}) {
  const { t } = usePartnersText();
  const [opened, dialog] = useDisclosure(false);
  const close = () => {
    dialog.close();
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(close);
  };
  const field = error instanceof ApiError ? error.field : undefined;
  const general = error && !(field && fields.includes(field)) ? (error as Error).message : undefined;
  return (
    <>
      <Button variant={variant} onClick={dialog.open}>
        {label}
      </Button>
      <Dialog opened={opened} onClose={close} title={title} size="lg">
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            {general && (
              <Alert color="red.9" variant="light" role="alert">
                {t('form.failed', { message: general })}
              </Alert>
            )}
            {children}
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={close}>
                {t('form.cancel')}
              </Button>
              <Button type="submit" loading={pending}>
                {t('form.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Dialog>
    </>
  );
}

/** The server's words on one field, when its refusal is about that field. */
export function fieldProblem(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError) || error.field !== field) return undefined;
  const problem = error.details.problem;
  return typeof problem === 'string' ? problem : error.message;
}
