import { Anchor, type AnchorProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** A Mantine-styled link that navigates inside the app. */
export function RouterAnchor({
  to,
  children,
  ...props
}: AnchorProps & { to: string; children: ReactNode; 'aria-label'?: string }) {
  return (
    <Anchor component={Link} to={to} {...props}>
      {children}
    </Anchor>
  );
}
