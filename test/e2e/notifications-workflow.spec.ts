import type { Page } from '@playwright/test';
import fs from 'node:fs';
import { epingRow, fixtureDir, writeEpingXlsx } from '../fixtures/eping-fixtures';
import { expect, test, type PingyiServer } from './fixtures';
import { AppFrame } from './page-models/app-frame';
import { ImportDialog } from './page-models/import-dialog';
import { NotificationDetailPage } from './page-models/notification-detail';
import { NotificationsPage } from './page-models/notifications-page';

// Invented symbols in the 9100s, like the demo data's 9000s: these are test records, not WTO ones.
const FRIDGE = 'G/TBT/N/SAU/9101';
const EV_BATTERY = 'G/TBT/N/ARE/9102';

const ROWS = [
  epingRow({
    'Document symbol': FRIDGE,
    'Notifying Member': 'Saudi Arabia, Kingdom of',
    Title: 'Technical regulation on the energy efficiency of household refrigerators and freezers',
    Description: 'Minimum energy performance requirements, labelling, and acceptance and test standards for household refrigerating appliances.',
    'Products covered': 'Household refrigerators and freezers',
    'HS code(s)': '8418.10, 8418.21',
    'ICS code(s)': '97.040.30',
    Keywords: 'Energy efficiency, Labelling',
    Objectives: 'Protection of the environment',
    'Distribution date': '02/11/2026',
    'Final date for comments': '01/01/2027',
  }),
  epingRow({
    'Document symbol': EV_BATTERY,
    'Notifying Member': 'United Arab Emirates',
    Title: 'Electric vehicles: safety requirements and test methods for traction batteries',
    Description: 'Test methods for lithium-ion traction batteries of electric passenger cars.',
    'Products covered': 'Electric vehicles; lithium-ion batteries',
    'HS code(s)': '8703.80, 8507.60',
    'Distribution date': '05/11/2026',
    'Final date for comments': '04/01/2027',
  }),
  // Row 4 of the sheet (the header is row 1): 31 February does not exist.
  epingRow({
    'Document symbol': 'G/TBT/N/KAZ/9103',
    'Notifying Member': 'Kazakhstan',
    Title: 'Lithium-ion batteries for electric bicycles',
    'Distribution date': '31/02/2026',
  }),
];

async function writeExport(): Promise<{ file: string; cleanup: () => void }> {
  const dir = fixtureDir();
  return { file: await writeEpingXlsx(dir.file('eping-export.xlsx'), ROWS), cleanup: dir.cleanup };
}

