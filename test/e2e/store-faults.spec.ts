import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from './fixtures';
import { AppFrame } from './page-models/app-frame';
import { SettingsPage } from './page-models/settings-page';
import { StoreHealth } from './page-models/store-health';

const CLI = path.resolve('dist/cli.cjs');

function damageStore(dataDir: string): void {
  // Demo data through the real CLI, then random bytes over a middle page of the full-text
  // index (which the list's first page and the app info do not read).
  execFileSync(process.execPath, [CLI, 'demo', '--data-dir', dataDir], { stdio: 'ignore' });
  const file = path.join(dataDir, 'pingyi.sqlite3');
  const db = new Database(file);
  const pages = db
    .prepare("SELECT pageno FROM dbstat WHERE name = 'notifications_fts_data' AND pagetype = 'leaf' ORDER BY pageno")
    .pluck()
    .all() as number[];
  const pageSize = Number(db.pragma('page_size', { simple: true }));
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  const page = pages[Math.floor(pages.length / 2)]!;
  const bytes = crypto.randomBytes(pageSize);
  bytes[0] = 0xff;
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, bytes, 0, pageSize, (page - 1) * pageSize);
  fs.closeSync(fd);
}

test('the store check in Settings runs the full check and says the store is sound', async ({ page, server }) => {
  const frame = new AppFrame(page);
  const health = new StoreHealth(page);
  await frame.open(server);
  await frame.goTo('设置');
  await health.checkButton.click();
  await expect(health.checkResult).toContainText('检查通过：数据库完好（完整检查');
  await expect(health.damagedBanner).toHaveCount(0);
});

test.describe('a store damaged inside the file', () => {
  test.use({ prepareDataDir: { run: damageStore } });

  test('is found at start, offers the recovery choices, and read-only shows a lasting banner and refuses saves', async ({ page, server }) => {
    const frame = new AppFrame(page);
    const health = new StoreHealth(page);
    const settings = new SettingsPage(page);
    await page.goto(server.launchUrl);
    const choices = page.getByRole('group', { name: '数据库无法打开' });
    await expect(choices).toBeVisible();
    await expect(choices.getByRole('button', { name: '退出' })).toBeVisible();
    await choices.getByRole('button', { name: '以只读方式打开' }).click();
    await expect(frame.nav).toBeVisible();
    await expect(health.damagedBanner).toBeVisible();
    await expect(health.damagedBanner).toContainText('设置 › 备份');
    await health.damagedBanner.getByRole('button', { name: '前往设置' }).click();
    await settings.deadlineDays.fill('9');
    await settings.saveButton.click();
    await expect(frame.errorBanner).toBeVisible();
    await expect(frame.errorBanner).not.toContainText('INTERNAL');
    await page.reload();
    await expect(health.damagedBanner).toBeVisible();
    await expect(settings.deadlineDays).toHaveValue('5');
  });
});
