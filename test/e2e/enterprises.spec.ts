import ExcelJS from 'exceljs';
import { fixtureDir } from '../fixtures/eping-fixtures';
import { expect, test } from './fixtures';
import { AppFrame } from './page-models/app-frame';
import { EnterprisesPage } from './page-models/enterprises-page';

/** The import's Chinese headers, as the template writes them. */
const HEADERS = ['企业名称', '统一社会信用代码', '所在地区', '行业', 'HS编码', '出口市场', '年出口额（美元）', '联系人', '电话', '邮箱'];

// Invented enterprises; the codes carry their GB 32100 check characters (the last row's is wrong on purpose).
const ROWS = [
  ['深圳锂能科技有限公司', '91440300MA5EXAMP5U', '广东省深圳市', '锂离子电池', '850760', 'SAU', 3400000, '周琳', '0755-8888 0002', 'zhou@example.com'],
  ['深圳锂能科技有限公司', '91440300MA5EXAMP5U', '广东省深圳市', '锂离子电池', '850760', 'KAZ', 1200000, '周琳', '0755-8888 0002', 'zhou@example.com'],
  ['错码贸易有限公司', '91350100M000100Y45', '福建省厦门市', '水产品', '030389', 'KAZ', 500000, '', '', ''],
];

async function writeEnterpriseXlsx(file: string): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('企业名单');
  sheet.addRow(HEADERS);
  for (const row of ROWS) sheet.addRow(row);
  await workbook.xlsx.writeFile(file);
  return file;
}

test('registers an enterprise in the form, imports a list with a rejected row, and opens an enterprise page', async ({ page, server }) => {
  const dir = fixtureDir();
  try {
    const file = await writeEnterpriseXlsx(dir.file('重点企业名单.xlsx'));
    const frame = new AppFrame(page);
    const enterprises = new EnterprisesPage(page);
    await frame.open(server);
    await frame.goTo('企业');

    // The form checks the credit code as it is typed, with the GB 32100 reason.
    await enterprises.newButton.click();
    await enterprises.field('企业名称').fill('福建海润水产有限公司');
    await enterprises.field('统一社会信用代码').fill('91350100M000100Y45');
    await expect(enterprises.creditCodeError()).toHaveText('校验码应为 3，不是 5（GB 32100—2015）');
    await enterprises.field('统一社会信用代码').fill('91350100M000100Y43');
    await expect(enterprises.creditCodeError()).toHaveCount(0);
    await enterprises.field('省份').fill('福建省');
    await enterprises.field('城市').fill('福州市');
    await enterprises.addExposureLine('030389', 'KAZ', '1250000');
    await enterprises.save();
    await expect(enterprises.heading('福建海润水产有限公司')).toBeVisible();
    await expect(enterprises.exposure.locator('tbody tr')).toHaveText([/哈萨克斯坦.*030389.*1,250,000/]);

    // Back to the list, then import the workbook.
    await page.getByRole('link', { name: /返回企业名单/ }).click();
    await expect(enterprises.row('福建海润水产有限公司')).toBeVisible();
    await enterprises.importButton.click();
    await enterprises.importDialog.locator('input[type="file"]').setInputFiles(file);
    await expect(enterprises.report).toBeVisible();
    await expect(enterprises.count('新增企业')).toHaveText('1');
    await expect(enterprises.count('拒绝')).toHaveText('1');
    await expect(enterprises.rejectedRows).toHaveCount(1);
    await expect(enterprises.rejectedRows.first()).toContainText('第 4 行');
    await expect(enterprises.rejectedRows.first()).toContainText('91350100M000100Y45');
    await expect(enterprises.rejectedRows.first()).toContainText(/应为 3，(而)?不是 5/);
    await enterprises.importDialog.getByRole('button', { name: '关闭' }).last().click();

    // The imported enterprise is listed with both markets; Enter opens it.
    const lithium = enterprises.row('深圳锂能科技有限公司');
    await expect(lithium).toContainText('4,600,000');
    await lithium.focus();
    await page.keyboard.press('Enter');
    await expect(enterprises.heading('深圳锂能科技有限公司')).toBeVisible();
    await expect(page).toHaveURL(/#\/enterprises\?uid=[0-9a-f-]{36}$/);
    await expect(enterprises.exposure.locator('tbody tr')).toHaveCount(2);
    await expect(enterprises.warnings).toBeVisible();
    await expect(enterprises.letters).toBeVisible();
  } finally {
    dir.cleanup();
  }
});
