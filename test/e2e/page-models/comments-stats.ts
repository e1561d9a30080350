import type { Locator, Page } from '@playwright/test';

/** #/comments/stats: the totals and the tables. */
export class CommentsStats {
  constructor(readonly page: Page) {}

  /** The figure on the card with this label ("采纳率"). */
  figure(label: string): Locator {
    return this.page.getByRole('group', { name: label, exact: true }).locator('.stat-value');
  }

  table(title: string): Locator {
    return this.page.getByRole('table', { name: title });
  }
}
