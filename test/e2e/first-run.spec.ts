import { expect, test } from './fixtures';
import { AppFrame, NAV_LABELS } from './page-models/app-frame';
import { DashboardPage } from './page-models/dashboard-page';
import { NotificationsPage } from './page-models/notifications-page';

test('a first run opens in Chinese on the dashboard and offers the demo data', async ({ page, server }) => {
  const frame = new AppFrame(page);
  const dashboard = new DashboardPage(page);
  await frame.open(server);

  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page).toHaveTitle('技贸评议工作台');
  expect(await frame.navLabels()).toEqual([...NAV_LABELS['zh-CN']]);
  await expect(frame.title).toHaveText('工作台');
  await expect(dashboard.demoOffer).toBeVisible();
  await expect(dashboard.loadDemoButton).toBeEnabled();
  await expect(page.getByRole('heading', { name: '还没有通报' })).toBeVisible();
});

test('the launch token leaves the address bar and a reload still reaches the backend', async ({ page, server }) => {
  const frame = new AppFrame(page);
  await frame.open(server);
  expect(page.url()).not.toContain('token');
  await page.reload();
  await expect(frame.title).toHaveText('工作台');
  await expect(frame.errorBanner).toHaveCount(0);
});

test('declining the demo offer hides it for good', async ({ page, server }) => {
  const frame = new AppFrame(page);
  const dashboard = new DashboardPage(page);
  await frame.open(server);
  await dashboard.dismissDemoButton.click();
  await expect(dashboard.demoOffer).toBeHidden();
  await page.reload();
  await expect(frame.title).toHaveText('工作台');
  await expect(dashboard.demoOffer).toBeHidden();
});

test('Ctrl+1..7 switch sections and the tooltips name the shortcuts', async ({ page, server }) => {
  const frame = new AppFrame(page);
  const notifications = new NotificationsPage(page);
  await frame.open(server);

  await expect(frame.navLink('通报')).toHaveAttribute('title', '通报（Ctrl+2）');
  await page.keyboard.press('Control+2');
  await expect(frame.title).toHaveText('通报');
  await expect(frame.navLink('通报')).toHaveAttribute('aria-current', 'page');
  await expect(notifications.emptyState).toBeVisible();
  expect(page.url()).toMatch(/#\/notifications$/);

  await page.keyboard.press('Control+3');
  await expect(frame.title).toHaveText('评议意见');
  await expect(page.getByRole('navigation', { name: '评议意见分区' })).toBeVisible();

  await page.keyboard.press('Control+7');
  await expect(frame.title).toHaveText('设置');
  await page.keyboard.press('Control+1');
  await expect(frame.title).toHaveText('工作台');
});

test('the browser back button follows the sections visited', async ({ page, server }) => {
  const frame = new AppFrame(page);
  await frame.open(server);
  await frame.goTo('风险预警');
  await frame.goTo('企业');
  await page.goBack();
  await expect(frame.title).toHaveText('风险预警');
});

test('opening the page without the launch token explains how to get in', async ({ page, server }) => {
  await page.goto(`${server.baseUrl}/`);
  const screen = page.getByRole('alert');
  await expect(screen.getByRole('heading')).toHaveText('无法打开技贸评议工作台');
  await expect(screen).toContainText('UNAUTHORIZED');
  await expect(screen).toContainText('#token=');
  await expect(page.getByRole('navigation')).toHaveCount(0);
});
