import type { Locator, Page } from '@playwright/test';

/** The damaged-store banner and the store check box in Settings. */
export class StoreHealth {
  readonly damagedBanner: Locator;
  readonly checkBox: Locator;
  readonly checkButton: Locator;
  readonly checkResult: Locator;

  constructor(readonly page: Page) {
    this.damagedBanner = page.getByRole('alert', { name: '数据库已损坏，目前为只读' });
    this.checkBox = page.getByRole('region', { name: '数据库检查' });
    this.checkButton = this.checkBox.getByRole('button', { name: '立即检查数据库' });
    this.checkResult = this.checkBox.getByRole('status');
  }
}
