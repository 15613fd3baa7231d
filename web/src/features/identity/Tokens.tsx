import {
  Alert,
  Button,
  Checkbox,
  CopyButton,
  Group,
  NumberInput,
  Stack,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateToken, useRevokeToken } from '../../api/queries.ts';
import type { NewToken, Role, Token } from '../../api/types.ts';
import { TableFrame, tableClasses } from '../../components/TableFrame.tsx';
import { useLocale } from '../../lib/useLocale.ts';
import { ConfirmAction } from './ConfirmAction.tsx';
import { fieldError, formError } from './formErrors.ts';
import { RoleBadges, TokenStateBadge, tokenState } from './IdentityBadges.tsx';
import classes from './identity.module.css';

/** Revokes one token, after confirmation; each row has its own request state. */
function RevokeTokenButton({ token }: { token: Token }) {
  const { t } = useTranslation();
  const revoke = useRevokeToken();
  return (
    <ConfirmAction
      label={t('tokens.revoke')}
      ariaLabel={t('tokens.revokeLabel', { name: token.name })}
      title={t('tokens.revokeTitle', { name: token.name })}
      text={t('tokens.revokeText')}
      confirm={t('tokens.revoke')}
      onConfirm={() => revoke.mutateAsync(token.id)}
      pending={revoke.isPending}
      error={revoke.error}
    />
  );
}

