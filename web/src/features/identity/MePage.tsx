import { Alert, Badge, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTokens, useUsers } from '../../api/queries.ts';
import { Facts } from '../../components/Facts.tsx';
import { PageHeader, Section } from '../../components/PageHeader.tsx';
import { Pager } from '../../components/Pager.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import sectionClasses from '../../components/Section.module.css';
import { TableFrame, tableClasses } from '../../components/TableFrame.tsx';
import { useLocale } from '../../lib/useLocale.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { RoleBadges, UserStateBadge } from './IdentityBadges.tsx';
import classes from './identity.module.css';
import { SignedIn, type SignedInMe } from './SignedIn.tsx';
import { CreateToken, TokenTable } from './Tokens.tsx';

const MEMBERS_PAGE = 20;

/** `/me`: the signed-in user, their roles, their organization's members and their API tokens. */
export function MePage() {
  return <SignedIn>{(me) => <MeView me={me} />}</SignedIn>;
}

function MeView({ me }: { me: SignedInMe }) {
  const { t } = useTranslation();
  const locale = useLocale();
  usePageTitle(t('me.title'));
  const { user, organization, effectiveRoles } = me;
  const lapsed = user.roles.filter((role) => !effectiveRoles.includes(role));

  return (
    <>
      <PageHeader
        eyebrow={t('me.title')}
        title={locale.text(organization.name)}
        lead={t('me.signedInAs', { name: user.displayName, username: user.username })}
      />

      <Section id="account" title={t('me.account')}>
        <div className={sectionClasses.card}>
          <Facts
            label={t('me.account')}
            items={[
              { label: t('me.name'), value: user.displayName },
              { label: t('me.username'), value: <span className={tableClasses.code}>{user.username}</span> },
              {
                label: t('me.roles'),
                value: <RoleBadges roles={effectiveRoles} empty={t('me.noRoles')} />,
              },
              { label: t('me.organization'), value: locale.text(organization.name) },
              { label: t('me.kind'), value: t(`orgKind.${organization.kind}`) },
              { label: t('me.since'), value: locale.dateTime(user.createdAt) },
            ]}
          />
          {lapsed.length > 0 && (
            <Alert color="ochre.8" variant="light" mt="md" title={t('me.lapsedTitle')}>
              {t('me.lapsed', { roles: lapsed.map((role) => t(`role.${role}`)).join(', ') })}
            </Alert>
          )}
        </div>
      </Section>

      <Section id="members" title={t('me.members')}>
        <Members organizationId={organization.id} selfId={user.id} />
      </Section>

      <Section id="tokens" title={t('tokens.title')}>
        <Text className={classes.sectionIntro}>{t('tokens.intro')}</Text>
        <div className={sectionClasses.card}>
          <CreateToken key={effectiveRoles.join()} roles={effectiveRoles} />
        </div>
        <MyTokens />
      </Section>
    </>
  );
}

/** The members of the organization the caller may read, a page at a time. */
function Members({ organizationId, selfId }: { organizationId: string; selfId: string }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const users = useUsers({ organizationId, limit: MEMBERS_PAGE, offset: (page - 1) * MEMBERS_PAGE });
  return (
    <QueryState query={users}>
      {(result) => (
        <>
          <Text size="sm" c="gray.7" mb="sm" role="status">
            {t('me.membersCount', { count: result.total })}
          </Text>
          <TableFrame label={t('me.members')} minWidth={560}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('people.name')}</Table.Th>
                <Table.Th scope="col">{t('people.username')}</Table.Th>
                <Table.Th scope="col">{t('people.roles')}</Table.Th>
                <Table.Th scope="col">{t('people.state')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {result.items.map((member) => (
                <Table.Tr key={member.id}>
                  <Table.Th scope="row" fw={550}>
                    {member.displayName}
                    {member.id === selfId && (
                      <Badge variant="outline" color="gray.7" size="xs" ml="xs">
                        {t('me.you')}
                      </Badge>
                    )}
                  </Table.Th>
                  <Table.Td className={tableClasses.code}>{member.username}</Table.Td>
                  <Table.Td>
                    <RoleBadges roles={member.roles} />
                  </Table.Td>
                  <Table.Td className={tableClasses.tight}>
                    <UserStateBadge disabled={member.disabled} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </TableFrame>
          <Pager total={result.total} pageSize={MEMBERS_PAGE} page={page} onChange={setPage} />
        </>
      )}
    </QueryState>
  );
}

function MyTokens() {
  const { t } = useTranslation();
  const tokens = useTokens();
  return (
    <>
      <h3 className={classes.subTitle}>{t('tokens.yours')}</h3>
      <QueryState query={tokens}>{(result) => <TokenTable tokens={result.items} />}</QueryState>
    </>
  );
}
