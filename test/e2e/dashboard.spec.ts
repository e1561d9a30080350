import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';
import { AppFrame } from './page-models/app-frame';
import { DashboardPage } from './page-models/dashboard-page';
import { NotificationsPage } from './page-models/notifications-page';
import { SettingsPage } from './page-models/settings-page';

/** Where ECharts drew the first category's bar in a horizontal bar chart (the top one): a bar, not the legend's swatch. */
async function firstBarCentre(chart: Locator): Promise<{ x: number; y: number }> {
  const svg = chart.locator('.chart-view svg');
  await expect(svg).toBeVisible();
  const centre = await svg.evaluate((root) => {
    const box = root.getBoundingClientRect();
    const bars = [...root.querySelectorAll('path')]
      .filter((p) => ['#1f4e9c', '#2e9d6a'].includes((p.getAttribute('fill') ?? '').toLowerCase()))
      .map((p) => p.getBoundingClientRect())
      // The legend's swatches sit at the bottom and are small and square; bars are wider than tall.
      .filter((r) => r.width > r.height && r.bottom < box.bottom - 36 && r.width > 3)
      .sort((a, b) => a.top - b.top || b.width - a.width);
    const bar = bars[0];
    return bar ? { x: bar.left + bar.width / 2, y: bar.top + bar.height / 2 } : null;
  });
  if (!centre) throw new Error('no bar drawn in the chart');
  return centre;
}

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

  await byMember.scrollIntoViewIfNeeded();
  const { x, y } = await firstBarCentre(byMember);
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
