import type { Page } from '@playwright/test';
import { expect, test, type PingyiServer } from './fixtures';
import { AppFrame } from './page-models/app-frame';
import { DashboardPage } from './page-models/dashboard-page';
import { NotificationsPage } from './page-models/notifications-page';

// The desktop window's minimum size (electron/main/window-options.ts).
test.use({ viewport: { width: 1024, height: 640 } });

/** A fresh store with the demo data loaded, the dashboard on screen. */
async function withDemo(page: Page, server: PingyiServer): Promise<{ frame: AppFrame; list: NotificationsPage }> {
  const frame = new AppFrame(page);
  const dashboard = new DashboardPage(page);
  await frame.open(server);
  await dashboard.loadDemoButton.click();
  await expect(dashboard.notice).toBeVisible();
  return { frame, list: new NotificationsPage(page) };
}

test('in the narrowest window the rail keeps its icons and the list its titles, and the keyboard alone gets around', async ({ page, server }) => {
  const { frame, list } = await withDemo(page, server);

  // The rail shows icons only, and its links keep their names.
  const rail = await frame.nav.boundingBox();
  expect(rail?.width).toBeLessThanOrEqual(80);
  await expect(frame.navLink('通报')).toHaveAttribute('title', '通报（Ctrl+2）');

  // Ctrl+2, then ↓ ↓ Enter: no click needed to start moving through the list.
  await page.keyboard.press('Control+2');
  await expect(frame.title).toHaveText('通报');
  await expect(list.rows.first()).toBeVisible();
  const symbolAt = async (i: number): Promise<string> => (await list.rows.nth(i).locator('.cell-symbol a').innerText()).trim();
  const second = await symbolAt(1);
  const third = await symbolAt(2);

  // The title column keeps its room, and the toolbar stays on one line.
  const title = await list.table.getByRole('columnheader', { name: /标题/ }).boundingBox();
  expect(title?.width).toBeGreaterThanOrEqual(150);
  const search = await list.searchBox.boundingBox();
  const importButton = await list.importButton.boundingBox();
  expect(Math.abs((importButton?.y ?? 0) - (search?.y ?? 100))).toBeLessThan(8);

  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(list.detailHeading(second)).toBeVisible();

  // Ctrl+. opens the next one in the list's order, and Esc goes back to the row last shown.
  await expect(page.getByRole('group', { name: '在列表中的位置' })).toContainText('第 2 条，共');
  await page.keyboard.press('Control+Period');
  await expect(page.getByRole('group', { name: '在列表中的位置' })).toContainText('第 3 条，共');
  await expect(list.detailHeading(third)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(list.table).toBeVisible();
  await expect(list.rows.nth(2)).toHaveAttribute('aria-current', 'true');

  // F1 lists the shortcuts; Esc closes the list and leaves the page as it was.
  await page.keyboard.press('F1');
  const shortcuts = page.getByRole('dialog', { name: '键盘快捷键' });
  await expect(shortcuts).toBeVisible();
  await expect(shortcuts.getByText('打开所选通报')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(shortcuts).toBeHidden();
  await expect(frame.title).toHaveText('通报');
});

test('a batch closes several notifications at once, after a question, and the list shows it', async ({ page, server }) => {
  const { frame, list } = await withDemo(page, server);
  await page.keyboard.press('Control+2');
  await expect(list.rows.first()).toBeVisible();

  // The first row with the box, the second with Space.
  await list.rows.nth(0).getByRole('checkbox').check();
  await expect(frame.title).toHaveText('通报');
  await page.getByRole('region', { name: /通报列表/ }).focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Space');
  const bar = page.getByRole('region', { name: '批量处理' });
  await expect(bar.getByRole('status')).toHaveText('已选 2 条');
  await bar.getByLabel('处理状态').selectOption('closed');
  await bar.getByLabel('负责人', { exact: true }).fill('王评议');
  await bar.getByRole('button', { name: '应用' }).click();
  const question = page.getByRole('dialog', { name: '批量修改 2 条通报？' });
  await expect(question).toContainText('处理状态改为“已结束”，负责人改为“王评议”');
  await question.getByRole('button', { name: '修改 2 条' }).click();
  await expect(page.getByText('已修改 2 条通报，0 条原已如此')).toBeVisible();
  await expect(bar).toBeHidden();
  for (const i of [0, 1]) await expect(list.rows.nth(i).locator('.cell-status')).toHaveText('已结束');
  await expect(list.rows.nth(2).locator('.cell-status')).not.toHaveText('已结束');

  // Each change is in the record's activity.
  await list.rows.nth(1).locator('.cell-symbol a').click();
  await expect(page.getByRole('region', { name: '操作记录' })).toContainText('王评议');
});

test('Ctrl+A ticks every notification the list matches, not only the rows in view; the header box unticks them', async ({ page, server }) => {
  const { list } = await withDemo(page, server);
  await page.keyboard.press('Control+2');
  await expect(list.rows.first()).toBeVisible();
  const summary = page.getByText(/^共 \d+ 条$/);
  const total = Number((await summary.innerText()).replace(/\D/g, ''));
  expect(total).toBeGreaterThan(1);

  await page.keyboard.press('Control+a');
  const bar = page.getByRole('region', { name: '批量处理' });
  await expect(bar.getByRole('status')).toHaveText(`已选 ${total} 条`);
  const header = list.table.getByRole('checkbox', { name: '取消选择' });
  await expect(header).toBeChecked();
  await header.click();
  await expect(bar).toBeHidden();
  await expect(list.rows.first().getByRole('checkbox')).not.toBeChecked();
});

test('the comments table fits the narrowest window, its last column on screen', async ({ page, server }) => {
  const { frame } = await withDemo(page, server);
  await page.keyboard.press('Control+3');
  await expect(frame.title).toHaveText('评议意见');
  const table = page.getByRole('table', { name: /评议意见/ });
  await expect(table.getByRole('row').nth(1)).toBeVisible();
  const updated = await table.getByRole('columnheader', { name: '更新时间' }).boundingBox();
  expect((updated?.x ?? 2000) + (updated?.width ?? 0)).toBeLessThanOrEqual(1024);
  const overflow = await table.evaluate((el) => el.scrollWidth - (el.parentElement?.clientWidth ?? 0));
  expect(overflow).toBeLessThanOrEqual(0);
});

test('on a long notification page only the page scrolls: the wheel over the rail leaves the frame in place', async ({ page, server }) => {
  const { frame, list } = await withDemo(page, server);
  await page.keyboard.press('Control+2');
  await expect(list.rows.first()).toBeVisible();
  await list.rows.first().locator('.cell-symbol a').click();
  await expect(page.getByRole('region', { name: '操作记录' })).toBeAttached();

  // The page is taller than the window, and the window itself is not.
  const main = page.locator('.app-main');
  expect(await main.evaluate((el) => el.scrollHeight - el.clientHeight)).toBeGreaterThan(0);
  const root = page.locator('html');
  expect(await root.evaluate((el) => el.scrollHeight - el.clientHeight)).toBeLessThanOrEqual(0);

  const rail = await frame.nav.boundingBox();
  await page.mouse.move((rail?.x ?? 0) + 20, (rail?.y ?? 0) + 300);
  await page.mouse.wheel(0, 2000);
  await page.waitForTimeout(200);
  expect(await root.evaluate((el) => el.scrollTop)).toBe(0);
  await expect(frame.title).toBeInViewport();
});
