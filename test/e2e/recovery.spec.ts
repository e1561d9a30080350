import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from './fixtures';
import { AppFrame } from './page-models/app-frame';
import { NotificationsPage } from './page-models/notifications-page';

const CLI = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'cli.cjs');
const DAMAGED = Buffer.alloc(64 * 1024, 0x5a);

/** A store with the demo data and a backup of it, then the store overwritten with garbage. */
function damagedStoreWithBackup(dataDir: string): void {
  execFileSync(process.execPath, [CLI, 'demo', '--data-dir', dataDir]);
  execFileSync(process.execPath, [CLI, 'backup', 'create', '--data-dir', dataDir]);
  fs.writeFileSync(path.join(dataDir, 'pingyi.sqlite3'), DAMAGED);
}

test.describe('start-up with a damaged store', () => {
  test.use({ prepareDataDir: { run: damagedStoreWithBackup } });

  test('offers the three choices and restoring the newest backup opens the app on its data', async ({ page, server }) => {
    await page.goto(server.launchUrl);
    const choices = page.getByRole('group', { name: '数据库无法打开' });
    await expect(choices).toBeVisible();
    await expect(choices).toContainText(path.join(server.dataDir, 'pingyi.sqlite3'));
    await expect(choices.getByRole('button', { name: '以只读方式打开' })).toBeVisible();
    await expect(choices.getByRole('button', { name: '退出' })).toBeVisible();
    await choices.getByRole('button', { name: '恢复最新的备份' }).click();

    const frame = new AppFrame(page);
    await expect(frame.nav).toBeVisible();
    await frame.goTo('通报');
    await expect(new NotificationsPage(page).rows.first()).toBeVisible();
    // The damaged file was moved aside, byte for byte, not deleted.
    const replaced = fs.readdirSync(path.join(server.dataDir, 'replaced'));
    expect(fs.readFileSync(path.join(server.dataDir, 'replaced', replaced[0]!, 'pingyi.sqlite3')).equals(DAMAGED)).toBe(true);
  });
});
