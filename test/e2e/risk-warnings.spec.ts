import type { APIRequestContext } from '@playwright/test';
import fs from 'node:fs';
import { creditCodeCheckCharacter } from '../../shared/domain/credit-code';
import { epingRow, fixtureDir, writeEpingXlsx } from '../fixtures/eping-fixtures';
import { E2E_TODAY, expect, test, type PingyiServer } from './fixtures';
import { AppFrame } from './page-models/app-frame';
import { ImportDialog } from './page-models/import-dialog';
import { NotificationsPage } from './page-models/notifications-page';
import { WarningsPage } from './page-models/warnings-page';

const TOKEN_HEADER = 'x-pingyi-token';
// An invented symbol in the 9100s, like the other specs': a test record, not a WTO one.
const BATTERIES = 'G/TBT/N/SAU/9151';
const ENTERPRISE = '宁远新能源电池有限公司';
const CODE_17 = '91330100MA2B3C4D5';
const CREDIT_CODE = CODE_17 + creditCodeCheckCharacter(CODE_17);

/** The day `days` after E2E_TODAY, as ePing writes dates (DD/MM/YYYY). */
function epingDate(days: number): string {
  const iso = new Date(Date.parse(`${E2E_TODAY}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** Call one channel of the backend as the window does over HTTP, and return its value. */
async function call<T>(server: PingyiServer, request: APIRequestContext, channel: string, input: unknown): Promise<T> {
  const response = await request.post(`${server.baseUrl}/api/${channel}`, { data: input, headers: { [TOKEN_HEADER]: server.token, origin: server.baseUrl } });
  const body = (await response.json()) as { ok: boolean; value?: T; error?: unknown };
  if (!body.ok) throw new Error(`${channel} failed: ${JSON.stringify(body.error)}`);
  return body.value as T;
}

test('a battery exporter to Saudi Arabia gets an explained red or orange warning, plans a response and downloads the letter', async ({ page, request, server }) => {
  const dir = fixtureDir();
  const file = await writeEpingXlsx(dir.file('eping-batteries.xlsx'), [
    epingRow({
      'Document symbol': BATTERIES,
      'Notifying Member': 'Saudi Arabia, Kingdom of',
      Title: 'Technical regulation for lithium-ion batteries',
      Description: 'The draft technical regulation sets safety requirements for lithium-ion batteries and requires mandatory certification of conformity before they are placed on the market.',
      'Products covered': 'Lithium-ion batteries',
      'HS code(s)': '8507.60',
      Keywords: 'Batteries, Conformity assessment, Certification',
      'Distribution date': epingDate(-5),
      'Final date for comments': epingDate(30),
    }),
  ]);
  try {
    // The team and the enterprise, as the registry holds them.
    const team = await call<Array<{ uid: string; name: string }>>(server, request, 'analystsSave', { name: '王评议', active: true });
    await call(server, request, 'analystsSetActing', { uid: team.find((a) => a.name === '王评议')!.uid });
    await call(server, request, 'enterprisesSave', {
      name: ENTERPRISE,
      creditCode: CREDIT_CODE,
      province: '浙江',
      industry: '锂电池',
      exposure: [{ hsCode: '850760', market: 'SAU', annualExportUsd: 5_000_000 }],
    });

    const frame = new AppFrame(page);
    const importer = new ImportDialog(page);
    const list = new NotificationsPage(page);
    const warnings = new WarningsPage(page);
    await frame.open(server);

    // Import the matching notification.
    await frame.goTo('通报');
    await list.importButton.click();
    await importer.fileInput.setInputFiles(file);
    await expect(importer.report).toBeVisible();
    await expect(importer.count('新增')).toHaveText('1');
    await importer.closeButton.click();

    // The inbox shows the warning, red or orange, with the enterprise's credit code and a direct match.
    await frame.goTo('风险预警');
    const row = warnings.row(BATTERIES, ENTERPRISE);
    await expect(row).toBeVisible({ timeout: 60_000 });
    await expect(row).toContainText(CREDIT_CODE);
    await expect(row).toContainText('直接匹配');
    await expect(row.locator('.warning-level')).toHaveAttribute('data-level', /^(red|orange)$/);

    // Its explanation: every factor, points that add up to the score.
    await warnings.open(BATTERIES, ENTERPRISE);
    await expect(warnings.explanation).toBeVisible();
    await expect(warnings.factorRows).toHaveCount(9);
    const points = await warnings.factorPoints();
    const scoreText = (await warnings.score().textContent()) ?? '';
    const score = Number(/\d+/.exec(scoreText)?.[0]);
    expect(points.reduce((a, b) => a + b, 0)).toBe(score);
    await expect(warnings.sum).toHaveText(String(score));
    await expect(warnings.factor('exposure')).toContainText('5,000,000');
    await expect(warnings.factor('match')).toContainText('850760');
    await expect(warnings.levelBadge()).toHaveAttribute('data-level', /^(red|orange)$/);

    // Plan the response: a comment by 王评议 before the comment deadline.
    await warnings.planButton.click();
    await warnings.planForm.getByLabel('应对方式').selectOption('comment');
    await warnings.planForm.getByLabel('负责人').selectOption({ label: '王评议' });
    await warnings.planForm.getByLabel('说明').fill('就强制认证的过渡期提出评议意见');
    await warnings.planForm.getByRole('button', { name: '保存应对方案' }).click();
    await expect(warnings.detail.locator('.warning-response')).toContainText('提交评议意见');
    await expect(warnings.detail.locator('.warning-response')).toContainText('王评议');
    await expect(warnings.detail.locator('.warning-detail-head')).toContainText('已制定应对');

    // The letter, as Word: a .docx that is a zip.
    const download = page.waitForEvent('download');
    await warnings.makeWord.click();
    const saved = await download;
    expect(saved.suggestedFilename()).toMatch(/\.docx$/);
    const bytes = fs.readFileSync(await saved.path());
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
    await expect(warnings.letters).toContainText(saved.suggestedFilename());
  } finally {
    dir.cleanup();
  }
});
