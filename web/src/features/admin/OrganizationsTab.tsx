import { Alert, Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { type ChangeEvent, type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAddPartnerCenter, useOrganizations } from '../../api/queries.ts';
import type { Organization } from '../../api/types.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { TableFrame, tableClasses } from '../../components/TableFrame.tsx';
import { useLocale } from '../../lib/useLocale.ts';
import { fieldError, formError } from '../identity/formErrors.ts';
import classes from './admin.module.css';

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Every organization; administrators add partner centers (the others follow the registry). */
export function OrganizationsTab() {
  const { t } = useTranslation();
  const locale = useLocale();
  const organizations = useOrganizations();
  const [added, setAdded] = useState<Organization | null>(null);
  return (
    <>
      <div className={classes.toolbar}>
        <Text size="sm" c="gray.7" className={classes.filters}>
          {t('admin.organizations.intro')}
        </Text>
        <AddPartnerButton onAdded={setAdded} />
      </div>
      {added && (
        <Alert
          color="pine.8"
          variant="light"
          mb="md"
          role="status"
          withCloseButton
          closeButtonLabel={t('form.close')}
          onClose={() => setAdded(null)}
        >
          {t('admin.organizations.added', { name: locale.text(added.name) })}
        </Alert>
      )}
      <QueryState query={organizations}>
        {(result) => (
          <>
            <Text className={classes.count} role="status">
              {t('admin.organizations.count', { count: result.total })}
            </Text>
            <TableFrame label={t('admin.tab.organizations')} minWidth={720}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('admin.organizations.column.name')}</Table.Th>
                  <Table.Th scope="col">{t('admin.organizations.column.id')}</Table.Th>
                  <Table.Th scope="col">{t('admin.organizations.column.kind')}</Table.Th>
                  <Table.Th scope="col">{t('admin.organizations.column.state')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {result.items.map((organization) => (
                  <Table.Tr key={organization.id}>
                    <Table.Th scope="row" fw={550}>
                      {locale.text(organization.name)}
                    </Table.Th>
                    <Table.Td className={tableClasses.code}>{organization.id}</Table.Td>
                    <Table.Td>{t(`orgKind.${organization.kind}`)}</Table.Td>
                    <Table.Td className={tableClasses.tight}>{organization.stateCode ?? '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </TableFrame>
          </>
        )}
      </QueryState>
    </>
  );
}

const FIELDS = ['id', 'name.en', 'name.ru', 'name.zh'] as const;
const EMPTY = { id: '', en: '', ru: '', zh: '' };

function AddPartnerButton({ onAdded }: { onAdded: (organization: Organization) => void }) {
  const { t } = useTranslation();
  const [opened, dialog] = useDisclosure(false);
  const add = useAddPartnerCenter();
  const [values, setValues] = useState(EMPTY);
  const [tried, setTried] = useState(false);

  const close = () => {
    dialog.close();
    setValues(EMPTY);
    setTried(false);
    add.reset();
  };
  const id = values.id.trim();
  const local: Record<(typeof FIELDS)[number], string | undefined> = {
    id: ID.test(id) && id.length <= 80 ? undefined : t('admin.organizations.idRule'),
    'name.en': values.en.trim() ? undefined : t('form.required'),
    'name.ru': undefined,
    'name.zh': undefined,
  };
  const errorOf = (field: (typeof FIELDS)[number]) =>
    (tried ? local[field] : undefined) ?? fieldError(add.error, field, t);
  const problem = formError(add.error, FIELDS, t);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (Object.values(local).some(Boolean)) return;
    const name = {
      en: values.en.trim(),
      ...(values.ru.trim() ? { ru: values.ru.trim() } : {}),
      ...(values.zh.trim() ? { zh: values.zh.trim() } : {}),
    };
    add.mutate(
      { id, name },
      {
        onSuccess: (organization) => {
          close();
          onAdded(organization);
        },
      },
    );
  };
  const field = (key: 'id' | 'en' | 'ru' | 'zh') => ({
    value: values[key],
    onChange: (event: ChangeEvent<HTMLInputElement>) =>
      setValues({ ...values, [key]: event.currentTarget.value }),
  });

  return (
    <>
      <Button onClick={dialog.open}>{t('admin.organizations.add')}</Button>
      <Dialog opened={opened} onClose={close} title={t('admin.organizations.add')} size="lg">
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            {problem && (
              <Alert color="red.9" variant="light" role="alert">
                {problem}
              </Alert>
            )}
            <TextInput
              label={t('admin.organizations.id')}
              description={t('admin.organizations.idHelp')}
              required
              autoCapitalize="none"
              spellCheck={false}
              data-autofocus
              maxLength={80}
              {...field('id')}
              error={errorOf('id')}
            />
            <TextInput
              label={t('admin.organizations.nameEn')}
              lang="en"
              required
              {...field('en')}
              error={errorOf('name.en')}
            />
            <TextInput
              label={t('admin.organizations.nameRu')}
              lang="ru"
              {...field('ru')}
              error={errorOf('name.ru')}
            />
            <TextInput
              label={t('admin.organizations.nameZh')}
              lang="zh-Hans"
              {...field('zh')}
              error={errorOf('name.zh')}
            />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={close}>
                {t('form.cancel')}
              </Button>
              <Button type="submit" loading={add.isPending}>
                {t('admin.organizations.add')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Dialog>
    </>
  );
}
