import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useMe } from '../../api/queries.ts';
import type { Me, Organization, User } from '../../api/types.ts';
import { NotFound } from '../../components/NotFound.tsx';
import { LoadError, Loading } from '../../components/QueryState.tsx';

/** A signed-in caller: the user and their organization are present. */
export type SignedInMe = Me & { user: User; organization: Organization };

/**
 * Renders its children for a signed-in user (with `admin`, only for one whose roles in effect
 * include admin; anyone else gets the not-found page). Without a session it sends the visitor to
 * the sign-in page, which brings them back here afterwards.
 */
export function SignedIn({
  admin = false,
  children,
}: {
  admin?: boolean;
  children: (me: SignedInMe) => ReactNode;
}) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Loading />;
  if (me.isError) return <LoadError onRetry={() => void me.refetch()} />;
  const { user, organization } = me.data;
  if (!user || !organization) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/signin?next=${encodeURIComponent(next)}`} replace />;
  }
  if (admin && !me.data.effectiveRoles.includes('admin')) return <NotFound />;
  return <>{children({ ...me.data, user, organization })}</>;
}

/** Where to go after signing in: a path inside the app from `?next=`, else My organization. */
export function safeNext(value: string | null): string {
  return value?.startsWith('/') && !value.startsWith('//') && !value.startsWith('/signin') ? value : '/me';
}
