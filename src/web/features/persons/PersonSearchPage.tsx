import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../app/PageHeader';
import { PersonSearch } from './PersonSearch';

export function PersonSearchPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('search.title')} />
      <PersonSearch autoFocus />
    </>
  );
}
