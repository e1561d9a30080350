import type { Locator, Page } from '@playwright/test';

export class NotificationsPage {
  readonly table: Locator;
  readonly rows: Locator;
  readonly emptyState: Locator;
  readonly backLink: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByRole('table', { name: '通报列表' });
    this.rows = this.table.locator('tbody tr');
    this.emptyState = page.getByRole('heading', { name: '还没有通报' });
    this.backLink = page.getByRole('link', { name: /返回通报列表/ });
  }

  symbolLink(symbol: string): Locator {
    return this.table.getByRole('link', { name: symbol, exact: true });
  }

  row(symbol: string): Locator {
    return this.rows.filter({ has: this.page.getByRole('link', { name: symbol, exact: true }) });
  }

  async open(symbol: string): Promise<void> {
    await this.symbolLink(symbol).click();
  }

  detailHeading(symbol: string): Locator {
    return this.page.getByRole('heading', { level: 2, name: symbol, exact: true });
  }

  /** The value shown under one labelled field of the detail view. */
  field(label: string): Locator {
    return this.page.locator('.field').filter({ has: this.page.locator('dt', { hasText: label }) }).locator('dd');
  }
}
