import { expect, test } from './fixtures';
import { AppFrame } from './page-models/app-frame';
import { DashboardPage } from './page-models/dashboard-page';
import { NotificationsPage } from './page-models/notifications-page';

const CHINESE_DATE = /^\d{4}年\d{1,2}月\d{1,2}日$/;

test('loading the demo data lists the demo notifications and opens their details', async ({ page, server }) => {
  const frame = new AppFrame(page);
  const dashboard = new DashboardPage(page);
  const notifications = new NotificationsPage(page);
  await frame.open(server);

  await dashboard.loadDemoButton.click();
  await expect(dashboard.notice).toHaveText(/已加载 \d+ 条示例通报/);
  await expect(dashboard.demoOffer).toBeHidden();
  await expect(dashboard.stat('期间通报')).not.toHaveText('0');

  await dashboard.viewNotificationsButton.click();
  await expect(frame.title).toHaveText('通报');
  await expect(notifications.table).toBeVisible();
  for (const symbol of ['G/TBT/N/ARE/9001', 'G/TBT/N/SAU/9002', 'G/TBT/N/TUR/9003', 'G/SPS/N/RUS/9004']) {
    await expect(notifications.symbolLink(symbol)).toBeVisible();
  }
  const saudi = notifications.row('G/TBT/N/SAU/9002');
  await expect(saudi).toContainText('沙特阿拉伯 SAU');
  await expect(saudi).toContainText('refrigerators');
  await expect(saudi.locator('.cell-date').first()).toHaveText(CHINESE_DATE);

  await notifications.open('G/TBT/N/TUR/9003');
  await expect(notifications.detailHeading('G/TBT/N/TUR/9003')).toBeVisible();
  expect(page.url()).toMatch(/#\/notifications\/\d+$/);
  await expect(notifications.field('通报成员')).toHaveText('土耳其 TUR');
  await expect(notifications.field('涵盖产品')).toHaveText('Mineral and chemical fertilizers');
  await expect(notifications.field('HS 编码')).toContainText('3102');
  await expect(notifications.field('数据来源')).toHaveText('示例数据');
  await expect(notifications.field('分发日期')).toHaveText(CHINESE_DATE);
  await expect(notifications.field('评议截止日期')).toHaveText(CHINESE_DATE);
  await expect(notifications.field('内容描述')).toContainText('fertilizer');

  // A record view is an address of its own: it survives a reload.
  await page.reload();
  await expect(notifications.detailHeading('G/TBT/N/TUR/9003')).toBeVisible();

  await notifications.backLink.click();
  await expect(notifications.table).toBeVisible();
});

test('a record that does not exist says so instead of failing', async ({ page, server }) => {
  const frame = new AppFrame(page);
  await frame.open(server);
  await page.goto(`${server.baseUrl}/#/notifications/999999`);
  await expect(page.getByRole('alert')).toHaveText('找不到编号为 999999 的通报记录，可能已被删除。');
});
