import ExcelJS from 'exceljs';
import { expect, test } from './fixtures';
import { AppFrame } from './page-models/app-frame';
import { DashboardPage } from './page-models/dashboard-page';
import { NotificationsPage } from './page-models/notifications-page';

test('the notification list filtered to one member leaves the app as an XLSX with Chinese headers and the rows the list counts', async ({ page, server }) => {
  const frame = new AppFrame(page);
  const dashboard = new DashboardPage(page);
  const list = new NotificationsPage(page);
  await frame.open(server);
  await dashboard.loadDemoButton.click();
  await expect(dashboard.notice).toHaveText(/已加载 \d+ 条示例通报/);
  await dashboard.viewNotificationsButton.click();
  await expect(list.table).toBeVisible();

  await list.filtersButton.click();
  await page.getByLabel('沙特阿拉伯 SAU').check();
  await expect(list.rows.first()).toContainText('沙特阿拉伯 SAU');
  await expect(list.total).toHaveText(/\d/);
  const counted = Number((await list.total.innerText()).replace(/[^\d]/g, ''));
  expect(counted).toBeGreaterThan(0);
  const symbols = await list.rows.locator('a').allInnerTexts();

  await list.toolbar.getByRole('button', { name: '导出' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'Excel 工作簿（.xlsx）' }).click();
  const saved = await download;
  expect(saved.suggestedFilename()).toMatch(/^通报列表-\d{4}-\d{2}-\d{2}(-\d+)?\.xlsx$/);
  await expect(page.locator('.export-outcome')).toContainText(`已导出 ${counted} 行`);
  await page.screenshot({ path: test.info().outputPath('notifications-export.png') });

  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await saved.path());
  const sheet = workbook.worksheets[0]!;
  expect(sheet.name).toBe('通报列表');
  const header = sheet.getRow(1).values as unknown[];
  expect(header.slice(1, 5)).toEqual(['通报号', '领域', '成员代码', '通报成员']);
  expect(sheet.rowCount - 1).toBe(counted);
  const exported: string[] = [];
  sheet.eachRow((row, n) => {
    if (n > 1) exported.push(String(row.getCell(1).value));
  });
  expect(exported.every((s) => s.includes('/SAU/'))).toBe(true);
  expect(exported.slice(0, symbols.length)).toEqual(symbols.map((s) => s.trim()));
  expect(sheet.getRow(2).getCell(8).value).toBeInstanceOf(Date);
});
