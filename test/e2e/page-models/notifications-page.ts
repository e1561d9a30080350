import type { Locator, Page } from '@playwright/test';

/** The notification list: toolbar, search, filters and the virtualised table. */
export class NotificationsPage {
  readonly table: Locator;
  readonly rows: Locator;
  readonly emptyState: Locator;
  readonly backLink: Locator;
  readonly toolbar: Locator;
  readonly searchBox: Locator;
  readonly importButton: Locator;
  readonly newButton: Locator;
  readonly filtersButton: Locator;
  readonly total: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByRole('table', { name: '通报列表' });
    // Spacer and placeholder rows of the virtual list carry no link.
    this.rows = this.table.locator('tbody tr.list-row');
    this.emptyState = page.getByRole('heading', { name: '还没有通报' });
    this.backLink = page.getByRole('link', { name: /返回通报列表/ });
    this.toolbar = page.locator('.list-toolbar');
    this.searchBox = page.getByRole('searchbox', { name: '搜索通报' });
    this.importButton = this.toolbar.getByRole('button', { name: '导入', exact: true });
    this.newButton = this.toolbar.getByRole('button', { name: '手动录入' });
    this.filtersButton = this.toolbar.getByRole('button', { name: /^筛选/ });
    this.total = page.locator('.list-total');
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

  /** The search hits marked in a row's titles. */
  marks(symbol: string): Locator {
    return this.row(symbol).locator('mark');
  }

  columnHeader(label: string): Locator {
    return this.table.getByRole('button', { name: label, exact: true });
  }

  detailHeading(symbol: string): Locator {
    return this.page.getByRole('heading', { level: 2, name: symbol, exact: true });
  }

  /** The value shown under one labelled field of the detail view. */
  field(label: string): Locator {
    return this.page.locator('.field').filter({ has: this.page.locator('dt', { hasText: label }) }).locator('dd');
  }
}
