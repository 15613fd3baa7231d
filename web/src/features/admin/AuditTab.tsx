import { Alert, Button, Select, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import {
  useAllUsers,
  useAudit,
  useAuditVerification,
  useOrganizations,
  useTokens,
} from '../../api/queries.ts';
import type { AuditEntry } from '../../api/types.ts';
import { SearchIcon } from '../../components/HeaderSearch.tsx';
import { Pager } from '../../components/Pager.tsx';
import { LoadError, QueryState } from '../../components/QueryState.tsx';
import { TableFrame, tableClasses } from '../../components/TableFrame.tsx';
import { useLocale } from '../../lib/useLocale.ts';
import classes from './admin.module.css';
import { useTabParams } from './useTabParams.ts';

const PAGE_SIZE = 25;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Names for the ids in the log: actors (`user:<id>`, `system:<name>`) and subjects (users,
 * tokens, organizations), from the lists an administrator reads anyway.
 */
function useAuditNames() {
  const { t } = useTranslation();
  const locale = useLocale();
  const users = useAllUsers();
  const organizations = useOrganizations();
  const tokens = useTokens();
  const userById = new Map((users.data ?? []).map((u) => [u.id, u]));
  const organizationById = new Map((organizations.data?.items ?? []).map((o) => [o.id, o]));
  const tokenById = new Map((tokens.data?.items ?? []).map((token) => [token.id, token]));

  const actor = (value: string): string => {
    if (value.startsWith('user:')) return userById.get(value.slice(5))?.username ?? value;
    if (value.startsWith('system:')) return t('admin.audit.system', { name: value.slice(7) });
    return value === 'anonymous' ? t('admin.audit.anonymous') : value;
  };
  const subject = (entry: AuditEntry): string | undefined => {
    if (entry.subjectType === 'user') return userById.get(entry.subjectId)?.username;
    if (entry.subjectType === 'organization') {
      const organization = organizationById.get(entry.subjectId);
      return organization ? locale.text(organization.name) : undefined;
    }
    if (entry.subjectType === 'token') return tokenById.get(entry.subjectId)?.name;
    return undefined;
  };
  const actorOptions = (users.data ?? [])
    .map((u) => ({ value: `user:${u.id}`, label: `${u.displayName} (${u.username})` }))
    .sort((a, b) => a.label.localeCompare(b.label, locale.language));
  return { actor, subject, actorOptions };
}

/** The audit log, newest first, filtered and paginated on the server; verification of the chain. */
export function AuditTab() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const update = useTabParams();
  const subject = params.get('subject') || undefined;
  const actor = params.get('actor') || undefined;
  const sinceParam = params.get('since') ?? '';
  const since = ISO_DATE.test(sinceParam) ? sinceParam : undefined;
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const audit = useAudit({ subject, actor, since, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const names = useAuditNames();

  const [subjectText, setSubjectText] = useState(subject ?? '');
  useEffect(() => setSubjectText(subject ?? ''), [subject]);
  const updateSubject = useDebouncedCallback(
    (value: string) => update({ subject: value.trim() || undefined }),
    300,
  );

  // The chosen actor stays selectable even when it is not a user (system jobs).
  const actorOptions =
    actor && !names.actorOptions.some((option) => option.value === actor)
      ? [{ value: actor, label: names.actor(actor) }, ...names.actorOptions]
      : names.actorOptions;

  return (
    <>
      <Text size="sm" c="gray.7" mb="md">
        {t('admin.audit.intro')}
      </Text>
      <div className={classes.toolbar}>
        <search className={classes.filters} aria-label={t('admin.audit.filters')}>
          <TextInput
            className={classes.filterWide}
            type="search"
            label={t('admin.audit.subject')}
            placeholder={t('admin.audit.subjectPlaceholder')}
            leftSection={<SearchIcon />}
            spellCheck={false}
            value={subjectText}
            onChange={(event) => {
              setSubjectText(event.currentTarget.value);
              updateSubject(event.currentTarget.value);
            }}
          />
          <Select
            className={classes.filterWide}
            label={t('admin.audit.actor')}
            placeholder={t('admin.audit.anyActor')}
            data={actorOptions}
            value={actor ?? null}
            searchable
            clearable
            onChange={(value) => update({ actor: value ?? undefined })}
          />
          <TextInput
            className={classes.filterNarrow}
            type="date"
            label={t('admin.audit.since')}
            value={since ?? ''}
            onChange={(event) => update({ since: event.currentTarget.value || undefined })}
          />
          <Button
            variant="subtle"
            disabled={!subject && !actor && !since}
            onClick={() => {
              setSubjectText('');
              update({ subject: undefined, actor: undefined, since: undefined });
            }}
          >
            {t('admin.audit.reset')}
          </Button>
        </search>
        <VerifyChainButton />
      </div>
      <Verification />
      <QueryState query={audit}>
        {(result) => (
          <div className={classes.results} aria-busy={audit.isPlaceholderData}>
            <Text className={classes.count} role="status">
              {t('admin.audit.count', { count: result.total })}
            </Text>
            {result.items.length === 0 ? (
              <Text c="gray.7">{t('admin.audit.empty')}</Text>
            ) : (
              <AuditTable entries={result.items} names={names} onFilter={(changes) => update(changes)} />
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

function VerifyChainButton() {
  const { t } = useTranslation();
  const verification = useAuditVerification();
  return (
    <Button variant="outline" loading={verification.isFetching} onClick={() => void verification.refetch()}>
      {t('admin.audit.verify')}
    </Button>
  );
}

/** The outcome of the last verification: intact with its length, or the first broken entry. */
function Verification() {
  const { t } = useTranslation();
  const locale = useLocale();
  const verification = useAuditVerification();
  if (verification.isError) return <LoadError onRetry={() => void verification.refetch()} />;
  const result = verification.data;
  if (!result) return null;
  return (
    <div className={classes.verify} role="status">
      {result.ok ? (
        <Alert color="pine.8" variant="light" title={t('admin.audit.intact', { count: result.entries })} />
      ) : (
        <Alert
          color="red.9"
          variant="light"
          title={t('admin.audit.broken', {
            seq: locale.number(result.seq ?? result.entries + 1),
            problem: result.problem ?? '',
          })}
        />
      )}
    </div>
  );
}

function AuditTable({
  entries,
  names,
  onFilter,
}: {
  entries: AuditEntry[];
  names: ReturnType<typeof useAuditNames>;
  onFilter: (changes: Record<string, string | undefined>) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <TableFrame label={t('admin.tab.audit')} minWidth={960}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('admin.audit.column.seq')}</Table.Th>
          <Table.Th scope="col">{t('admin.audit.column.at')}</Table.Th>
          <Table.Th scope="col">{t('admin.audit.column.actor')}</Table.Th>
          <Table.Th scope="col">{t('admin.audit.column.action')}</Table.Th>
          <Table.Th scope="col">{t('admin.audit.column.subject')}</Table.Th>
          <Table.Th scope="col">{t('admin.audit.column.hash')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {entries.map((entry) => {
          const actor = names.actor(entry.actor);
          const subject = names.subject(entry) ?? entry.subjectId;
          return (
            <Table.Tr key={entry.seq}>
              <Table.Td className={tableClasses.tight}>{locale.number(entry.seq)}</Table.Td>
              <Table.Td className={tableClasses.tight}>{locale.dateTime(entry.at)}</Table.Td>
              <Table.Td className={tableClasses.tight}>
                <button
                  type="button"
                  className={classes.filterLink}
                  aria-label={t('admin.audit.byActor', { actor })}
                  onClick={() => onFilter({ actor: entry.actor })}
                >
                  {actor}
                </button>
              </Table.Td>
              <Table.Td className={tableClasses.tight}>
                {t(`auditAction.${entry.action}`, { defaultValue: entry.action })}
              </Table.Td>
              <Table.Td>
                <span className={classes.subjectType}>
                  {t(`admin.audit.subjectType.${entry.subjectType}`, { defaultValue: entry.subjectType })}
                </span>{' '}
                <button
                  type="button"
                  className={classes.filterLink}
                  aria-label={t('admin.audit.bySubject', { subject })}
                  onClick={() => onFilter({ subject: entry.subjectId })}
                >
                  {subject}
                </button>
              </Table.Td>
              <Table.Td className={tableClasses.code} title={entry.hash}>
                {entry.hash.slice(0, 12)}…
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </TableFrame>
  );
}
