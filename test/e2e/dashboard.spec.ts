import { expect, test } from './fixtures';
import { AppFrame } from './page-models/app-frame';
import { DashboardPage } from './page-models/dashboard-page';
import { NotificationsPage } from './page-models/notifications-page';
import { SettingsPage } from './page-models/settings-page';

test('a bar of "by member" opens the notification list of that member, as many as the bar counts', async ({ page, server }, testInfo) => {
  const frame = new AppFrame(page);
  const dashboard = new DashboardPage(page);
  const notifications = new NotificationsPage(page);
  // Tall enough for every chart at once: the screenshots show the whole page, and the bar is on screen.
  await page.setViewportSize({ width: 1280, height: 2400 });
  await frame.open(server);
  await dashboard.loadDemoButton.click();
  await expect(dashboard.notice).toHaveText(/已加载 \d+ 条示例通报/);

  const byMember = dashboard.chart('各成员通报数');
  await expect(dashboard.chartLinks('各成员通报数').first()).toBeVisible();
  // The first bar is the first member in the list beside the chart: "沙特阿拉伯 3".
  const first = (await dashboard.chartLinks('各成员通报数').first().textContent()) ?? '';
  const match = /^(.+?) (\d+)$/.exec(first.trim());
  expect(match).not.toBeNull();
  const [, memberName, count] = match!;
  await expect(dashboard.stat('期间通报')).not.toHaveText('0');
  await page.screenshot({ path: testInfo.outputPath('dashboard-zh.png'), fullPage: true });

  await expect(byMember.locator('.chart-view svg')).toBeVisible();
  const { x, y } = await dashboard.firstBarCentre('各成员通报数');
  await page.mouse.click(x, y);

  await expect(frame.title).toHaveText('通报');
  await expect(notifications.total).toContainText(`${count} 条`);
  await expect(notifications.rows).toHaveCount(Number(count));
  for (const row of await notifications.rows.all()) await expect(row).toContainText(memberName!);

  // Back on the dashboard, the filters live in the address: a bookmarked view comes back as it was.
  await page.goto(`${server.baseUrl}/#/dashboard?members=GCC`);
  await expect(page.getByRole('group', { name: '期间通报', exact: true })).toBeVisible();
  await expect(page.getByText(/成员：GCC/)).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('dashboard-gcc-zh.png'), fullPage: true });

  const settings = new SettingsPage(page);
  await frame.goTo('设置');
  await settings.languageSelect('zh-CN').selectOption('en');
  await frame.goTo('Dashboard');
  await expect(page.getByRole('heading', { name: 'Notifications by member', exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: /Untriaged and closing soon/ })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('dashboard-en.png'), fullPage: true });
});
