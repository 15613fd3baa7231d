import { Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { SignedIn } from '../identity/SignedIn.tsx';
import { AuditTab } from './AuditTab.tsx';
import classes from './admin.module.css';
import { OrganizationsTab } from './OrganizationsTab.tsx';
import { TokensTab } from './TokensTab.tsx';
import { UsersTab } from './UsersTab.tsx';

const TABS = ['users', 'organizations', 'tokens', 'audit'] as const;
type Tab = (typeof TABS)[number];

const isTab = (value: string | null): value is Tab => (TABS as readonly string[]).includes(value ?? '');

/**
 * `/admin`: users, organizations, tokens and the audit log, for administrators only (anyone else
 * gets the not-found page). The open tab and its filters live in the query string, so a view can
 * be bookmarked and the back button works; switching tabs keeps the keyboard focus on the tabs.
 */
export function AdminPage() {
  return <SignedIn admin>{(me) => <AdminView selfId={me.user.id} />}</SignedIn>;
}

function AdminView({ selfId }: { selfId: string }) {
  const { t } = useTranslation();
  usePageTitle(t('admin.title'));
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab');
  const tab: Tab = isTab(requested) ? requested : 'users';

  return (
    <>
      <PageHeader title={t('admin.title')} lead={t('admin.intro')} />
      <Tabs
        className={classes.tabs}
        value={tab}
        onChange={(next) => {
          if (isTab(next)) setParams(next === 'users' ? {} : { tab: next }, { preventScrollReset: true });
        }}
      >
        <Tabs.List aria-label={t('admin.sections')}>
          {TABS.map((value) => (
            <Tabs.Tab key={value} value={value}>
              {t(`admin.tab.${value}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="users" className={classes.panel}>
          {tab === 'users' && <UsersTab selfId={selfId} />}
        </Tabs.Panel>
        <Tabs.Panel value="organizations" className={classes.panel}>
          {tab === 'organizations' && <OrganizationsTab />}
        </Tabs.Panel>
        <Tabs.Panel value="tokens" className={classes.panel}>
          {tab === 'tokens' && <TokensTab />}
        </Tabs.Panel>
        <Tabs.Panel value="audit" className={classes.panel}>
          {tab === 'audit' && <AuditTab />}
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