/** API tokens as a table: whose (for administrators), name, roles, dates, state, revoke. */
export function TokenTable({ tokens, showUser = false }: { tokens: Token[]; showUser?: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (tokens.length === 0) return <Text c="gray.7">{t('tokens.empty')}</Text>;
  return (
    <TableFrame label={t('tokens.title')} minWidth={showUser ? 960 : 840}>
      <Table.Thead>
        <Table.Tr>
          {showUser && <Table.Th scope="col">{t('tokens.column.user')}</Table.Th>}
          <Table.Th scope="col">{t('tokens.column.name')}</Table.Th>
          <Table.Th scope="col">{t('tokens.column.roles')}</Table.Th>
          <Table.Th scope="col">{t('tokens.column.created')}</Table.Th>
          <Table.Th scope="col">{t('tokens.column.expires')}</Table.Th>
          <Table.Th scope="col">{t('tokens.column.lastUsed')}</Table.Th>
          <Table.Th scope="col">{t('tokens.column.state')}</Table.Th>
          <Table.Th scope="col">
            <VisuallyHidden>{t('people.actions')}</VisuallyHidden>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {tokens.map((token) => {
          const state = tokenState(token);
          return (
            <Table.Tr key={token.id}>
              {showUser && (
                <Table.Td className={tableClasses.code}>{token.username ?? token.userId}</Table.Td>
              )}
              <Table.Th scope="row" fw={550}>
                {token.name}
              </Table.Th>
              <Table.Td>
                <RoleBadges roles={token.roles} />
              </Table.Td>
              <Table.Td className={tableClasses.tight}>{locale.dateTime(token.createdAt)}</Table.Td>
              <Table.Td className={tableClasses.tight}>{locale.dateTime(token.expiresAt)}</Table.Td>
              <Table.Td className={tableClasses.tight}>
                {token.lastUsedAt ? (
                  locale.dateTime(token.lastUsedAt)
                ) : (
                  <span className={tableClasses.muted}>{t('tokens.never')}</span>
                )}
              </Table.Td>
              <Table.Td className={tableClasses.tight}>
                <TokenStateBadge state={state} />
                {token.revokedAt && (
                  <Text size="xs" c="gray.7">
                    {locale.dateTime(token.revokedAt)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td className={tableClasses.tight}>
                {state !== 'revoked' && <RevokeTokenButton token={token} />}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </TableFrame>
  );
}

/** The token just created, shown this once, with a copy button and the warning. */
function NewTokenNotice({ token, onDone }: { token: NewToken; onDone: () => void }) {
  const { t } = useTranslation();
  const field = useRef<HTMLInputElement>(null);
  // Move focus to the token so that keyboard and screen reader users meet it at once.
  useEffect(() => field.current?.focus(), []);
  return (
    <Alert color="ochre.8" variant="light" title={t('tokens.created', { name: token.name })}>
      <Stack gap="sm">
        <Text size="sm" fw={550}>
          {t('tokens.once')}
        </Text>
        <Group gap="sm" align="flex-end" wrap="wrap">
          <TextInput
            ref={field}
            className={classes.fieldWide}
            classNames={{ input: classes.token }}
            label={t('tokens.value')}
            value={token.token}
            readOnly
            onFocus={(event) => event.currentTarget.select()}
          />
          <CopyButton value={token.token}>
            {({ copied, copy }) => (
              <Button
                variant={copied ? 'light' : 'filled'}
                color={copied ? 'pine.8' : undefined}
                onClick={copy}
              >
                {copied ? t('tokens.copied') : t('tokens.copy')}
              </Button>
            )}
          </CopyButton>
        </Group>
        <Group>
          <Button variant="default" size="xs" onClick={onDone}>
            {t('tokens.dismiss')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

const FIELDS = ['name', 'roles', 'expiresInDays'] as const;

/** Creates a token with some of the caller's roles in effect; the token is then shown once. */
export function CreateToken({ roles }: { roles: readonly Role[] }) {
  const { t } = useTranslation();
  const create = useCreateToken();
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState<string[]>(() => [...roles]);
  const [days, setDays] = useState<number | string>(90);
  const [tried, setTried] = useState(false);

  if (roles.length === 0) {
    return (
      <Text c="gray.7" size="sm">
        {t('tokens.noRoles')}
      </Text>
    );
  }
  if (create.data) return <NewTokenNotice token={create.data} onDone={() => create.reset()} />;

  const expiresInDays = typeof days === 'number' ? days : Number.parseInt(days, 10);
  const local = {
    name: name.trim() ? undefined : t('form.required'),
    roles: chosen.length > 0 ? undefined : t('tokens.pickRole'),
    expiresInDays:
      Number.isInteger(expiresInDays) && expiresInDays >= 1 && expiresInDays <= 366
        ? undefined
        : t('tokens.expiresHelp'),
  };
  const errorOf = (field: keyof typeof local) =>
    (tried ? local[field] : undefined) ?? fieldError(create.error, field, t);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (Object.values(local).some(Boolean)) return;
    create.mutate(
      { name: name.trim(), roles: chosen, expiresInDays },
      {
        onSuccess: () => {
          setName('');
          setTried(false);
        },
      },
    );
  };
  const problem = formError(create.error, FIELDS, t);

  return (
    <form className={classes.form} onSubmit={submit} noValidate aria-label={t('tokens.create')}>
      {problem && (
        <Alert color="red.9" variant="light" role="alert">
          {problem}
        </Alert>
      )}
      <div className={classes.fieldRow}>
        <TextInput
          className={classes.fieldWide}
          label={t('tokens.name')}
          placeholder={t('tokens.namePlaceholder')}
          required
          maxLength={100}
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={errorOf('name')}
        />
        <NumberInput
          className={classes.fieldNarrow}
          label={t('tokens.expires')}
          min={1}
          max={366}
          allowDecimal={false}
          allowNegative={false}
          value={days}
          onChange={setDays}
          error={errorOf('expiresInDays')}
        />
      </div>
      <Checkbox.Group
        label={t('tokens.roles')}
        description={t('tokens.rolesHelp')}
        value={chosen}
        onChange={setChosen}
        error={errorOf('roles')}
      >
        <Group gap="lg" mt="xs">
          {roles.map((role) => (
            <Checkbox key={role} value={role} label={t(`role.${role}`)} />
          ))}
        </Group>
      </Checkbox.Group>
      <Group>
        <Button type="submit" loading={create.isPending}>
          {t('tokens.create')}
        </Button>
      </Group>
    </form>
  );
}
