import { expect, test } from './fixtures';
import { AppFrame } from './page-models/app-frame';
import { DashboardPage } from './page-models/dashboard-page';
import { NotificationsPage } from './page-models/notifications-page';
import { SettingsPage } from './page-models/settings-page';

test('a tour of every screen logs no console error, page error or CSP violation', async ({ page, server }) => {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  // Chromium logs most violations itself; the event also catches the ones it only reports.
  // Given as text: this suite type-checks without the DOM library.
  await page.addInitScript({
    content: `document.addEventListener('securitypolicyviolation', (event) => {
      console.error('CSP violation: ' + event.violatedDirective + ' ' + event.blockedURI);
    });`,
  });

  const frame = new AppFrame(page);
  const dashboard = new DashboardPage(page);
  const notifications = new NotificationsPage(page);
  const settings = new SettingsPage(page);
  await frame.open(server);
  await dashboard.loadDemoButton.click();
  await expect(dashboard.notice).toBeVisible();

  await frame.goTo('通报');
  await notifications.open('G/TBT/N/SAU/9002');
  await expect(notifications.detailHeading('G/TBT/N/SAU/9002')).toBeVisible();
  for (const label of ['评议意见', '风险预警', '企业', '报告', '设置']) await frame.goTo(label);
  await expect(settings.countryTable).toBeVisible();
  await settings.languageSelect('zh-CN').selectOption('en');
  await expect(frame.title).toHaveText('Settings');
  await page.reload();
  await expect(frame.title).toHaveText('Settings');

  expect(problems).toEqual([]);
});
