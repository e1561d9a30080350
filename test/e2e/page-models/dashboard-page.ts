import type { Locator, Page } from '@playwright/test';

export class DashboardPage {
  readonly demoOffer: Locator;
  readonly loadDemoButton: Locator;
  readonly dismissDemoButton: Locator;
  readonly notice: Locator;
  readonly viewNotificationsButton: Locator;

  constructor(readonly page: Page) {
    this.demoOffer = page.getByRole('region', { name: '第一次使用？' });
    this.loadDemoButton = this.demoOffer.getByRole('button', { name: '加载示例数据' });
    this.dismissDemoButton = this.demoOffer.getByRole('button', { name: '不用了' });
    this.notice = page.locator('.banner-success');
    this.viewNotificationsButton = page.getByRole('button', { name: '查看通报' });
  }

  /** A chart of the dashboard, by its title. */
  chart(title: string): Locator {
    return this.page.locator('section.dashboard-chart').filter({ has: this.page.getByRole('heading', { name: title, exact: true }) });
  }

  /** The buttons beside a chart, one per category ("沙特阿拉伯 3"). */
  chartLinks(title: string): Locator {
    return this.page.getByRole('list', { name: `${title}：逐项查看` }).getByRole('button');
  }

  /** The number on the dashboard card with this label. */
  stat(label: string): Locator {
    return this.page.getByRole('group', { name: label, exact: true }).locator('.stat-value');
  }
}
