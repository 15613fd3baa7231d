import { Anchor, Button, Text } from '@mantine/core';
import { useState } from 'react';
import { useParams } from 'react-router';
import { Facts } from '../../components/Facts.tsx';
import { PageHeader, Section } from '../../components/PageHeader.tsx';
import { Pager } from '../../components/Pager.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { SignedIn } from '../identity/SignedIn.tsx';
import { TlpBadge } from '../intel/IntelBadges.tsx';
import { ObjectsTable } from '../intel/ObjectsTable.tsx';
import { TLP_LEVELS } from '../intel/types.ts';
import { AgreementDialog, ContactDialog, EndpointDialog, PartnerDialog } from './PartnerForms.tsx';
import { StatusBadge } from './PartnersPage.tsx';
import classes from './partners.module.css';
import { usePartner, usePartnerObjects, useRemoveRecord } from './queries.ts';
import type { PartnerView } from './types.ts';
import { usePartnersText } from './usePartnersText.ts';

/**
 * `/partners/:id`: one partner center: its entry, agreements, functional contacts, TAXII endpoints
 * with their last pull, and what is shared with it and what came from it, counted per TLP. Forms
 * appear for those the entry's `abilities` allow.
 */
export function PartnerPage() {
  const { id = '' } = useParams();
  return <SignedIn>{() => <PartnerContent id={id} />}</SignedIn>;
}

function PartnerContent({ id }: { id: string }) {
  const partner = usePartner(id);
  return <QueryState query={partner}>{(view) => <PartnerDetail partner={view} />}</QueryState>;
}

function PartnerDetail({ partner }: { partner: PartnerView }) {
  const { t, text } = usePartnersText();
  const name = text(partner.name);
  usePageTitle(name);
  const can = partner.abilities;
  const description = text({ en: '', ...partner.description });
  return (
    <>
      <PageHeader
        title={name}
        eyebrow={t(`kind.${partner.kind}`)}
        lead={description || undefined}
        crumbs={[{ to: '/partners', label: t('detail.crumb') }]}
      >
        <div className={classes.toolbar}>
          <StatusBadge status={partner.status} />
        </div>
      </PageHeader>
      <Facts
        items={[
          { label: t('detail.seat'), value: partner.seat ?? '—' },
          {
            label: t('detail.website'),
            value: partner.website ? <Anchor href={partner.website}>{partner.website}</Anchor> : '—',
          },
        ]}
      />
      {can.update && (
        <div className={classes.toolbar}>
          <PartnerDialog partner={partner} />
        </div>
      )}
      <Agreements partner={partner} />
      <Contacts partner={partner} />
      <Endpoints partner={partner} />
      <ObjectsView partnerId={partner.id} view="shared" />
      <ObjectsView partnerId={partner.id} view="received" />
    </>
  );
}

/** A remove button naming what it removes, for screen readers. */
function RemoveButton({
  partnerId,
  kind,
  id,
  name,
}: {
  partnerId: string;
  kind: 'agreements' | 'contacts' | 'endpoints';
  id: string;
  name: string;
}) {
  const { t } = usePartnersText();
  const remove = useRemoveRecord(partnerId);
  return (
    <Button
      variant="outline"
      color="red.9"
      size="xs"
      loading={remove.isPending}
      aria-label={t('detail.removeNamed', { name })}
      onClick={() => remove.mutate({ kind, id })}
    >
      {t('detail.remove')}
    </Button>
  );
}

