import { ObjectListView } from './ObjectListView.tsx';
import { ORGANIZATION_TYPES } from './types.ts';
import { useIntelText } from './useIntelText.ts';

/** `/intel/organizations`: threat actors and intrusion sets the reader may see (`?q=`, `?page=`). */
export function OrganizationsPage() {
  const { t } = useIntelText();
  return (
    <ObjectListView
      types={ORGANIZATION_TYPES}
      title={t('organizations.title')}
      lead={t('organizations.lead')}
      dateLabel={t('organization.firstSeen')}
      newType="threat-actor"
      newLabel={t('organizations.new')}
    />
  );
}
