import { Anchor, Burger, Container, Divider, Drawer, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, ScrollRestoration, useLocation } from 'react-router';
import { useMe } from '../api/queries.ts';
import { AccountLinks, AccountMenu } from './AccountMenu.tsx';
import { Emblem } from './Emblem.tsx';
import { HeaderSearch } from './HeaderSearch.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import classes from './Layout.module.css';

const NAV = [
  { to: '/', key: 'nav.home', end: true },
  { to: '/states', key: 'nav.states', end: false },
  { to: '/documents', key: 'nav.documents', end: false },
  { to: '/bodies', key: 'nav.bodies', end: false },
  { to: '/council/decisions', key: 'nav.council', end: false },
  { to: '/intel', key: 'nav.intel', end: false },
  { to: '/events', key: 'nav.events', end: false },
  { to: '/assessment', key: 'nav.assessment', end: false },
  { to: '/conventions', key: 'nav.conventions', end: false },
  // Published bulletins are on the public portal; signed-in users also see theirs.
  { to: '/bulletins', key: 'nav.bulletins', end: false },
  // Shown to signed-in users of the community only (not the public, not partner centers).
  { to: '/partners', key: 'nav.partners', end: false, community: true },
  { to: '/measures', key: 'nav.measures', end: false, community: true },
] as const;

/** The frame of every page: brand band, navigation with search, main content, footer. */
export function Layout() {
  const { t } = useTranslation();
  const [menuOpen, menu] = useDisclosure(false);
  const location = useLocation();
  const me = useMe();
  const community = Boolean(me.data?.user) && me.data?.organization?.kind !== 'partner-center';
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  // After client-side navigation, move focus to the new page's content (not on first load).
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each change of page.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.focus({ preventScroll: true });
  }, [location.pathname]);

  const links = (className: string | undefined, onClick?: () => void) =>
    NAV.filter((item) => !('community' in item) || community).map((item) => (
      <li key={item.to}>
        <NavLink to={item.to} end={item.end} className={className} onClick={onClick}>
          {t(item.key)}
        </NavLink>
      </li>
    ));

  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <header>
        <div className={classes.band}>
          <Container className={classes.bandInner}>
            <NavLink to="/" className={classes.brand} aria-label={t('app.home')}>
              <Emblem />
              <span className={classes.brandText}>
                <span className={classes.brandName}>{t('app.name')}</span>
                <span className={`${classes.brandTagline} ${classes.mobileHide}`}>{t('app.tagline')}</span>
              </span>
            </NavLink>
            <div className={classes.bandTools}>
              <div className={`${classes.desktopOnly} ${classes.bandTools}`}>
                <LanguageSwitch />
                <AccountMenu />
              </div>
              <Burger
                className={classes.mobileOnly}
                opened={menuOpen}
                onClick={menu.toggle}
                color="white"
                aria-label={menuOpen ? t('nav.close') : t('nav.menu')}
                aria-expanded={menuOpen}
              />
            </div>
          </Container>
        </div>
        <div className={`${classes.navBar} ${classes.desktopOnly}`}>
          <Container className={classes.navInner}>
            <nav aria-label={t('nav.label')}>
              <ul className={classes.navList}>{links(classes.navLink)}</ul>
            </nav>
            <HeaderSearch className={classes.headerSearch} />
          </Container>
        </div>
      </header>
      <Drawer
        opened={menuOpen}
        onClose={menu.close}
        title={t('app.short')}
        position="right"
        size="xs"
        closeButtonProps={{ 'aria-label': t('nav.close') }}
      >
        <Stack gap="lg">
          <HeaderSearch onDone={menu.close} />
          <nav aria-label={t('nav.label')}>
            <ul className={classes.drawerNav}>{links(classes.drawerLink, menu.close)}</ul>
          </nav>
          <LanguageSwitch tone="light" />
          <Divider />
          <AccountLinks onNavigate={menu.close} />
        </Stack>
      </Drawer>
      <main id="main" ref={mainRef} tabIndex={-1} className={classes.main}>
        <Container>
          <Outlet />
        </Container>
      </main>
      <footer className={classes.footer}>
        <Container className={classes.footerInner}>
          <Text size="sm" className={classes.footerText}>
            {t('footer.about')} {t('footer.languages')}
          </Text>
          <Anchor href="/api/docs" size="sm">
            {t('footer.api')}
          </Anchor>
        </Container>
      </footer>
      <ScrollRestoration />
    </>
  );
}
