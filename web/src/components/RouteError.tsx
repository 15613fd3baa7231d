import { Button, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';
import { isNotFound } from '../api/client.ts';
import { NotFound } from './NotFound.tsx';

/** Shown inside the layout when a page fails to render or its code fails to load. */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  if (isNotFound(error)) return <NotFound />;
  return (
    <Stack gap="md" py="xl" maw={640} role="alert">
      <Title order={1}>{t('common.crash')}</Title>
      <Text c="gray.7">{t('common.error')}</Text>
      <div>
        <Button onClick={() => window.location.reload()}>{t('common.reload')}</Button>
      </div>
    </Stack>
  );
}
