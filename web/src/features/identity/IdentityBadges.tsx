import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Role, Token } from '../../api/types.ts';
import { tableClasses } from '../../components/TableFrame.tsx';
import { ROLE_COLOR } from '../../theme.ts';

/** A user's or a token's roles, each in its colour. */
export function RoleBadges({ roles, empty }: { roles: readonly Role[]; empty?: string }) {
  const { t } = useTranslation();
  if (roles.length === 0) return empty ? <span className={tableClasses.muted}>{empty}</span> : null;
  return (
    <span className={tableClasses.badges}>
      {roles.map((role) => (
        <Badge key={role} variant="light" color={ROLE_COLOR[role]} size="sm">
          {t(`role.${role}`)}
        </Badge>
      ))}
    </span>
  );
}

export function UserStateBadge({ disabled }: { disabled: boolean }) {
  const { t } = useTranslation();
  return disabled ? (
    <Badge variant="light" color="red.9" size="sm">
      {t('userState.disabled')}
    </Badge>
  ) : (
    <Badge variant="dot" color="pine.8" size="sm">
      {t('userState.active')}
    </Badge>
  );
}

export type TokenState = 'active' | 'expired' | 'revoked';

export function tokenState(token: Token, now = Date.now()): TokenState {
  if (token.revokedAt) return 'revoked';
  return Date.parse(token.expiresAt) <= now ? 'expired' : 'active';
}

const TOKEN_COLOR: Record<TokenState, string> = { active: 'pine.8', expired: 'gray.8', revoked: 'red.9' };

export function TokenStateBadge({ state }: { state: TokenState }) {
  const { t } = useTranslation();
  return (
    <Badge variant={state === 'active' ? 'dot' : 'light'} color={TOKEN_COLOR[state]} size="sm">
      {t(`tokens.state.${state}`)}
    </Badge>
  );
}
