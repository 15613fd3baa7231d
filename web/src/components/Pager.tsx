import { Group, Pagination } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Pages of a list paginated on the server; nothing when everything fits on one page. */
export function Pager({
  total,
  pageSize,
  page,
  onChange,
}: {
  total: number;
  pageSize: number;
  page: number;
  onChange: (page: number) => void;
}) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  return (
    <Group justify="center" mt="md">
      <nav aria-label={t('pager.label')}>
        <Pagination
          total={pages}
          value={Math.min(page, pages)}
          onChange={onChange}
          getControlProps={(control) => ({
            'aria-label':
              control === 'previous' ? t('pager.previous') : control === 'next' ? t('pager.next') : undefined,
          })}
        />
      </nav>
    </Group>
  );
}
