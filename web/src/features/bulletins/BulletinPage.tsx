import { Alert, Button, Checkbox, Stack, Table, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { Facts } from '../../components/Facts.tsx';
import { PageHeader, Section } from '../../components/PageHeader.tsx';
import { Loading, QueryState } from '../../components/QueryState.tsx';
import { TableFrame } from '../../components/TableFrame.tsx';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { TlpBadge } from '../intel/IntelBadges.tsx';
import classes from './bulletins.module.css';
import { filePath, useBulletin, usePublish, useRecipientChoices, useSend } from './queries.ts';
import type { Bulletin } from './types.ts';
import { useBulletinText } from './useBulletinText.ts';

/**
 * `/bulletins/:id`: one bulletin, its marking and who may read it, its PDF and HTML; for its
 * organization's analysts, sending (the picker shows which organizations may not receive it and
 * which part they may not read) and publishing a TLP:CLEAR bulletin. Signed out, the public
 * portal's published bulletins.
 */
export function BulletinPage() {
  const { id = '' } = useParams();
  const { me, signedIn } = useBulletinText();
  if (me.isPending) return <Loading />;
  return <BulletinView id={id} signedIn={signedIn} />;
}

function BulletinView({ id, signedIn }: { id: string; signedIn: boolean }) {
  const bulletin = useBulletin(id, signedIn);
  return <QueryState query={bulletin}>{(b) => <Loaded bulletin={b} signedIn={signedIn} />}</QueryState>;
}

function Loaded({ bulletin: b, signedIn }: { bulletin: Bulletin; signedIn: boolean }) {
  const { t, period, date, orgName } = useBulletinText();
  usePageTitle(b.title);
  return (
    <>
      <PageHeader title={b.title} crumbs={[{ to: '/bulletins', label: t('list.title') }]}>
        <TlpBadge tlp={b.tlp} size="lg" />
      </PageHeader>
      <div className={classes.actions}>
        <Button component="a" href={filePath(b.id, 'pdf', signedIn)} download>
          {t('bulletin.pdf')}
        </Button>
        <Button
          component="a"
          variant="outline"
          href={filePath(b.id, 'html', signedIn)}
          target="_blank"
          rel="noopener"
        >
          {t('bulletin.html')}
        </Button>
      </div>
      <Facts
        items={[
          {
            label: t('bulletin.marking'),
            value: (
              <>
                <TlpBadge tlp={b.tlp} /> · {t('bulletin.parts', { count: b.parts.length })}
              </>
            ),
          },
          { label: t('bulletin.period'), value: period(b.from, b.to) },
          { label: t('bulletin.states'), value: b.states.join(', ') },
          {
            label: t('bulletin.sections'),
            value: b.sections.map((s) => t(`builder.section.${s}`)).join(', '),
          },
          {
            label: t('bulletin.built'),
            value: `${date(b.createdAt.slice(0, 10))} · ${orgName(b.authorOrg)}`,
          },
          ...(b.markingOrganizations
            ? [{ label: t('bulletin.allowedOrgs'), value: b.markingOrganizations.map(orgName).join(', ') }]
            : []),
          ...(b.markingUsers
            ? [{ label: t('bulletin.allowedUsers'), value: b.markingUsers.join(', ') }]
            : []),
          ...(b.published && b.publishedAt
            ? [{ label: t('bulletin.published'), value: date(b.publishedAt.slice(0, 10)) }]
            : []),
        ]}
      />
      {b.abilities.send && <SendSection bulletin={b} />}
      {b.abilities.send && <PublishSection bulletin={b} />}
    </>
  );
}

function SendSection({ bulletin: b }: { bulletin: Bulletin }) {
  const { t, text, orgName, dateTime } = useBulletinText();
  const choices = useRecipientChoices(b.id, true);
  const send = useSend(b.id);
  const [orgs, setOrgs] = useState<string[]>([]);
  const [users, setUsers] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    send.mutate(
      {
        organizations: orgs,
        users: users
          .split(',')
          .map((u) => u.trim())
          .filter(Boolean),
      },
      { onSuccess: () => setOrgs([]) },
    );
  };
  return (
    <Section id="send" title={t('send.title')}>
      <form className={classes.panel} onSubmit={submit} noValidate>
        <Text size="sm">{t('send.lead')}</Text>
        <QueryState query={choices}>
          {(data) => (
            <Checkbox.Group label={t('send.recipients')} value={orgs} onChange={setOrgs}>
              <Stack gap="xs" mt={4}>
                {data.items.map((c) => (
                  <Checkbox
                    key={c.id}
                    value={c.id}
                    label={text(c.name)}
                    disabled={!c.allowed}
                    description={
                      c.refusedPart ? (
                        <span className={classes.refused}>
                          {t('send.refused', {
                            kind: t(`kind.${c.refusedPart.kind}`),
                            // A STIX id names its type already, which the text says before it.
                            id: c.refusedPart.id.replace(/^[a-z0-9-]+--/, ''),
                            tlp: `TLP:${c.refusedPart.tlp.toUpperCase()}`,
                          })}
                        </span>
                      ) : undefined
                    }
                  />
                ))}
              </Stack>
            </Checkbox.Group>
          )}
        </QueryState>
        <TextInput label={t('send.users')} value={users} onChange={(e) => setUsers(e.currentTarget.value)} />
        {send.error && (
          <Alert color="red.9" variant="light" role="alert">
            {send.error instanceof ApiError ? send.error.message : String(send.error)}
          </Alert>
        )}
        {send.isSuccess && (
          <Text size="sm" role="status" c="pine.8">
            {t('send.done')}
          </Text>
        )}
        <div>
          <Button type="submit" loading={send.isPending}>
            {t('send.submit')}
          </Button>
        </div>
      </form>
      <h3>{t('send.deliveries')}</h3>
      {b.deliveries.length === 0 ? (
        <Text className={classes.empty}>{t('send.none')}</Text>
      ) : (
        <TableFrame label={t('send.deliveries')} minWidth={520}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('send.column.recipient')}</Table.Th>
              <Table.Th scope="col">{t('send.column.when')}</Table.Th>
              <Table.Th scope="col">{t('send.column.by')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {b.deliveries.map((d) => (
              <Table.Tr key={`${d.recipientKind}:${d.recipientId}:${d.deliveredAt}`}>
                <Table.Td>{d.recipientKind === 'org' ? orgName(d.recipientId) : d.recipientId}</Table.Td>
                <Table.Td>{dateTime(d.deliveredAt)}</Table.Td>
                <Table.Td>{d.deliveredBy}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </TableFrame>
      )}
    </Section>
  );
}

function PublishSection({ bulletin: b }: { bulletin: Bulletin }) {
  const { t } = useBulletinText();
  const publish = usePublish(b.id);
  if (b.published) return null;
  return (
    <Section id="publish" title={t('publish.title')}>
      <div className={classes.panel}>
        <Text size="sm">
          {b.tlp === 'clear'
            ? t('publish.lead')
            : t('publish.notClear', { tlp: `TLP:${b.tlp.toUpperCase()}` })}
        </Text>
        {publish.error && (
          <Alert color="red.9" variant="light" role="alert">
            {publish.error.message}
          </Alert>
        )}
        <div>
          <Button
            onClick={() => publish.mutate()}
            disabled={!b.abilities.publish}
            loading={publish.isPending}
          >
            {t('publish.submit')}
          </Button>
        </div>
      </div>
    </Section>
  );
}
