import { Alert } from '@mantine/core';
import { useParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { SignedIn } from '../identity/SignedIn.tsx';
import { ObjectForm } from './ObjectForm.tsx';
import { nameOf } from './ObjectHeader.tsx';
import { valuesOf } from './objectForm.model.ts';
import { objectPath } from './paths.ts';
import { useObject } from './queries.ts';
import { EDITABLE_TYPES, type ObjectView } from './types.ts';
import { useIntelText } from './useIntelText.ts';

/** `/intel/objects/:id/edit`: a new version of an object the reader's organization created. */
export function EditObjectPage() {
  const { id = '' } = useParams();
  return <SignedIn>{() => <EditObject id={id} />}</SignedIn>;
}

function EditObject({ id }: { id: string }) {
  const object = useObject(id);
  return <QueryState query={object}>{(view) => <EditView view={view} />}</QueryState>;
}

function EditView({ view }: { view: ObjectView }) {
  const { t } = useIntelText();
  const name = nameOf(view);
  usePageTitle(t('form.editTitle', { name }));
  const editable = (EDITABLE_TYPES as readonly string[]).includes(view.object.type);
  return (
    <>
      <PageHeader
        title={t('form.editTitle', { name })}
        lead={t('form.editLead')}
        crumbs={[
          { to: '/intel', label: t('home.title') },
          { to: objectPath(view.object.type, view.object.id), label: name },
        ]}
      />
      {!view.abilities.update ? (
        <Alert color="ochre.8" variant="light">
          {t('form.notCreator')}
        </Alert>
      ) : !editable ? (
        <Alert color="ochre.8" variant="light">
          {t('form.notEditable')}
        </Alert>
      ) : (
        <ObjectForm initial={valuesOf(view.object, view)} base={view.object} />
      )}
    </>
  );
}
