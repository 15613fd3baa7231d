import { Alert, Button, Paper, Text, TextInput, Title } from '@mantine/core';
import { type ChangeEvent, type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { useMe, useSetup } from '../../api/queries.ts';
import { PasswordField } from '../../components/PasswordField.tsx';
import { RouterAnchor } from '../../components/RouterAnchor.tsx';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { fieldError, formError } from './formErrors.ts';
import classes from './identity.module.css';

const MIN_PASSWORD = 12;
const FIELDS = ['username', 'displayName', 'password'] as const;

/**
 * `/setup#token=…`: creates the first administrator with the one-time secret the server printed
 * on a fresh install. The secret stays in the fragment, so it never reaches a server log.
 */
export function SetupPage() {
  const { t } = useTranslation();
  usePageTitle(t('setup.title'));
  const { hash } = useLocation();
  const navigate = useNavigate();
  const token = new URLSearchParams(hash.slice(1)).get('token') ?? '';
  const me = useMe();
  const setup = useSetup();
  const [values, setValues] = useState({ username: '', displayName: '', password: '', again: '' });
  const [tried, setTried] = useState(false);

  const local = {
    username: values.username.trim() ? undefined : t('form.required'),
    displayName: values.displayName.trim() ? undefined : t('form.required'),
    password: values.password.length >= MIN_PASSWORD ? undefined : t('form.passwordRule'),
    again: values.again === values.password ? undefined : t('form.passwordMismatch'),
  };
  const errorOf = (field: keyof typeof local) =>
    (tried ? local[field] : undefined) ?? (field === 'again' ? undefined : fieldError(setup.error, field, t));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (Object.values(local).some(Boolean)) return;
    const username = values.username.trim();
    setup.mutate(
      { token, username, displayName: values.displayName.trim(), password: values.password },
      { onSuccess: () => navigate('/signin', { replace: true, state: { setupDone: username } }) },
    );
  };

  const refusal = (() => {
    if (!setup.error) return undefined;
    if (setup.error instanceof ApiError && setup.error.field === 'token') return t('setup.badToken');
    if (setup.error instanceof ApiError && setup.error.status === 409) return t('setup.done');
    return formError(setup.error, FIELDS, t);
  })();
  const alreadyDone = me.data !== undefined && !me.data.setupRequired && setup.isIdle;

  const set = (field: keyof typeof values) => (event: ChangeEvent<HTMLInputElement>) => {
    const value = event.currentTarget.value;
    setValues((current) => ({ ...current, [field]: value }));
  };

  return (
    <div className={classes.auth}>
      <Title order={1} className={classes.authTitle}>
        {t('setup.title')}
      </Title>
      <Text className={classes.authIntro}>{t('setup.intro')}</Text>
      {alreadyDone ? (
        <Alert color="sco.7" variant="light" title={t('setup.done')}>
          <RouterAnchor to="/signin">{t('setup.toSignIn')}</RouterAnchor>
        </Alert>
      ) : !token ? (
        <Alert color="ochre.8" variant="light" role="alert">
          {t('setup.noToken')}
        </Alert>
      ) : (
        <Paper p="lg">
          <form className={classes.form} onSubmit={submit} noValidate>
            {refusal && (
              <Alert color="red.9" variant="light" role="alert">
                {refusal}
              </Alert>
            )}
            <TextInput
              label={t('form.username')}
              description={t('form.usernameRule')}
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              required
              value={values.username}
              onChange={set('username')}
              error={errorOf('username')}
            />
            <TextInput
              label={t('form.displayName')}
              autoComplete="name"
              required
              value={values.displayName}
              onChange={set('displayName')}
              error={errorOf('displayName')}
            />
            <PasswordField
              label={t('form.password')}
              description={t('setup.passwordHelp')}
              autoComplete="new-password"
              required
              value={values.password}
              onChange={set('password')}
              error={errorOf('password')}
            />
            <PasswordField
              label={t('form.passwordAgain')}
              autoComplete="new-password"
              required
              value={values.again}
              onChange={set('again')}
              error={errorOf('again')}
            />
            <Button type="submit" loading={setup.isPending}>
              {t('setup.submit')}
            </Button>
          </form>
        </Paper>
      )}
    </div>
  );
}
