import { expect, type Locator, type Page } from '@playwright/test';

/** The comments section: tabs, "acting as", the list and the new-comment dialog. */
export class CommentsPage {
  readonly tabs: Locator;
  readonly actingAs: Locator;
  readonly table: Locator;
  readonly newButton: Locator;
  readonly newDialog: Locator;

  constructor(readonly page: Page) {
    this.tabs = page.getByRole('navigation', { name: '评议意见分区' });
    this.actingAs = page.getByLabel('当前身份');
    this.table = page.getByRole('table', { name: '评议意见列表' });
    this.newButton = page.getByRole('button', { name: '新建评议意见' });
    this.newDialog = page.getByRole('dialog', { name: '新建评议意见' });
  }

  async openTab(label: '评议意见' | '统计' | '贸易关注' | '意见模板'): Promise<void> {
    await this.tabs.getByRole('link', { name: label, exact: true }).click();
    await expect(this.tabs.getByRole('link', { name: label, exact: true })).toHaveAttribute('aria-current', 'page');
  }

  /** Act as the analyst named (the picker's options are analysts by uid, labelled by name). */
  async actAs(name: string): Promise<void> {
    await this.actingAs.selectOption({ label: name });
    await expect(this.acting()).toHaveText(name);
  }

  /** The analyst the workstation acts as, as the picker shows it. */
  acting(): Locator {
    return this.actingAs.locator('option:checked');
  }

  /** The list row of the comment on this notification symbol. */
  row(symbol: string): Locator {
    return this.table.locator('tbody tr').filter({ hasText: symbol });
  }

  /** In the new-comment dialog: the chosen notification and the button that creates the draft. */
  pickedNotification(): Locator {
    return this.newDialog.locator('.picked-notification');
  }

  async createDraft(): Promise<void> {
    await this.newDialog.getByRole('button', { name: '创建草稿' }).click();
    await expect(this.newDialog).toBeHidden();
    await expect(this.page).toHaveURL(/#\/comments\/\d+$/);
  }
}
