import type { Locator, Page } from '@playwright/test';

/** The risk warnings inbox (#/warnings) and the warning open beside it. */
export class WarningsPage {
  readonly levels: Locator;
  readonly inbox: Locator;
  readonly rows: Locator;
  readonly detail: Locator;
  readonly explanation: Locator;
  readonly factorRows: Locator;
  readonly sum: Locator;
  readonly planButton: Locator;
  readonly planForm: Locator;
  readonly letters: Locator;
  readonly makeWord: Locator;

  constructor(readonly page: Page) {
    this.levels = page.getByRole('group', { name: '等级' });
    this.inbox = page.getByTestId('warnings-inbox');
    this.rows = this.inbox.locator('tbody tr');
    this.detail = page.getByRole('complementary', { name: '预警详情' });
    this.explanation = this.detail.getByRole('region', { name: '评分依据' });
    this.factorRows = this.explanation.locator('tbody tr[data-factor]');
    this.sum = this.explanation.getByTestId('warning-sum');
    this.planButton = this.detail.getByRole('button', { name: '制定应对' });
    this.planForm = this.detail.getByRole('form', { name: '制定应对' });
    this.letters = this.detail.getByRole('region', { name: '预警函' });
    this.makeWord = this.letters.getByRole('button', { name: '生成 Word 预警函' });
  }

  /** The row of the warning on this measure for this target (an enterprise's name). */
  row(symbol: string, target: string): Locator {
    return this.rows.filter({ hasText: symbol }).filter({ hasText: target });
  }

  /** Open a warning from its row. */
  async open(symbol: string, target: string): Promise<void> {
    await this.row(symbol, target).getByRole('link').click();
  }

  /** The points each factor of the open warning earned, in the order shown. */
  async factorPoints(): Promise<number[]> {
    const values = await this.factorRows.locator('[data-points]').evaluateAll((cells) => cells.map((c) => Number(c.getAttribute('data-points'))));
    return values;
  }

  factor(key: string): Locator {
    return this.explanation.locator(`tr[data-factor="${key}"]`);
  }

  /** The score in the open warning's header ("得分 75"). */
  score(): Locator {
    return this.detail.locator('.warning-score');
  }

  levelBadge(): Locator {
    return this.detail.locator('.warning-detail-head .warning-level');
  }

  toast(text: string): Locator {
    return this.page.locator('.toast').filter({ hasText: text });
  }
}
