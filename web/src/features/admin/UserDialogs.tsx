import { Alert, Button, Checkbox, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAddUser, useDisableUser, useSetRoles } from '../../api/queries.ts';
import { type Organization, ROLES_BY_ORGANIZATION, type Role, type User } from '../../api/types.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { PasswordField } from '../../components/PasswordField.tsx';
import { useLocale } from '../../lib/useLocale.ts';
import { ConfirmAction } from '../identity/ConfirmAction.tsx';
import { fieldError, formError } from '../identity/formErrors.ts';
import { organizationOptions } from './organizationOptions.ts';

const USERNAME = /^[a-z0-9][a-z0-9._@-]{1,63}$/;
const MIN_PASSWORD = 12;

/** Check boxes for the roles an organization of this kind may hold. */
function RoleChoice({
  allowed,
  value,
  onChange,
  error,
  description,
}: {
  allowed: readonly Role[];
  value: string[];
  onChange: (roles: string[]) => void;
  error?: string | undefined;
  description?: string;
}) {
  const { t } = useTranslation();
  return (
    <Checkbox.Group
      label={t('admin.users.roles')}
      description={description}
      value={value}
      onChange={onChange}
      error={error}
    >
      <Group gap="lg" mt="xs">
        {allowed.map((role) => (
          <Checkbox key={role} value={role} label={t(`role.${role}`)} />
        ))}
      </Group>
    </Checkbox.Group>
  );
}

const ADD_FIELDS = ['username', 'displayName', 'organizationId', 'roles', 'password'] as const;
const EMPTY = { username: '', displayName: '', organizationId: '', roles: [] as string[], password: '' };

