import fs from 'node:fs';
import { epingCsvText, epingRow, fixtureDir, writeEpingXlsx } from '../fixtures/eping-fixtures';
import { expect, test } from './fixtures';
import { AppFrame } from './page-models/app-frame';
import { ImportDialog } from './page-models/import-dialog';
import { NotificationsPage } from './page-models/notifications-page';

// Invented symbols in the 9200s: test records, not WTO ones.
const FRIDGE = 'G/TBT/N/SAU/9201';
const BATTERY = 'G/TBT/N/ARE/9202';

test('a later row of the same symbol wins and a repeated row is a notice; a file with no notifications is refused and kept in the history', async ({ page, server }) => {
  const dir = fixtureDir();
  try {
    const battery = epingRow({ 'Document symbol': BATTERY, Title: 'Traction batteries' });
    const file = await writeEpingXlsx(dir.file('extended.xlsx'), [
      epingRow({ 'Document symbol': FRIDGE, 'Final date for comments': '01/01/2027' }),
      battery,
      // Row 4: the comment period was extended. Row 5 repeats row 3.
      epingRow({ 'Document symbol': FRIDGE, 'Final date for comments': '15/02/2027' }),
      battery,
    ]);
    const empty = dir.file('empty.csv');
    fs.writeFileSync(empty, epingCsvText([]));

    const frame = new AppFrame(page);
    const list = new NotificationsPage(page);
    const importer = new ImportDialog(page);
    await frame.open(server);
    await frame.goTo('通报');
    await list.importButton.click();
    await importer.fileInput.setInputFiles(file);
    await expect(importer.report).toBeVisible();
    await expect(importer.count('新增')).toHaveText('2');
    await expect(importer.count('更新')).toHaveText('1');
    await expect(importer.count('提示')).toHaveText('2');
    await expect(importer.count('拒绝')).toHaveText('0');
    await expect(importer.noticeRows).toHaveCount(2);
    await expect(importer.noticeRows.nth(0)).toContainText('以本行较新的信息为准');
    await expect(importer.noticeRows.nth(1)).toContainText('与第 3 行完全相同，已跳过');
    await expect(importer.report).not.toContainText('DUPLICATE_ROW');
    await importer.detailsToggle.click();
    await expect(importer.noticeRows.nth(1)).toContainText('DUPLICATE_ROW');

    await importer.anotherFileButton.click();
    await importer.fileInput.setInputFiles(empty);
    await expect(importer.dialog.getByRole('alert')).toContainText('原因：文件中没有通报');
    await importer.anotherFileButton.click();
    await expect(importer.history.getByRole('row', { name: /empty\.csv/ })).toContainText('未导入：文件中没有通报');
    await expect(importer.history.getByRole('row', { name: /extended\.xlsx/ })).toContainText('已导入');
  } finally {
    dir.cleanup();
  }
});
