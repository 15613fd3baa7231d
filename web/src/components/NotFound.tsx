import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../lib/usePageTitle.ts';
import { RouterAnchor } from './RouterAnchor.tsx';

/** The page for unknown addresses and for ids the API does not know. */
export function NotFound() {
  const { t } = useTranslation();
  usePageTitle(t('common.notFound'));
  return (
    <Stack gap="md" py="xl" maw={640}>
      <Title order={1}>{t('common.notFound')}</Title>
      <Text>{t('common.notFoundText')}</Text>
      <RouterAnchor to="/">{t('common.backHome')}</RouterAnchor>
    </Stack>
  );
}
