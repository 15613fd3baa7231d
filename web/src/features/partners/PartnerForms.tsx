import { NativeSelect, PasswordInput, Textarea, TextInput } from '@mantine/core';
import { type ChangeEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import {
  useAddAgreement,
  useAddContact,
  useAddEndpoint,
  useCreatePartner,
  useUpdatePartner,
} from './queries.ts';
import { fieldProblem, RecordDialog } from './RecordDialog.tsx';
import { AUTH_KINDS, DIRECTIONS, PARTNER_KINDS, type PartnerView, PULL_TLPS } from './types.ts';
import { usePartnersText } from './usePartnersText.ts';

/**
 * The forms of the partner pages: a partner's entry (added or changed by administrators), an
 * agreement, a functional contact and a TAXII endpoint. The server checks every rule and names
 * the field; the forms only carry the values.
 */

type Values = Record<string, string>;

/** Form values kept as text, with the input props of each field. */
function useValues<V extends Values>(initial: V) {
  const [values, setValues] = useState(initial);
  const bind = (key: keyof V & string) => ({
    value: values[key] ?? '',
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) => {
      // Read now: the event's target is gone by the time React runs the updater.
      const value = event.currentTarget.value;
      setValues((current) => ({ ...current, [key]: value }));
    },
  });
  return { values, bind, reset: () => setValues(initial) };
}

const orNull = (value: string) => (value.trim() ? value.trim() : null);

export function AgreementDialog({ partnerId }: { partnerId: string }) {
  const { t } = usePartnersText();
  const add = useAddAgreement(partnerId);
  const form = useValues({ title: '', signedOn: '', scope: '', validUntil: '', documentUrl: '' });
  const problem = (field: string) => fieldProblem(add.error, field);
  return (
    <RecordDialog
      label={t('form.agreement.add')}
      title={t('form.agreement.add')}
      pending={add.isPending}
      error={add.error}
      fields={['title', 'signedOn', 'scope', 'validUntil', 'documentUrl']}
      onClose={() => {
        form.reset();
        add.reset();
      }}
      onSubmit={(done) =>
        add.mutate(
          {
            title: form.values.title,
            signedOn: form.values.signedOn.trim(),
            scope: form.values.scope,
            validUntil: orNull(form.values.validUntil),
            documentUrl: orNull(form.values.documentUrl),
          },
          { onSuccess: done },
        )
      }
    >
      <TextInput
        label={t('form.agreement.title')}
        required
        {...form.bind('title')}
        error={problem('title')}
      />
      <TextInput
        label={t('form.agreement.signedOn')}
        description={t('form.agreement.signedOnHelp')}
        placeholder="2025-06-15"
        required
        {...form.bind('signedOn')}
        error={problem('signedOn')}
      />
      <Textarea
        label={t('form.agreement.scope')}
        required
        autosize
        minRows={2}
        {...form.bind('scope')}
        error={problem('scope')}
      />
      <TextInput
        label={t('form.agreement.validUntil')}
        description={t('form.agreement.validUntilHelp')}
        {...form.bind('validUntil')}
        error={problem('validUntil')}
      />
      <TextInput
        label={t('form.agreement.documentUrl')}
        type="url"
        {...form.bind('documentUrl')}
        error={problem('documentUrl')}
      />
    </RecordDialog>
  );
}

export function ContactDialog({ partnerId }: { partnerId: string }) {
  const { t } = usePartnersText();
  const add = useAddContact(partnerId);
  const form = useValues({ office: '', email: '', phone: '' });
  const problem = (field: string) => fieldProblem(add.error, field);
  return (
    <RecordDialog
      label={t('form.contact.add')}
      title={t('form.contact.add')}
      pending={add.isPending}
      error={add.error}
      fields={['office', 'email', 'phone']}
      onClose={() => {
        form.reset();
        add.reset();
      }}
      onSubmit={(done) =>
        add.mutate(
          { office: form.values.office, email: orNull(form.values.email), phone: orNull(form.values.phone) },
          { onSuccess: done },
        )
      }
    >
      <TextInput
        label={t('form.contact.office')}
        description={t('form.contact.officeHelp')}
        required
        {...form.bind('office')}
        error={problem('office')}
      />
      <TextInput
        label={t('form.contact.email')}
        type="email"
        {...form.bind('email')}
        error={problem('email')}
      />
      <TextInput
        label={t('form.contact.phone')}
        type="tel"
        {...form.bind('phone')}
        error={problem('phone')}
      />
    </RecordDialog>
  );
}