/** "Add a user": a dialog with the new user's name, organization, roles and first password. */
export function AddUserButton({
  organizations,
  onAdded,
}: {
  organizations: Organization[];
  onAdded: (user: User) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [opened, dialog] = useDisclosure(false);
  const add = useAddUser();
  const [values, setValues] = useState(EMPTY);
  const [tried, setTried] = useState(false);
  const organization = organizations.find((o) => o.id === values.organizationId);
  const allowed = organization ? ROLES_BY_ORGANIZATION[organization.kind] : [];

  const close = () => {
    dialog.close();
    setValues(EMPTY);
    setTried(false);
    add.reset();
  };
  const username = values.username.trim().toLowerCase();
  const local = {
    username: USERNAME.test(username) ? undefined : t('form.usernameRule'),
    displayName: values.displayName.trim() ? undefined : t('form.required'),
    organizationId: organization ? undefined : t('form.required'),
    roles: values.roles.length > 0 ? undefined : t('tokens.pickRole'),
    password: values.password.length >= MIN_PASSWORD ? undefined : t('form.passwordRule'),
  };
  const errorOf = (field: keyof typeof local) =>
    (tried ? local[field] : undefined) ?? fieldError(add.error, field, t);
  const problem = formError(add.error, ADD_FIELDS, t);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (Object.values(local).some(Boolean)) return;
    add.mutate(
      {
        username,
        displayName: values.displayName.trim(),
        organizationId: values.organizationId,
        roles: values.roles,
        password: values.password,
      },
      {
        onSuccess: (user) => {
          close();
          onAdded(user);
        },
      },
    );
  };

  return (
    <>
      <Button onClick={dialog.open}>{t('admin.users.add')}</Button>
      <Dialog opened={opened} onClose={close} title={t('admin.users.add')} size="lg">
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            {problem && (
              <Alert color="red.9" variant="light" role="alert">
                {problem}
              </Alert>
            )}
            <TextInput
              label={t('form.username')}
              description={t('form.usernameRule')}
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              required
              data-autofocus
              value={values.username}
              onChange={(event) => setValues({ ...values, username: event.currentTarget.value })}
              error={errorOf('username')}
            />
            <TextInput
              label={t('form.displayName')}
              autoComplete="off"
              required
              value={values.displayName}
              onChange={(event) => setValues({ ...values, displayName: event.currentTarget.value })}
              error={errorOf('displayName')}
            />
            <Select
              label={t('admin.users.organization')}
              required
              searchable
              data={organizationOptions(organizations, t, locale)}
              value={values.organizationId || null}
              onChange={(id) => {
                const kind = organizations.find((o) => o.id === id)?.kind;
                const permitted: readonly string[] = kind ? ROLES_BY_ORGANIZATION[kind] : [];
                const kept = values.roles.filter((role) => permitted.includes(role));
                const roles = kept.length === 0 && permitted.length === 1 ? [...permitted] : kept;
                setValues({ ...values, organizationId: id ?? '', roles });
              }}
              error={errorOf('organizationId')}
              comboboxProps={{ withinPortal: true }}
            />
            {organization ? (
              <RoleChoice
                allowed={allowed}
                value={values.roles}
                onChange={(roles) => setValues({ ...values, roles })}
                description={t('admin.users.rolesHelp')}
                error={errorOf('roles')}
              />
            ) : (
              <Text size="sm" c="gray.7">
                {t('admin.users.roles')}: {t('admin.users.pickOrganization')}
              </Text>
            )}
            <PasswordField
              label={t('admin.users.password')}
              description={t('admin.users.passwordHelp')}
              autoComplete="new-password"
              required
              value={values.password}
              onChange={(event) => setValues({ ...values, password: event.currentTarget.value })}
              error={errorOf('password')}
            />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={close}>
                {t('form.cancel')}
              </Button>
              <Button type="submit" loading={add.isPending}>
                {t('admin.users.add')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Dialog>
    </>
  );
}

/** "Roles": a dialog to change a user's roles, among those their organization may hold. */
export function ChangeRolesButton({
  user,
  organization,
}: {
  user: User;
  organization: Organization | undefined;
}) {
  const { t } = useTranslation();
  const [opened, dialog] = useDisclosure(false);
  const setRoles = useSetRoles();
  const [roles, setChosen] = useState<string[]>(user.roles);
  const [tried, setTried] = useState(false);
  const allowed = organization ? ROLES_BY_ORGANIZATION[organization.kind] : user.roles;

  const open = () => {
    setChosen(user.roles);
    setTried(false);
    setRoles.reset();
    dialog.open();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (roles.length === 0) return;
    setRoles.mutate({ id: user.id, roles }, { onSuccess: dialog.close });
  };
  const problem = formError(setRoles.error, ['roles'], t);

  return (
    <>
      <Button
        variant="default"
        size="xs"
        onClick={open}
        aria-label={t('admin.users.changeRolesLabel', { username: user.username })}
      >
        {t('admin.users.changeRoles')}
      </Button>
      <Dialog
        opened={opened}
        onClose={dialog.close}
        title={t('admin.users.rolesTitle', { name: user.displayName })}
      >
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            {problem && (
              <Alert color="red.9" variant="light" role="alert">
                {problem}
              </Alert>
            )}
            <RoleChoice
              allowed={allowed}
              value={roles}
              onChange={setChosen}
              description={t('admin.users.rolesHelp')}
              error={
                (tried && roles.length === 0 ? t('tokens.pickRole') : undefined) ??
                fieldError(setRoles.error, 'roles', t)
              }
            />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={dialog.close}>
                {t('form.cancel')}
              </Button>
              <Button type="submit" loading={setRoles.isPending}>
                {t('form.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Dialog>
    </>
  );
}

/** "Disable", after confirmation. */
export function DisableUserButton({ user }: { user: User }) {
  const { t } = useTranslation();
  const disable = useDisableUser();
  return (
    <ConfirmAction
      label={t('admin.users.disable')}
      ariaLabel={t('admin.users.disableLabel', { username: user.username })}
      title={t('admin.users.disableTitle', { name: user.displayName })}
      text={t('admin.users.disableText')}
      confirm={t('admin.users.disable')}
      onConfirm={() => disable.mutateAsync(user.id)}
      pending={disable.isPending}
      error={disable.error}
    />
  );
}
