import { Alert, Button, Paper, Text, TextInput, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { useLogin, useMe } from '../../api/queries.ts';
import { PasswordField } from '../../components/PasswordField.tsx';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import classes from './identity.module.css';
import { safeNext } from './SignedIn.tsx';

/** What a failed sign-in says: the server answers alike for unknown users and wrong passwords. */
function signInProblem(error: unknown, t: TFunction): string {
  if (error instanceof ApiError && error.status === 401) return t('signin.wrong');
  if (error instanceof ApiError && error.status === 429) {
    return t('signin.throttled', { count: Math.max(1, error.retryAfterSeconds ?? 1) });
  }
  return t('signin.failed', { message: error instanceof Error ? error.message : String(error) });
}

/** `/signin`: username and password; afterwards, back to `?next=` or to My organization. */
export function SignInPage() {
  const { t } = useTranslation();
  usePageTitle(t('signin.title'));
  const me = useMe();
  const login = useLogin();
  const location = useLocation();
  const [params] = useSearchParams();
  const created = (location.state as { setupDone?: string } | null)?.setupDone;
  const [username, setUsername] = useState(created ?? '');
  const [password, setPassword] = useState('');
  const [tried, setTried] = useState(false);
  const passwordRef = useRef<HTMLInputElement>(null);

  if (me.data?.user) return <Navigate to={safeNext(params.get('next'))} replace />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!username.trim() || !password) return;
    login.mutate(
      { username: username.trim(), password },
      {
        onError: () => {
          setPassword('');
          passwordRef.current?.focus();
        },
      },
    );
  };

  return (
    <div className={classes.auth}>
      <Title order={1} className={classes.authTitle}>
        {t('signin.title')}
      </Title>
      <Text className={classes.authIntro}>{t('signin.intro')}</Text>
      {created && (
        <Alert color="pine.8" variant="light" mb="md" role="status">
          {t('signin.setupDone', { username: created })}
        </Alert>
      )}
      {!created && me.data?.setupRequired && (
        <Alert color="ochre.8" variant="light" mb="md">
          {t('signin.setupRequired')}
        </Alert>
      )}
      <Paper p="lg">
        <form className={classes.form} onSubmit={submit} noValidate>
          {login.isError && (
            <Alert color="red.9" variant="light" role="alert">
              {signInProblem(login.error, t)}
            </Alert>
          )}
          <TextInput
            label={t('form.username')}
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            value={username}
            onChange={(event) => setUsername(event.currentTarget.value)}
            error={tried && !username.trim() ? t('form.required') : undefined}
          />
          <PasswordField
            ref={passwordRef}
            label={t('form.password')}
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            error={tried && !password ? t('form.required') : undefined}
          />
          <Button type="submit" loading={login.isPending}>
            {t('signin.submit')}
          </Button>
        </form>
      </Paper>
    </div>
  );
}
