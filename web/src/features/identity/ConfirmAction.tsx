import { Button, type ButtonProps, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog.tsx';
import { formError } from './formErrors.ts';

/**
 * A button for an action that cannot be undone (revoke, disable): it asks for confirmation in a
 * dialog that names the object and says what will happen, and shows the refusal if any.
 */
export function ConfirmAction({
  label,
  ariaLabel,
  title,
  text,
  confirm,
  onConfirm,
  pending,
  error,
  size = 'xs',
}: {
  label: string;
  ariaLabel: string;
  title: string;
  text: string;
  confirm: string;
  onConfirm: () => Promise<unknown>;
  pending: boolean;
  error: unknown;
  size?: ButtonProps['size'];
}) {
  const { t } = useTranslation();
  const [opened, dialog] = useDisclosure(false);
  const problem = opened ? formError(error, [], t) : undefined;
  return (
    <>
      <Button variant="outline" color="red.9" size={size} onClick={dialog.open} aria-label={ariaLabel}>
        {label}
      </Button>
      <Dialog opened={opened} onClose={dialog.close} title={title} centered>
        <Stack gap="md">
          <Text size="sm">{text}</Text>
          {problem && (
            <Text size="sm" c="red.9" role="alert">
              {problem}
            </Text>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={dialog.close}>
              {t('form.cancel')}
            </Button>
            <Button
              color="red.9"
              loading={pending}
              onClick={() =>
                onConfirm().then(
                  () => dialog.close(),
                  () => undefined,
                )
              }
            >
              {confirm}
            </Button>
          </Group>
        </Stack>
      </Dialog>
    </>
  );
}
