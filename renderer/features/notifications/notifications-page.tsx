import { NotificationDetailView } from './notification-detail';
import { NotificationList } from './notification-list';

export function NotificationsPage({ id }: { id: number | null }) {
  return id === null ? <NotificationList /> : <NotificationDetailView id={id} />;
}
