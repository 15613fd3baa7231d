import { Alert, Button, Group, MultiSelect, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { useDefineRegion } from './queries.ts';
import type { Region } from './types.ts';
import { useAssessmentText } from './useAssessmentText.ts';

/**
 * "Define a region": a name and its states, for analysts, Secretariat officers and
 * administrators (the server decides; the page offers it to them only). A refusal about a field
 * is shown under that field; `onDefined` receives the new region.
 */
export function DefineRegionDialog({
  opened,
  onClose,
  onDefined,
}: {
  opened: boolean;
  onClose: () => void;
  onDefined: (region: Region) => void;
}) {
  const { t, stateName, registry, language } = useAssessmentText();
  const define = useDefineRegion();
  const [name, setName] = useState('');
  const [states, setStates] = useState<string[]>([]);
  const [missing, setMissing] = useState<'name' | 'states' | null>(null);
  const options = (registry.data ?? [])
    .map((s) => ({ value: s.code, label: stateName(s.code) }))
    .sort((a, b) => a.label.localeCompare(b.label, language));
  const serverField = define.error instanceof ApiError ? define.error.field : undefined;
  const fieldError = (field: 'name' | 'states') => {
    if (missing === field) return t(field === 'name' ? 'define.nameRequired' : 'define.statesRequired');
    if (serverField === field && define.error instanceof ApiError) return define.error.message;
    return undefined;
  };
  const close = () => {
    define.reset();
    setMissing(null);
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return setMissing('name');
    if (states.length === 0) return setMissing('states');
    setMissing(null);
    define.mutate(
      { name: name.trim(), states },
      {
        onSuccess: (region) => {
          setName('');
          setStates([]);
          onDefined(region);
          close();
        },
      },
    );
  };
  const general =
    define.error && !(serverField === 'name' || serverField === 'states')
      ? define.error instanceof ApiError && define.error.status === 403
        ? t('define.forbidden')
        : define.error.message
      : null;
  return (
    <Dialog opened={opened} onClose={close} title={t('define.title')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput
            label={t('define.name')}
            value={name}
            onChange={(event) => {
              setName(event.currentTarget.value);
              if (missing === 'name') setMissing(null);
            }}
            required
            maxLength={120}
            error={fieldError('name')}
            data-autofocus
          />
          <MultiSelect
            label={t('define.states')}
            description={t('define.statesHelp')}
            data={options}
            value={states}
            onChange={(next) => {
              setStates(next);
              if (missing === 'states') setMissing(null);
            }}
            searchable
            required
            error={fieldError('states')}
            comboboxProps={{ withinPortal: true }}
          />
          {general && (
            <Alert color="red.9" variant="light" role="alert">
              {general}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="subtle" onClick={close}>
              {t('define.cancel')}
            </Button>
            <Button type="submit" loading={define.isPending}>
              {t('define.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}
