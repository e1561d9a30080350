import { DashboardPage } from '../features/dashboard/dashboard-page';
import { CommentsPage } from '../features/comments/comments-page';
import { EnterprisesPage } from '../features/enterprises/enterprises-page';
import { NotificationsPage } from '../features/notifications/notifications-page';
import { ReportsPage } from '../features/reports/reports-page';
import { SettingsPage } from '../features/settings/settings-page';
import { WarningsPage } from '../features/warnings/warnings-page';
import type { Route } from '../stores/route';

export function SectionView({ route }: { route: Route }) {
  switch (route.section) {
    case 'dashboard':
      return <DashboardPage />;
    case 'notifications':
      return <NotificationsPage id={route.id} />;
    case 'comments':
      return <CommentsPage route={route} />;
    case 'warnings':
      return <WarningsPage />;
    case 'enterprises':
      return <EnterprisesPage />;
    case 'reports':
      return <ReportsPage />;
    case 'settings':
      return <SettingsPage />;
  }
}
