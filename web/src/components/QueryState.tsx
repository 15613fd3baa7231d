import { Alert, Button, Group, Loader, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isNotFound } from '../api/client.ts';
import { NotFound } from './NotFound.tsx';

/** A calm loading indicator, announced to screen readers. */
export function Loading() {
  const { t } = useTranslation();
  return (
    <Group justify="center" py="xl" role="status" aria-live="polite">
      <Loader size="sm" aria-hidden="true" />
      <Text c="gray.7">{t('common.loading')}</Text>
    </Group>
  );
}

/** A failed request, with a way to try again. */
export function LoadError({ onRetry }: { onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="red.9" variant="light" title={t('common.error')} role="alert">
      <Button variant="outline" color="red.9" size="xs" onClick={onRetry}>
        {t('common.retry')}
      </Button>
    </Alert>
  );
}

/**
 * Renders a query's data with `children`, or its loading, not-found or error state, so every
 * page handles the three the same way.
 */
export function QueryState<T>({
  query,
  children,
}: {
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <Loading />;
  if (query.isError) {
    if (isNotFound(query.error)) return <NotFound />;
    return <LoadError onRetry={() => void query.refetch()} />;
  }
  return <>{children(query.data)}</>;
}

/** Shown while a lazily loaded page's code arrives. */
export function HydrateFallback() {
  return <Loading />;
}
