import '@mantine/core/styles.layer.css';
import './styles/global.css';
import './i18n/index.ts';
import { MantineProvider } from '@mantine/core';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { isClientError, isUnauthorized } from './api/client.ts';
import { router } from './routes.tsx';
import { cssVariablesResolver, theme } from './theme.ts';

/** A 401 from any request means the session has ended: ask again who is signed in. */
const onError = (error: unknown) => {
  if (isUnauthorized(error)) void queryClient.invalidateQueries({ queryKey: ['identity', 'me'] });
};

/**
 * The one cache of server state: reference data changes rarely, so it stays fresh for minutes.
 * Refusals (4xx) are not retried: asking again gets the same answer.
 */
const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError }),
  mutationCache: new MutationCache({ onError }),
  defaultOptions: {
    queries: {
      staleTime: 5 * 60_000,
      gcTime: 30 * 60_000,
      refetchOnWindowFocus: false,
      retry: (failures, error) => !isClientError(error) && failures < 2,
    },
  },
});

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');

createRoot(root).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
