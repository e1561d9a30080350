import { execFileSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { readDocx } from '../helpers/read-docx';
import { expect, test } from './fixtures';
import { AppFrame } from './page-models/app-frame';
import { DashboardPage } from './page-models/dashboard-page';
import { NotificationsPage } from './page-models/notifications-page';
import { ReportsPage } from './page-models/reports-page';

// A Word file and a PDF printed by Chromium take a while on a shared machine.
test.setTimeout(150_000);

test('from the dashboard a chart opens its list, the list leaves as Excel, and the bulletin is made as Word and PDF', async ({ page, server }, testInfo) => {
  const frame = new AppFrame(page);
  const dashboard = new DashboardPage(page);
  const list = new NotificationsPage(page);
  await page.setViewportSize({ width: 1280, height: 2400 });
  await frame.open(server);
  await dashboard.loadDemoButton.click();
  await expect(dashboard.notice).toHaveText(/已加载 \d+ 条示例通报/);

  // The top bar of "by member" is the first member listed beside the chart ("沙特阿拉伯 3").
  await expect(dashboard.chartLinks('各成员通报数').first()).toBeVisible();
  const [, memberName, count] = /^(.+?) (\d+)$/.exec(((await dashboard.chartLinks('各成员通报数').first().textContent()) ?? '').trim()) ?? [];
  expect(memberName).toBeTruthy();
  const { x, y } = await dashboard.firstBarCentre('各成员通报数');
  await page.mouse.click(x, y);
  await expect(frame.title).toHaveText('通报');
  await expect(list.total).toContainText(`${count} 条`);
  const symbols = (await list.rows.locator('a').allInnerTexts()).map((s) => s.trim());
  expect(symbols).toHaveLength(Number(count));

  // That list, as the chart opened it, leaves the app as an XLSX with the same rows in the same order.
  await list.toolbar.getByRole('button', { name: '导出' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'Excel 工作簿（.xlsx）' }).click();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await (await download).path());
  const sheet = workbook.worksheets[0]!;
  expect(sheet.getRow(1).getCell(1).value).toBe('通报号');
  const exported: string[] = [];
  sheet.eachRow((row, n) => {
    if (n > 1) exported.push(String(row.getCell(1).value));
  });
  expect(exported).toEqual(symbols);

  // The bulletin of this year, made as Word and PDF.
  await page.setViewportSize({ width: 1280, height: 900 });
  await frame.goTo('报告');
  const reports = new ReportsPage(page);
  await reports.kind('简讯').check();
  await reports.preset('今年').click();
  await expect(reports.preview.locator('.report-title')).toHaveText('上合技贸措施简讯', { timeout: 15_000 });
  await reports.makeButton.click();
  await expect(reports.made).toContainText('报告已生成', { timeout: 120_000 });
  const word = await readDocx(await (await reports.download('下载 Word')).path());
  const wordText = word.paragraphs.join('\n');
  expect(wordText).toContain('上合技贸措施简讯');
  expect(wordText).toContain(memberName!);
  const pdf = await reports.download('下载 PDF');
  const pdfText = execFileSync('pdftotext', [await pdf.path(), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  expect(pdfText).toContain('上合技贸措施简讯');
  expect(pdfText).toContain(symbols[0]!);
  await page.screenshot({ path: testInfo.outputPath('bulletin-made.png') });
});
