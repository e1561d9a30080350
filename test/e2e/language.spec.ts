import { expect, test } from './fixtures';
import { AppFrame, NAV_LABELS } from './page-models/app-frame';
import { SettingsPage } from './page-models/settings-page';

test('switching to English relabels the navigation and persists after a reload', async ({ page, server }) => {
  const frame = new AppFrame(page);
  const settings = new SettingsPage(page);
  await frame.open(server);
  await frame.goTo('设置');

  await settings.languageSelect('zh-CN').selectOption('en');
  await expect(frame.title).toHaveText('Settings');
  expect(await frame.navLabels()).toEqual([...NAV_LABELS.en]);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(frame.navLink('Notifications')).toHaveAttribute('title', 'Notifications (Ctrl+2)');

  await page.reload();
  await expect(frame.title).toHaveText('Settings');
  expect(await frame.navLabels()).toEqual([...NAV_LABELS.en]);
  await expect(settings.languageSelect('en')).toHaveValue('en');

  await settings.languageSelect('en').selectOption('zh-CN');
  await expect(frame.title).toHaveText('设置');
  expect(await frame.navLabels()).toEqual([...NAV_LABELS['zh-CN']]);
});
