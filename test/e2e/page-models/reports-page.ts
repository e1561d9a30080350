import type { Download, Locator, Page } from '@playwright/test';

/** The reports section: kind cards, parameters, the preview page, the make panel and the history. */
export class ReportsPage {
  readonly preview: Locator;
  readonly makePanel: Locator;
  readonly makeButton: Locator;
  readonly history: Locator;

  constructor(readonly page: Page, readonly labels: { make: string; history: string } = { make: '生成', history: '已生成的报告' }) {
    this.preview = page.getByRole('article');
    this.makePanel = page.locator('.report-make');
    this.makeButton = this.makePanel.getByRole('button', { name: labels.make, exact: true });
    this.history = page.getByRole('region', { name: labels.history });
  }

  /** The card of a kind of report (简讯, 国别影响分析, 评议成效报告). */
  kind(name: string): Locator {
    return this.page.getByRole('radio', { name: new RegExp(`^${name}`) });
  }

  /** A period preset button (上个月, 上季度, 今年, 自定义). */
  preset(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  format(name: string): Locator {
    return this.makePanel.getByRole('checkbox', { name, exact: true });
  }

  /** The report just made: its message and download buttons. */
  get made(): Locator {
    return this.makePanel.locator('.report-run-done');
  }

  /** Click a download button of the report just made and catch the file. */
  async download(buttonName: string): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.made.getByRole('button', { name: buttonName }).click();
    return download;
  }
}
