import { Button } from '@mantine/core';
import { Link } from 'react-router';
import { PageHeader, Section } from '../../components/PageHeader.tsx';
import { Loading, QueryState } from '../../components/QueryState.tsx';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { BulletinTable } from './BulletinTable.tsx';
import { useBulletins, usePublishedBulletins } from './queries.ts';
import { useBulletinText } from './useBulletinText.ts';

/**
 * `/bulletins`: signed in, the bulletins built by one's organization (for the RATS Executive
 * Committee), those sent to us and those published; signed out, the public portal's published
 * bulletins.
 */
export function BulletinsPage() {
  const { t, me, signedIn, builder } = useBulletinText();
  usePageTitle(t('list.title'));
  if (me.isPending) return <Loading />;
  return (
    <>
      <PageHeader title={t('list.title')} lead={signedIn ? t('list.lead') : t('list.publicLead')}>
        {builder && (
          <Button component={Link} to="/bulletins/new" mt="md">
            {t('list.new')}
          </Button>
        )}
      </PageHeader>
      {signedIn ? <SignedInLists builder={builder} /> : <PublicList />}
    </>
  );
}

function SignedInLists({ builder }: { builder: boolean }) {
  const { t } = useBulletinText();
  const mine = useBulletins({ mine: true }, builder);
  const received = useBulletins({ received: true });
  const published = useBulletins({ published: true });
  return (
    <>
      {builder && (
        <Section id="mine" title={t('list.mine')}>
          <QueryState query={mine}>
            {(data) => <BulletinTable items={data.items} label={t('list.mine')} />}
          </QueryState>
        </Section>
      )}
      <Section id="received" title={t('list.received')}>
        <QueryState query={received}>
          {(data) => <BulletinTable items={data.items} label={t('list.received')} />}
        </QueryState>
      </Section>
      <Section id="published" title={t('list.published')}>
        <QueryState query={published}>
          {(data) => <BulletinTable items={data.items} label={t('list.published')} />}
        </QueryState>
      </Section>
    </>
  );
}

function PublicList() {
  const { t } = useBulletinText();
  const published = usePublishedBulletins();
  return (
    <Section id="published" title={t('list.published')}>
      <QueryState query={published}>
        {(data) => <BulletinTable items={data.items} label={t('list.published')} />}
      </QueryState>
    </Section>
  );
}
