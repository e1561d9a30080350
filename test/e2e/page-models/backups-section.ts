import { expect, type Locator, type Page } from '@playwright/test';

/** Settings › Backups and recovery. */
export class BackupsSection {
  readonly region: Locator;
  readonly createButton: Locator;
  readonly table: Locator;
  readonly rows: Locator;
  readonly confirmDialog: Locator;

  constructor(readonly page: Page) {
    this.region = page.getByRole('region', { name: '备份与恢复' });
    this.createButton = this.region.getByRole('button', { name: '立即备份' });
    this.table = this.region.getByRole('table', { name: '备份列表' });
    this.rows = this.table.locator('tbody tr');
    this.confirmDialog = page.getByRole('dialog');
  }

  /** Rows of one kind (每日, 每周, 手动 …). */
  rowsOfKind(kind: string): Locator {
    return this.rows.filter({ has: this.page.getByRole('cell', { name: kind, exact: true }) });
  }

  async backUpNow(): Promise<void> {
    const before = await this.rowsOfKind('手动').count();
    await this.createButton.click();
    await expect(this.rowsOfKind('手动')).toHaveCount(before + 1);
    await expect(this.createButton).toBeEnabled();
  }

  /** Restore the backup on `row`, agreeing to the confirmation; returns the confirmation's text. */
  async restore(row: Locator): Promise<string> {
    await row.getByRole('button', { name: /^恢复/ }).click();
    const text = (await this.confirmDialog.textContent()) ?? '';
    await this.confirmDialog.getByRole('button', { name: '恢复这份备份' }).click();
    await expect(this.confirmDialog).toHaveCount(0);
    return text;
  }
}
