import { Alert, Select, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useOrganizations, useUsers } from '../../api/queries.ts';
import type { Organization, User } from '../../api/types.ts';
import { Pager } from '../../components/Pager.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { TableFrame, tableClasses } from '../../components/TableFrame.tsx';
import { useLocale } from '../../lib/useLocale.ts';
import { RoleBadges, UserStateBadge } from '../identity/IdentityBadges.tsx';
import classes from './admin.module.css';
import { organizationOptions } from './organizationOptions.ts';
import { AddUserButton, ChangeRolesButton, DisableUserButton } from './UserDialogs.tsx';
import { useTabParams } from './useTabParams.ts';

const PAGE_SIZE = 20;

/** Users, a page at a time, filtered by organization; add, change roles, disable. */
export function UsersTab({ selfId }: { selfId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [params] = useSearchParams();
  const update = useTabParams();
  const organizationId = params.get('org') || undefined;
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const organizations = useOrganizations();
  const users = useUsers({ organizationId, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const [added, setAdded] = useState<User | null>(null);
  const byId = new Map((organizations.data?.items ?? []).map((o) => [o.id, o]));

  return (
    <>
      <div className={classes.toolbar}>
        <div className={classes.filters}>
          <Select
            className={classes.filterWide}
            label={t('admin.users.filter')}
            placeholder={t('admin.users.allOrganizations')}
            data={organizationOptions(organizations.data?.items ?? [], t, locale)}
            value={organizationId ?? null}
            searchable
            clearable
            onChange={(value) => update({ org: value ?? undefined })}
          />
        </div>
        <AddUserButton organizations={organizations.data?.items ?? []} onAdded={setAdded} />
      </div>
      {added && (
        <Alert
          color="pine.8"
          variant="light"
          mb="md"
          role="status"
          withCloseButton
          closeButtonLabel={t('form.close')}
          onClose={() => setAdded(null)}
        >
          {t('admin.users.added', { username: added.username })}
        </Alert>
      )}
      <QueryState query={users}>
        {(result) => (
          <div className={classes.results} aria-busy={users.isPlaceholderData}>
            <Text className={classes.count} role="status">
              {t('admin.users.count', { count: result.total })}
            </Text>
            {result.items.length === 0 ? (
              <Text c="gray.7">{t('admin.users.empty')}</Text>
            ) : (
              <UserTable users={result.items} organizations={byId} selfId={selfId} />
            )}
            <Pager
              total={result.total}
              pageSize={PAGE_SIZE}
              page={page}
              onChange={(next) => update({ page: next > 1 ? String(next) : undefined }, true)}
            />
          </div>
        )}
      </QueryState>
    </>
  );
}

function UserTable({
  users,
  organizations,
  selfId,
}: {
  users: User[];
  organizations: Map<string, Organization>;
  selfId: string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <TableFrame label={t('admin.tab.users')} minWidth={900}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('people.name')}</Table.Th>
          <Table.Th scope="col">{t('people.username')}</Table.Th>
          <Table.Th scope="col">{t('people.organization')}</Table.Th>
          <Table.Th scope="col">{t('people.roles')}</Table.Th>
          <Table.Th scope="col">{t('people.state')}</Table.Th>
          <Table.Th scope="col">
            <VisuallyHidden>{t('people.actions')}</VisuallyHidden>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {users.map((user) => {
          const organization = organizations.get(user.organizationId);
          const canSetRoles = user.abilities['set-roles'] === true && !user.disabled;
          const canDisable = user.abilities.disable === true && !user.disabled && user.id !== selfId;
          return (
            <Table.Tr key={user.id}>
              <Table.Th scope="row" fw={550}>
                {user.displayName}
              </Table.Th>
              <Table.Td className={tableClasses.code}>{user.username}</Table.Td>
              <Table.Td>{organization ? locale.text(organization.name) : user.organizationId}</Table.Td>
              <Table.Td>
                <RoleBadges roles={user.roles} />
              </Table.Td>
              <Table.Td className={tableClasses.tight}>
                <UserStateBadge disabled={user.disabled} />
              </Table.Td>
              <Table.Td className={tableClasses.tight}>
                <div className={classes.actions}>
                  {canSetRoles && <ChangeRolesButton user={user} organization={organization} />}
                  {canDisable && <DisableUserButton user={user} />}
                </div>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </TableFrame>
  );
}
