import { ObjectListView } from './ObjectListView.tsx';
import { useIntelText } from './useIntelText.ts';

const REPORT = ['report'] as const;

/** `/intel/reports`: the reports the reader may see, newest first (`?q=`, `?page=`). */
export function ReportsPage() {
  const { t } = useIntelText();
  return (
    <ObjectListView
      types={REPORT}
      title={t('reports.title')}
      lead={t('reports.lead')}
      dateLabel={t('report.published')}
      newType="report"
      newLabel={t('reports.new')}
    />
  );
}