test('an analyst imports an ePing export, finds the refrigerator regulation by 冰箱 and triages it', async ({ page, server }) => {
  const { file, cleanup } = await writeExport();
  const frame = new AppFrame(page);
  const list = new NotificationsPage(page);
  const importer = new ImportDialog(page);
  const detail = new NotificationDetailPage(page);
  await frame.open(server);

  // Join the team list and act as 王评议 from the header.
  await frame.goTo('设置');
  const team = page.getByRole('region', { name: '分析员名单' });
  await team.getByLabel('姓名').fill('王评议');
  await team.getByRole('button', { name: '添加分析员' }).click();
  await frame.actingAs.selectOption({ label: '王评议' });
  await expect(frame.actingAs.locator('option:checked')).toHaveText('王评议');

  // Import, and read the report.
  await frame.goTo('通报');
  await expect(list.emptyState).toBeVisible();
  await list.importButton.click();
  await importer.fileInput.setInputFiles(file);
  await expect(importer.report).toBeVisible();
  await expect(importer.count('新增')).toHaveText('2');
  await expect(importer.count('拒绝')).toHaveText('1');
  await expect(importer.rejectedRows).toHaveCount(1);
  await expect(importer.rejectedRows.first().locator('td').first()).toHaveText('4');
  await expect(importer.rejectedRows.first()).toContainText('31/02/2026');

  const download = page.waitForEvent('download');
  await importer.saveReportButton.click();
  const saved = await download;
  expect(saved.suggestedFilename()).toMatch(/^导入报告-\d+-eping-export\.csv$/);
  const bytes = fs.readFileSync(await saved.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const csv = bytes.subarray(3).toString('utf8');
  expect(csv).toContain('新增,2\r\n');
  expect(csv).toContain('行号,字段,原因,值,代码,技术说明\r\n4,');

  await importer.closeButton.click();
  await expect(list.rows).toHaveCount(2);
  await expect(list.row(FRIDGE)).toContainText('沙特阿拉伯 SAU');

  // Give the regulation its Chinese title.
  await list.open(FRIDGE);
  await expect(list.detailHeading(FRIDGE)).toBeVisible();
  await detail.titleZh.fill('沙特冰箱能效技术法规');
  await detail.saveTranslation.click();
  await expect(detail.toast('译文已保存')).toBeVisible();
  await expect(detail.headerTitle).toHaveText('沙特冰箱能效技术法规');

  // Search for a two-character Chinese word and open the hit from the keyboard.
  await list.backLink.click();
  await page.keyboard.press('/');
  await expect(list.searchBox).toBeFocused();
  await page.keyboard.type('冰箱');
  await expect(list.rows).toHaveCount(1);
  await expect(list.total).toHaveText('共 1 条');
  await expect(list.marks(FRIDGE)).toHaveText(['冰箱']);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(list.detailHeading(FRIDGE)).toBeVisible();

  // Triage it. Nobody has yet, so it has no assignee until the analyst takes it.
  await expect(detail.assignee).toHaveValue('');
  await detail.assignee.fill('王评议');
  await detail.status.selectOption({ label: '评估中' });
  await detail.relevance.selectOption({ label: '高' });
  await detail.industry('家用电器').check();
  await detail.notes.fill('关注验收和测试标准');
  await detail.saveTriage.click();
  await expect(detail.toast('评议处理已保存')).toBeVisible();

  // Back in the list, the search it was found with is still there, and the row shows the triage.
  await list.backLink.click();
  await expect(list.searchBox).toHaveValue('冰箱');
  await expect(list.row(FRIDGE).locator('.cell-status')).toHaveText('评估中');
  await expect(list.row(FRIDGE).locator('.cell-relevance')).toHaveText('高');
  await list.open(FRIDGE);

  await page.reload();
  await expect(list.detailHeading(FRIDGE)).toBeVisible();
  await expect(detail.status).toHaveValue('assessing');
  await expect(detail.relevance).toHaveValue('high');
  await expect(detail.industry('家用电器')).toBeChecked();
  await expect(detail.assignee).toHaveValue('王评议');
  await expect(detail.notes).toHaveValue('关注验收和测试标准');
  await expect(detail.activity).toContainText('评议处理');
  await expect(detail.activity).toContainText('新通报 → 评估中');
  await expect(detail.activity).toContainText('家用电器');
  await expect(detail.activity).toContainText('沙特冰箱能效技术法规');
  cleanup();
});

/** Open the notifications of an empty store and import the export into them; the report stays open. */
async function importIntoEmptyStore(page: Page, server: PingyiServer): Promise<{ file: string; list: NotificationsPage; importer: ImportDialog; cleanup: () => void }> {
  const { file, cleanup } = await writeExport();
  const list = new NotificationsPage(page);
  const importer = new ImportDialog(page);
  const frame = new AppFrame(page);
  await frame.open(server);
  await frame.goTo('通报');
  await list.importButton.click();
  await importer.fileInput.setInputFiles(file);
  await expect(importer.count('新增')).toHaveText('2');
  return { file, list, importer, cleanup };
}

test('re-importing the same ePing file adds nothing, and the first report stays in the history', async ({ page, server }) => {
  const { file, list, importer, cleanup } = await importIntoEmptyStore(page, server);
  await importer.anotherFileButton.click();
  await importer.fileInput.setInputFiles(file);
  await expect(importer.outcome).toHaveText('导入完成。');
  await expect(importer.count('新增')).toHaveText('0');
  await expect(importer.count('未变')).toHaveText('2');
  await expect(importer.count('拒绝')).toHaveText('1');
  await importer.closeButton.click();
  await expect(list.rows).toHaveCount(2);

  // Both reports can be opened again later.
  await page.keyboard.press('Control+i');
  await expect(importer.history.locator('tbody tr')).toHaveCount(2);
  await importer.history.getByRole('button', { name: /查看“eping-export\.xlsx”的导入报告/ }).last().click();
  await expect(importer.count('新增')).toHaveText('2');
  await expect(importer.saveReportButton).toBeVisible();
  cleanup();
});

test('the distribution date filter takes a date as ePing writes it and offers a calendar in the app language', async ({ page, server }) => {
  const { list, importer, cleanup } = await importIntoEmptyStore(page, server);
  await importer.closeButton.click();
  await expect(list.rows).toHaveCount(2);
  // The window counts days from the backend's clock (PINGYI_NOW: 21 November 2026), not the machine's.
  await expect(list.row(FRIDGE)).toContainText('剩 41 天');
  await expect(list.row(EV_BATTERY)).toContainText('剩 44 天');

  await list.filtersButton.click();
  const from = page.getByLabel('分发日期自');
  const until = page.locator('.filter-field', { hasText: '分发日期至' });
  // Day first, as on a WTO document: the 4th of November.
  await from.fill('04/11/2026');
  await expect(list.rows).toHaveCount(1);
  await expect(list.row(EV_BATTERY)).toBeVisible();
  await from.press('Tab');
  await expect(from).toHaveValue('2026-11-04');

  await from.fill('');
  await expect(list.rows).toHaveCount(2);
  await until.getByRole('textbox').fill('2026年11月30日');
  await until.getByRole('button', { name: '从日历中选择' }).click();
  const calendar = page.getByRole('dialog', { name: '日历' });
  // It floats over the filter panel, which would clip it, and stays inside the window.
  await expect(calendar).toHaveCSS('opacity', '1');
  const box = await calendar.boundingBox();
  const size = page.viewportSize();
  expect(box && size && box.x >= 0 && box.y >= 0 && box.x + box.width <= size.width && box.y + box.height <= size.height).toBe(true);
  await calendar.getByRole('button', { name: /2026年11月3日/ }).click();
  await expect(calendar).toBeHidden();
  await expect(until.getByRole('textbox')).toHaveValue('2026-11-03');
  await expect(list.rows).toHaveCount(1);
  await expect(list.row(FRIDGE)).toBeVisible();
  cleanup();
});
