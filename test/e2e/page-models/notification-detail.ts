import type { Locator, Page } from '@playwright/test';

/** One notification record with its triage and translation forms. */
export class NotificationDetailPage {
  readonly triage: Locator;
  readonly status: Locator;
  readonly relevance: Locator;
  readonly assignee: Locator;
  readonly notes: Locator;
  readonly saveTriage: Locator;
  readonly translation: Locator;
  readonly titleZh: Locator;
  readonly saveTranslation: Locator;
  readonly activity: Locator;
  readonly headerTitle: Locator;

  constructor(readonly page: Page) {
    this.triage = page.getByRole('form', { name: '评议处理' });
    this.status = this.triage.getByLabel('处理状态');
    this.relevance = this.triage.getByLabel('相关程度');
    this.assignee = this.triage.getByLabel('负责人');
    this.notes = this.triage.getByLabel('备注');
    this.saveTriage = this.triage.getByRole('button', { name: '保存评议处理' });
    this.translation = page.getByRole('form', { name: '中文译文' });
    this.titleZh = this.translation.getByLabel('中文标题');
    this.saveTranslation = this.translation.getByRole('button', { name: '保存译文' });
    this.activity = page.getByRole('table', { name: '操作记录' });
    this.headerTitle = page.locator('.detail-title');
  }

  industry(name: string): Locator {
    return this.triage.getByLabel(name, { exact: true });
  }

  toast(text: string): Locator {
    return this.page.locator('.toast').filter({ hasText: text });
  }
}