export function EndpointDialog({ partnerId }: { partnerId: string }) {
  const { t } = usePartnersText();
  const add = useAddEndpoint(partnerId);
  const form = useValues({
    apiRoot: '',
    collectionId: '',
    direction: 'pull',
    auth: 'none',
    username: '',
    secret: '',
    tlp: 'green',
    every: '',
  });
  const problem = (field: string) => fieldProblem(add.error, field);
  const { auth } = form.values;
  return (
    <RecordDialog
      label={t('form.endpoint.add')}
      title={t('form.endpoint.add')}
      pending={add.isPending}
      error={add.error}
      fields={[
        'apiRoot',
        'collectionId',
        'direction',
        'auth',
        'username',
        'secret',
        'tlp',
        'pullEveryMinutes',
      ]}
      onClose={() => {
        form.reset();
        add.reset();
      }}
      onSubmit={(done) => {
        const every = form.values.every.trim();
        add.mutate(
          {
            apiRoot: form.values.apiRoot,
            collectionId: form.values.collectionId,
            direction: form.values.direction,
            auth,
            username: auth === 'basic' ? orNull(form.values.username) : null,
            ...(auth !== 'none' && form.values.secret ? { secret: form.values.secret } : {}),
            tlp: form.values.tlp,
            pullEveryMinutes: every ? Number(every) : null,
          },
          { onSuccess: done },
        );
      }}
    >
      <TextInput
        label={t('form.endpoint.apiRoot')}
        type="url"
        placeholder="https://taxii.example.org/api1/"
        required
        {...form.bind('apiRoot')}
        error={problem('apiRoot')}
      />
      <TextInput
        label={t('form.endpoint.collection')}
        required
        {...form.bind('collectionId')}
        error={problem('collectionId')}
      />
      <NativeSelect
        label={t('form.endpoint.direction')}
        data={DIRECTIONS.map((d) => ({ value: d, label: t(`direction.${d}`) }))}
        {...form.bind('direction')}
        error={problem('direction')}
      />
      <NativeSelect
        label={t('form.endpoint.auth')}
        data={AUTH_KINDS.map((a) => ({ value: a, label: t(`auth.${a}`) }))}
        {...form.bind('auth')}
        error={problem('auth')}
      />
      {auth === 'basic' && (
        <TextInput
          label={t('form.endpoint.username')}
          required
          autoComplete="off"
          {...form.bind('username')}
          error={problem('username')}
        />
      )}
      {auth !== 'none' && (
        <PasswordInput
          label={t('form.endpoint.secret')}
          description={t('form.endpoint.secretHelp')}
          required
          autoComplete="new-password"
          {...form.bind('secret')}
          error={problem('secret')}
        />
      )}
      <NativeSelect
        label={t('form.endpoint.tlp')}
        data={PULL_TLPS.map((level) => ({ value: level, label: `TLP:${level.toUpperCase()}` }))}
        {...form.bind('tlp')}
        error={problem('tlp')}
      />
      <TextInput
        label={t('form.endpoint.every')}
        description={t('form.endpoint.everyHelp')}
        inputMode="numeric"
        {...form.bind('every')}
        error={problem('pullEveryMinutes')}
      />
    </RecordDialog>
  );
}

const PARTNER_FIELDS = [
  'id',
  'name.en',
  'name.ru',
  'name.zh',
  'kind',
  'seat',
  'website',
  'status',
  'description.en',
];

/** The entry's fields, for adding a partner (`partner` absent) or changing one. */
export function PartnerDialog({ partner }: { partner?: PartnerView }) {
  const { t } = usePartnersText();
  const navigate = useNavigate();
  const create = useCreatePartner();
  const update = useUpdatePartner(partner?.id ?? '');
  const mutation = partner ? update : create;
  const form = useValues({
    id: partner?.id ?? '',
    en: partner?.name.en ?? '',
    ru: partner?.name.ru ?? '',
    zh: partner?.name.zh ?? '',
    kind: partner?.kind ?? 'regional-center',
    seat: partner?.seat ?? '',
    website: partner?.website ?? '',
    status: partner?.status ?? 'active',
    description: partner?.description.en ?? '',
  });
  const problem = (field: string) => fieldProblem(mutation.error, field);
  const title = partner ? t('form.partner.edit') : t('form.partner.add');
  const v = form.values;
  return (
    <RecordDialog
      label={title}
      title={title}
      variant={partner ? 'outline' : 'filled'}
      pending={mutation.isPending}
      error={mutation.error}
      fields={PARTNER_FIELDS}
      onClose={() => {
        if (!partner) form.reset();
        mutation.reset();
      }}
      onSubmit={(done) => {
        const input = {
          name: {
            en: v.en.trim(),
            ...(v.ru.trim() ? { ru: v.ru.trim() } : {}),
            ...(v.zh.trim() ? { zh: v.zh.trim() } : {}),
          },
          kind: v.kind,
          seat: orNull(v.seat),
          website: orNull(v.website),
          description: { ...partner?.description, en: v.description.trim() },
          ...(partner ? { status: v.status } : {}),
        };
        if (partner) update.mutate(input, { onSuccess: done });
        else
          create.mutate(
            { id: v.id.trim(), ...input },
            {
              onSuccess: (created) => {
                done();
                navigate(`/partners/${encodeURIComponent(created.id)}`);
              },
            },
          );
      }}
    >
      {!partner && (
        <TextInput
          label={t('form.partner.id')}
          description={t('form.partner.idHelp')}
          required
          {...form.bind('id')}
          error={problem('id')}
        />
      )}
      <TextInput label={t('form.partner.nameEn')} required {...form.bind('en')} error={problem('name.en')} />
      <TextInput label={t('form.partner.nameRu')} {...form.bind('ru')} error={problem('name.ru')} />
      <TextInput label={t('form.partner.nameZh')} {...form.bind('zh')} error={problem('name.zh')} />
      <NativeSelect
        label={t('form.partner.kind')}
        data={PARTNER_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
        {...form.bind('kind')}
        error={problem('kind')}
      />
      <TextInput label={t('form.partner.seat')} {...form.bind('seat')} error={problem('seat')} />
      <TextInput
        label={t('form.partner.website')}
        type="url"
        {...form.bind('website')}
        error={problem('website')}
      />
      {partner && (
        <NativeSelect
          label={t('form.partner.status')}
          data={(['active', 'suspended'] as const).map((s) => ({ value: s, label: t(`status.${s}`) }))}
          {...form.bind('status')}
          error={problem('status')}
        />
      )}
      <Textarea
        label={t('form.partner.descriptionEn')}
        autosize
        minRows={2}
        {...form.bind('description')}
        error={problem('description.en')}
      />
    </RecordDialog>
  );
}
