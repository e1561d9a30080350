import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../stores/app-store-context';
import { UnsavedChangesScope } from '../notifications/detail/unsaved-changes';
import { EnterpriseDetail } from './enterprise-detail';
import { EnterpriseList } from './enterprise-list';

/** The enterprise named by the route's parameters (#/enterprises?uid=…), or null for the list. */
export function enterpriseUidOf(query: string | undefined): string | null {
  return new URLSearchParams(query ?? '').get('uid');
}

/** #/enterprises: the registry; #/enterprises?uid=…: one enterprise's page. */
export function EnterprisesPage() {
  const { t } = useTranslation();
  const route = useAppStore((s) => s.route);
  const uid = enterpriseUidOf(route.query);
  return <UnsavedChangesScope body={t('enterpriseWords.form.leaveBody')}>{uid ? <EnterpriseDetail key={uid} uid={uid} /> : <EnterpriseList />}</UnsavedChangesScope>;
}
