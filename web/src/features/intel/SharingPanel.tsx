import { Alert, Button, Text } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import classes from './intel.module.css';
import { fieldMessage } from './objectForm.model.ts';
import { useShareObject } from './queries.ts';
import { RecipientFields } from './RecipientFields.tsx';
import { TlpField } from './TlpField.tsx';
import { recipientsOf, tlpName } from './tlp.ts';
import type { ObjectView, Tlp } from './types.ts';
import { useIntelText } from './useIntelText.ts';

/**
 * Who may read an object, changed by its creating organization (`abilities.share`): the TLP level
 * and the named organizations or users. The server writes a new version with the new marking.
 */
export function SharingPanel({ view }: { view: ObjectView }) {
  const { t, orgName } = useIntelText();
  const share = useShareObject(view.object.id);
  const [tlp, setTlp] = useState<Tlp>(view.tlp);
  const [orgs, setOrgs] = useState(view.recipientOrgs);
  const [users, setUsers] = useState(view.recipientUsers);
  const field = share.error instanceof ApiError ? share.error.field : undefined;
  const problem =
    share.error instanceof ApiError
      ? fieldMessage(share.error.message, share.error.field)
      : (share.error?.message ?? null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const who = recipientsOf(tlp);
    share.mutate({
      tlp: tlpName(tlp),
      ...(who === 'organizations' ? { recipientOrgs: orgs } : {}),
      ...(who === 'users' ? { recipientUsers: users } : {}),
    });
  };

  return (
    <form className={classes.panel} onSubmit={submit} noValidate aria-labelledby="sharing-form-title">
      <h3 id="sharing-form-title" className={classes.panelTitle}>
        {t('sharing.title')}
      </h3>
      <Text size="sm" c="gray.7">
        {view.recipientOrgs.length
          ? t('sharing.currentOrgs', { orgs: view.recipientOrgs.map(orgName).join(', ') })
          : t('sharing.currentNone')}
      </Text>
      <TlpField value={tlp} onChange={setTlp} error={field === 'tlp' ? (problem ?? undefined) : undefined} />
      <RecipientFields
        tlp={tlp}
        organizations={orgs}
        users={users}
        onOrganizations={setOrgs}
        onUsers={setUsers}
        errors={{
          recipientOrgs: field === 'recipientOrgs' ? (problem ?? undefined) : undefined,
          recipientUsers: field === 'recipientUsers' ? (problem ?? undefined) : undefined,
        }}
      />
      {problem && !field && (
        <Alert color="red.9" variant="light" role="alert">
          {t('form.refused', { message: problem })}
        </Alert>
      )}
      {share.isSuccess && (
        <Text size="sm" role="status" c="pine.8">
          {t('sharing.done', { tlp: tlpName(share.data.tlp) })}
        </Text>
      )}
      <div>
        <Button type="submit" variant="outline" loading={share.isPending}>
          {t('sharing.submit')}
        </Button>
      </div>
    </form>
  );
}
