import { expect, test } from './fixtures';
import { AppFrame } from './page-models/app-frame';
import { SettingsPage } from './page-models/settings-page';

test('the internal deadline is saved and shown after a reload; the header says who acts', async ({ page, server }) => {
  const frame = new AppFrame(page);
  const settings = new SettingsPage(page);
  await frame.open(server);
  await frame.goTo('设置');
  await expect(frame.actingAs).not.toHaveValue('');

  await settings.deadlineDays.fill('7');
  await settings.saveButton.click();
  await expect(settings.savedNote).toBeVisible();

  await page.reload();
  await expect(settings.deadlineDays).toHaveValue('7');
});

test('an out-of-range deadline is refused with the error code and message', async ({ page, server }) => {
  const frame = new AppFrame(page);
  const settings = new SettingsPage(page);
  await frame.open(server);
  await frame.goTo('设置');

  // Skip the browser's own range check to see what the backend says.
  await settings.deadlineDays.evaluate((input) => input.removeAttribute('max'));
  await settings.deadlineDays.fill('45');
  await settings.saveButton.click();
  await expect(frame.errorBanner).toContainText('VALIDATION');
  await expect(frame.errorBanner).toContainText('输入有误');
  await frame.errorBanner.getByRole('button', { name: '关闭错误提示' }).click();
  await expect(frame.errorBanner).toHaveCount(0);
});

test('the settings show the SCO reference table and where the data lives', async ({ page, server }) => {
  const frame = new AppFrame(page);
  const settings = new SettingsPage(page);
  await frame.open(server);
  await frame.goTo('设置');

  await expect(settings.countryRow('CHN')).toContainText('中国');
  await expect(settings.countryRow('CHN')).toContainText('成员国');
  await expect(settings.countryRow('SAU')).toContainText('Saudi Arabia, Kingdom of');
  await expect(settings.countryRow('SAU')).toContainText('伙伴国');
  await expect(settings.countryRow('SAU')).toContainText('GCC');
  await expect(settings.countryRow('KAZ')).toContainText('EAEU');
  await expect(settings.about).toContainText(server.dataDir);
  await expect(settings.about).toContainText('0.1.0');
});

test('a pasted holiday schedule is kept, and a removed day comes back with Undo', async ({ page, server }) => {
  const frame = new AppFrame(page);
  const settings = new SettingsPage(page);
  await frame.open(server);
  await frame.goTo('设置');

  await settings.calendarPaste.fill('2026-10-01 至 2026-10-08 休 国庆节、中秋节\n2026-09-27 班 调休\n2026-10-10 班 调休');
  await settings.calendar.getByRole('button', { name: '添加' }).click();
  await expect(settings.calendar.getByRole('status')).toHaveText('已添加或更新 10 天。');
  await expect(settings.calendarTable.locator('tbody tr')).toHaveCount(10);

  await settings.calendar.getByRole('button', { name: '删除 2026-10-10 的安排' }).click();
  await expect(settings.calendarTable.locator('tbody tr')).toHaveCount(9);
  await settings.calendar.getByRole('button', { name: '撤销' }).click();
  await expect(settings.calendarTable.locator('tbody tr')).toHaveCount(10);

  await page.reload();
  await expect(settings.calendarTable.locator('tbody tr')).toHaveCount(10);
  await expect(settings.calendarTable.locator('tbody tr').first()).toContainText('2026-09-27周日班调休');
});
