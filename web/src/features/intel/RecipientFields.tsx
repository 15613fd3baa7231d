import { MultiSelect, Text } from '@mantine/core';
import { useAllUsers, useOrganizations } from '../../api/queries.ts';
import { recipientsOf } from './tlp.ts';
import type { Tlp } from './types.ts';
import { useIntelText } from './useIntelText.ts';

/**
 * Who else may read an object, as its level asks: organizations for AMBER and AMBER+STRICT (from
 * `/api/organizations`), users for RED (those the caller may list). Nothing for CLEAR and GREEN.
 */
export function RecipientFields({
  tlp,
  organizations,
  users,
  onOrganizations,
  onUsers,
  errors = {},
}: {
  tlp: Tlp;
  organizations: string[];
  users: string[];
  onOrganizations: (ids: string[]) => void;
  onUsers: (ids: string[]) => void;
  errors?: { recipientOrgs?: string | undefined; recipientUsers?: string | undefined };
}) {
  const { t, text } = useIntelText();
  const who = recipientsOf(tlp);
  const orgList = useOrganizations(who === 'organizations');
  const userList = useAllUsers(who === 'users');
  if (who === 'organizations') {
    if (orgList.isError) return <Text size="sm">{t('recipients.orgsUnavailable')}</Text>;
    return (
      <MultiSelect
        label={t('recipients.orgs')}
        description={t('recipients.orgsHelp')}
        data={(orgList.data?.items ?? []).map((o) => ({ value: o.id, label: text(o.name) }))}
        value={organizations}
        onChange={onOrganizations}
        searchable
        clearable
        clearButtonProps={{ 'aria-label': t('form.clear') }}
        nothingFoundMessage={t('recipients.none')}
        error={errors.recipientOrgs}
      />
    );
  }
  if (who === 'users') {
    if (userList.isError) return <Text size="sm">{t('recipients.usersUnavailable')}</Text>;
    return (
      <MultiSelect
        label={t('recipients.users')}
        description={t('recipients.usersHelp')}
        data={(userList.data ?? []).map((u) => ({ value: u.id, label: `${u.displayName} (${u.username})` }))}
        value={users}
        onChange={onUsers}
        searchable
        clearable
        clearButtonProps={{ 'aria-label': t('form.clear') }}
        nothingFoundMessage={t('recipients.none')}
        error={errors.recipientUsers}
      />
    );
  }
  return null;
}
