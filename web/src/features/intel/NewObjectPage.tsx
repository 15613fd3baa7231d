import { Alert } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { SignedIn } from '../identity/SignedIn.tsx';
import { ObjectForm } from './ObjectForm.tsx';
import { emptyValues } from './objectForm.model.ts';
import { EDITABLE_TYPES, type EditableType } from './types.ts';
import { useIntelText } from './useIntelText.ts';

const isEditable = (value: string | null): value is EditableType =>
  (EDITABLE_TYPES as readonly string[]).includes(value ?? '');

/** `/intel/new?type=…`: a new threat actor, intrusion set, incident or report (contributors). */
export function NewObjectPage() {
  return <SignedIn>{() => <NewObjectView />}</SignedIn>;
}

function NewObjectView() {
  const { t, access } = useIntelText();
  usePageTitle(t('form.newTitle'));
  const [params] = useSearchParams();
  const requested = params.get('type');
  const type = isEditable(requested) ? requested : 'threat-actor';
  return (
    <>
      <PageHeader
        title={t('form.newTitle')}
        lead={t('form.newLead')}
        crumbs={[{ to: '/intel', label: t('home.title') }]}
      />
      {access.contribute ? (
        <ObjectForm key={type} initial={emptyValues(type)} />
      ) : (
        <Alert color="ochre.8" variant="light">
          {t('form.notContributor')}
        </Alert>
      )}
    </>
  );
}