function Agreements({ partner }: { partner: PartnerView }) {
  const { t, date } = usePartnersText();
  const editable = partner.abilities['edit-agreements'];
  return (
    <Section
      id="agreements"
      title={t('detail.agreements')}
      actions={editable && <AgreementDialog partnerId={partner.id} />}
    >
      {partner.agreements.length === 0 ? (
        <Text c="gray.7">{t('detail.noAgreements')}</Text>
      ) : (
        <ul className={classes.records} aria-label={t('detail.agreements')}>
          {partner.agreements.map((a) => (
            <li key={a.id} className={classes.record}>
              <div className={classes.recordBody}>
                <Text fw={600}>{a.title}</Text>
                <Text size="sm">
                  {t('detail.signedOn')}: <time dateTime={a.signedOn}>{date(a.signedOn)}</time> ·{' '}
                  {t('detail.validUntil')}:{' '}
                  {a.validUntil ? (
                    <time dateTime={a.validUntil}>{date(a.validUntil)}</time>
                  ) : (
                    t('detail.openEnded')
                  )}
                </Text>
                <Text size="sm" c="gray.8">
                  {a.scope}
                </Text>
                {a.documentUrl && (
                  <Anchor size="sm" href={a.documentUrl}>
                    {t('detail.document')}
                  </Anchor>
                )}
              </div>
              {editable && <RemoveButton partnerId={partner.id} kind="agreements" id={a.id} name={a.title} />}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

function Contacts({ partner }: { partner: PartnerView }) {
  const { t } = usePartnersText();
  const editable = partner.abilities['edit-contacts'];
  return (
    <Section
      id="contacts"
      title={t('detail.contacts')}
      actions={editable && <ContactDialog partnerId={partner.id} />}
    >
      {partner.contacts.length === 0 ? (
        <Text c="gray.7">{t('detail.noContacts')}</Text>
      ) : (
        <ul className={classes.records} aria-label={t('detail.contacts')}>
          {partner.contacts.map((c) => (
            <li key={c.id} className={classes.record}>
              <div className={classes.recordBody}>
                <Text fw={600}>{c.office}</Text>
                {c.email && (
                  <Anchor size="sm" href={`mailto:${c.email}`} mr="md">
                    {c.email}
                  </Anchor>
                )}
                {c.phone && (
                  <Anchor size="sm" href={`tel:${c.phone.replace(/[^+0-9]/g, '')}`}>
                    {c.phone}
                  </Anchor>
                )}
              </div>
              {editable && <RemoveButton partnerId={partner.id} kind="contacts" id={c.id} name={c.office} />}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

function Endpoints({ partner }: { partner: PartnerView }) {
  const { t, lastPull } = usePartnersText();
  const editable = partner.abilities['edit-endpoints'];
  return (
    <Section
      id="endpoints"
      title={t('detail.endpoints')}
      actions={editable && <EndpointDialog partnerId={partner.id} />}
    >
      {partner.endpoints.length === 0 ? (
        <Text c="gray.7">{t('detail.noEndpoints')}</Text>
      ) : (
        <ul className={classes.records} aria-label={t('detail.endpoints')}>
          {partner.endpoints.map((e) => (
            <li key={e.id} className={classes.record}>
              <div className={classes.recordBody}>
                <Text fw={600}>
                  {t(`direction.${e.direction}`)}: <code>{e.apiRoot}</code>
                </Text>
                <Text size="sm">
                  {t('detail.collection')}: <code>{e.collectionId}</code> · {t(`auth.${e.auth}`)}
                  {e.username ? ` (${e.username})` : ''}
                  {e.hasSecret ? `, ${t('detail.secretHeld')}` : ''}
                </Text>
                <Text size="sm">
                  {t('detail.tlpGiven')}: <TlpBadge tlp={e.tlp} /> ·{' '}
                  {e.pullEveryMinutes === null
                    ? t('detail.manual')
                    : t('detail.every', { minutes: e.pullEveryMinutes })}
                </Text>
                <Text size="sm" c={e.lastPullStatus === 'failed' ? 'red.9' : 'gray.8'}>
                  {lastPull(e)}
                  {e.lastPullCount !== null ? ` · ${t('pull.count', { count: e.lastPullCount })}` : ''}
                  {e.lastPullMessage ? ` · ${e.lastPullMessage}` : ''}
                </Text>
              </div>
              {editable && (
                <RemoveButton partnerId={partner.id} kind="endpoints" id={e.id} name={e.apiRoot} />
              )}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

const PAGE_SIZE = 20;

/** What is shared with the partner, or what came from it: counts per TLP and a page of objects. */
function ObjectsView({ partnerId, view }: { partnerId: string; view: 'shared' | 'received' }) {
  const { t, number } = usePartnersText();
  const [page, setPage] = useState(1);
  const objects = usePartnerObjects(partnerId, view, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const title = view === 'shared' ? t('detail.shared') : t('detail.received');
  return (
    <Section id={view} title={title}>
      <Text size="sm" c="gray.7" mb="sm">
        {view === 'shared' ? t('detail.sharedLead') : t('detail.receivedLead')}
      </Text>
      <QueryState query={objects}>
        {(result) => (
          <>
            <ul className={classes.counts} aria-label={`${title}: ${t('detail.perTlp')}`}>
              {TLP_LEVELS.map((level) => (
                <li key={level} className={classes.count}>
                  <TlpBadge tlp={level} /> {number(result.counts[level] ?? 0)}
                </li>
              ))}
            </ul>
            <Text size="sm" role="status" mb="sm">
              {t('detail.total', { count: result.total })}
            </Text>
            <ObjectsTable items={result.items} label={title} />
            <Pager total={result.total} pageSize={PAGE_SIZE} page={page} onChange={setPage} />
          </>
        )}
      </QueryState>
    </Section>
  );
}
