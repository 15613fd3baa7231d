import { Menu, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useNavigate } from 'react-router';
import { useLogout, useMe } from '../api/queries.ts';
import classes from './Layout.module.css';

/**
 * Goes to the home page and signs out there (on a page of the signed-in part, the end of the
 * session would first send the visitor to the sign-in page).
 */
function useSignOut(onDone?: () => void) {
  const logout = useLogout();
  const navigate = useNavigate();
  return () => {
    onDone?.();
    navigate('/');
    logout.mutate();
  };
}

function Chevron() {
  return (
    <svg width="12" height="12" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d="M6 9l6 6 6-6" fill="none" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" />
    </svg>
  );
}

/**
 * The header's account control, on the brand band: "Sign in", or the signed-in user's name
 * opening a menu with My organization, Administration (for administrators) and Sign out.
 */
export function AccountMenu() {
  const { t } = useTranslation();
  const me = useMe();
  const signOut = useSignOut();
  const user = me.data?.user;
  if (me.isPending) return null;
  if (!user) {
    return (
      <NavLink to="/signin" className={classes.account}>
        {t('account.signIn')}
      </NavLink>
    );
  }
  const isAdmin = me.data?.effectiveRoles.includes('admin') ?? false;
  return (
    <Menu position="bottom-end" width={240} shadow="md">
      <Menu.Target>
        <UnstyledButton
          className={classes.account}
          aria-label={t('account.menu', { name: user.displayName })}
        >
          <span className={classes.accountName}>{user.displayName}</span>
          <Chevron />
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('account.signedInAs', { name: user.username })}</Menu.Label>
        <Menu.Item component={Link} to="/me">
          {t('account.myOrganization')}
        </Menu.Item>
        {isAdmin && (
          <Menu.Item component={Link} to="/admin">
            {t('account.administration')}
          </Menu.Item>
        )}
        <Menu.Divider />
        <Menu.Item onClick={signOut}>{t('account.signOut')}</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

/** The same choices as a list, for the menu drawer on phones. */
export function AccountLinks({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const signOut = useSignOut(onNavigate);
  const user = me.data?.user;
  if (me.isPending) return null;
  if (!user) {
    return (
      <ul className={classes.drawerNav}>
        <li>
          <NavLink to="/signin" className={classes.drawerLink} onClick={onNavigate}>
            {t('account.signIn')}
          </NavLink>
        </li>
      </ul>
    );
  }
  const isAdmin = me.data?.effectiveRoles.includes('admin') ?? false;
  return (
    <nav aria-label={t('account.menu', { name: user.displayName })}>
      <Text size="sm" c="gray.7" px="md" mb="xs">
        {t('account.signedInAs', { name: user.displayName })}
      </Text>
      <ul className={classes.drawerNav}>
        <li>
          <NavLink to="/me" className={classes.drawerLink} onClick={onNavigate}>
            {t('account.myOrganization')}
          </NavLink>
        </li>
        {isAdmin && (
          <li>
            <NavLink to="/admin" className={classes.drawerLink} onClick={onNavigate}>
              {t('account.administration')}
            </NavLink>
          </li>
        )}
        <li>
          <UnstyledButton className={classes.drawerLink} onClick={signOut}>
            {t('account.signOut')}
          </UnstyledButton>
        </li>
      </ul>
    </nav>
  );
}
