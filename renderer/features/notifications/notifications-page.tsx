import { NotificationsListPage } from './list/notifications-list-page';
import { NotificationDetailView } from './notification-detail';

export function NotificationsPage({ id }: { id: number | null }) {
  return id === null ? <NotificationsListPage /> : <NotificationDetailView id={id} />;
}
