import { Group, Pagination } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Page navigation under a list: translated labels, the current page announced; nothing for one page. */
export function Pager({
  pages,
  page,
  onChange,
}: {
  pages: number;
  page: number;
  onChange: (p: number) => void;
}) {
  const { t } = useTranslation();
  if (pages <= 1) return null;
  return (
    <Group justify="center" p="sm" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
      <Pagination
        total={pages}
        value={page}
        onChange={onChange}
        getControlProps={(control) => ({ 'aria-label': t(`pager.${control}`) })}
        getItemProps={(p) => ({
          'aria-label': `${t('common.page')} ${p}`,
          'aria-current': p === page ? 'page' : undefined,
        })}
        siblings={1}
        boundaries={1}
        aria-label={t('common.pagination')}
      />
    </Group>
  );
}
