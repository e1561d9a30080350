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

  /**
   * Where ECharts drew the first category's bar of a horizontal bar chart (the top one): a bar,
   * not the legend's swatch, so a test clicks the chart itself as a mouse would.
   */
  async firstBarCentre(title: string): Promise<{ x: number; y: number }> {
    const svg = this.chart(title).locator('.chart-view svg');
    await svg.scrollIntoViewIfNeeded();
    const centre = await svg.evaluate((root) => {
      const box = root.getBoundingClientRect();
      const bars = [...root.querySelectorAll('path')]
        .filter((p) => ['#1f4e9c', '#2e9d6a'].includes((p.getAttribute('fill') ?? '').toLowerCase()))
        .map((p) => p.getBoundingClientRect())
        // The legend's swatches sit at the bottom and are small and square; bars are wider than tall.
        .filter((r) => r.width > r.height && r.bottom < box.bottom - 36 && r.width > 3)
        .sort((a, b) => a.top - b.top || b.width - a.width);
      const bar = bars[0];
      return bar ? { x: bar.left + bar.width / 2, y: bar.top + bar.height / 2 } : null;
    });
    if (!centre) throw new Error(`no bar drawn in the chart ${title}`);
    return centre;
  }

  /** The number on the dashboard card with this label. */
  stat(label: string): Locator {
    return this.page.getByRole('group', { name: label, exact: true }).locator('.stat-value');
  }
}
