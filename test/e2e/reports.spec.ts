import { execFileSync } from 'node:child_process';
import { readDocx } from '../helpers/read-docx';
import { expect, test } from './fixtures';
import { AppFrame } from './page-models/app-frame';
import { DashboardPage } from './page-models/dashboard-page';
import { ReportsPage } from './page-models/reports-page';
import { SettingsPage } from './page-models/settings-page';

// Making a Word and a PDF file (Chromium prints the PDF) takes a while on a shared machine.
test.setTimeout(120_000);

test('the bulletin of the demo notifications is previewed, made as Word and PDF, and downloaded', async ({ page, server }, testInfo) => {
  const frame = new AppFrame(page);
  const dashboard = new DashboardPage(page);
  await frame.open(server);
  await dashboard.loadDemoButton.click();
  await expect(dashboard.notice).toHaveText(/已加载 \d+ 条示例通报/);

  await frame.goTo('报告');
  const reports = new ReportsPage(page);
  await reports.kind('简讯').check();
  // The demo notifications were distributed 5 to 55 days before today (2026-11-21): this year has them.
  await reports.preset('今年').click();
  await expect(reports.preview).toBeVisible({ timeout: 15_000 });
  await expect(reports.preview.locator('.report-title')).toHaveText('上合技贸措施简讯');
  await expect(reports.preview.getByRole('heading', { level: 3 }).first()).toBeVisible();
  await expect(reports.preview.locator('.report-chart svg').first()).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('reports-preview-zh.png'), fullPage: true });

  // Word and PDF are checked by default.
  await expect(reports.format('Word')).toBeChecked();
  await expect(reports.format('PDF')).toBeChecked();
  await expect(reports.format('Excel（数据附件）')).not.toBeChecked();
  await reports.makeButton.click();
  await expect(reports.made).toContainText('报告已生成', { timeout: 90_000 });

  const docx = await reports.download('下载 Word');
  expect(docx.suggestedFilename()).toMatch(/\.docx$/);
  const word = await readDocx(await docx.path());
  expect(word.paragraphs.join('\n')).toContain('上合技贸措施简讯');

  const pdf = await reports.download('下载 PDF');
  expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
  const text = execFileSync('pdftotext', [await pdf.path(), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  expect(text).toContain('上合技贸措施简讯');

  // The history lists it with its files; the next bulletin takes the next issue.
  const row = reports.history.getByRole('row').nth(1);
  await expect(row).toContainText('简讯');
  await expect(row.getByRole('button', { name: /Word/ })).toBeVisible();
  await expect(page.getByLabel('期数')).toHaveValue('2');
  await reports.history.scrollIntoViewIfNeeded();
  await expect(page.locator('.toast')).toHaveCount(0, { timeout: 10_000 });
  await page.screenshot({ path: testInfo.outputPath('reports-history-zh.png'), fullPage: true });

  // The same page in English.
  await frame.goTo('设置');
  await new SettingsPage(page).languageSelect('zh-CN').selectOption('en');
  await expect(frame.title).toHaveText('Settings');
  await frame.navLink('Reports').click();
  const english = new ReportsPage(page, { make: 'Make', history: 'Reports made' });
  await english.preset('This year').click();
  await expect(english.preview.locator('.report-chart svg').first()).toBeVisible({ timeout: 15_000 });
  await expect(english.history.getByRole('row')).toHaveCount(2);
  await english.history.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('reports-en.png'), fullPage: true });

  // A country analysis takes the analyst's recommendations in its preview.
  await english.kind('Country analysis').check();
  await page.getByLabel('Member or bloc (required)').selectOption('SAU');
  const recommendations = english.preview.getByLabel('Recommendations');
  await expect(recommendations).toBeVisible({ timeout: 15_000 });
  await recommendations.fill('Follow the SASO energy-efficiency rule with the refrigerator makers.');
  await recommendations.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('reports-country-en.png') });
});
