import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { AppFrame } from './page-models/app-frame';
import { BackupsSection } from './page-models/backups-section';
import { DashboardPage } from './page-models/dashboard-page';
import { NotificationsPage } from './page-models/notifications-page';
import { SettingsPage } from './page-models/settings-page';

test('a backup made in Settings brings the old data back when restored, and the replaced store is kept', async ({ page, server }) => {
  const frame = new AppFrame(page);
  const settings = new SettingsPage(page);
  const backups = new BackupsSection(page);
  const dashboard = new DashboardPage(page);
  const notifications = new NotificationsPage(page);
  await frame.open(server);

  // The day's automatic backup is made at start.
  await frame.goTo('设置');
  await expect(backups.rows).toHaveCount(1);
  await settings.deadlineDays.fill('7');
  await settings.saveButton.click();
  await expect(settings.savedNote).toBeVisible();
  await backups.backUpNow();
  await expect(backups.rowsOfKind('手动').getByRole('cell', { name: '通过' })).toBeVisible();

  // Change the data: the demo set, and another internal deadline.
  await frame.goTo('工作台');
  await dashboard.loadDemoButton.click();
  await frame.goTo('通报');
  await expect(notifications.rows.first()).toBeVisible();
  await frame.goTo('设置');
  await settings.deadlineDays.fill('9');
  await settings.saveButton.click();
  await expect(settings.savedNote).toBeVisible();

  const confirmation = await backups.restore(backups.rowsOfKind('手动'));
  expect(confirmation).toContain(path.join(server.dataDir, 'replaced'));
  expect(confirmation).toContain('不会被覆盖或删除');
  await expect(page.getByText(/已恢复 .*manual；原数据库已移到/)).toBeVisible();

  // Every view shows the backup's data: the deadline it had, and no notifications.
  await expect(settings.deadlineDays).toHaveValue('7');
  await frame.goTo('通报');
  await expect(notifications.emptyState).toBeVisible();
  await expect(notifications.rows).toHaveCount(0);

  const replaced = fs.readdirSync(path.join(server.dataDir, 'replaced'));
  expect(replaced).toHaveLength(1);
  expect(fs.existsSync(path.join(server.dataDir, 'replaced', replaced[0]!, 'pingyi.sqlite3'))).toBe(true);
});
