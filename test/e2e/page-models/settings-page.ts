import type { Locator, Page } from '@playwright/test';

export class SettingsPage {
  readonly analystName: Locator;
  readonly deadlineDays: Locator;
  readonly saveButton: Locator;
  readonly savedNote: Locator;
  readonly countryTable: Locator;
  readonly about: Locator;

  constructor(readonly page: Page) {
    this.analystName = page.getByLabel('分析员姓名');
    this.deadlineDays = page.getByLabel('内部截止提前工作日');
    this.saveButton = page.getByRole('button', { name: '保存设置' });
    this.savedNote = page.getByRole('status').filter({ hasText: '设置已保存' });
    this.countryTable = page.getByRole('table', { name: '上合组织国家参考表' });
    this.about = page.getByRole('region', { name: '关于' });
  }

  /** The language select is labelled in the current language. */
  languageSelect(locale: 'zh-CN' | 'en' = 'zh-CN'): Locator {
    return this.page.getByLabel(locale === 'zh-CN' ? '界面语言' : 'Interface language');
  }

  countryRow(code: string): Locator {
    return this.countryTable.locator('tbody tr').filter({ has: this.page.getByRole('cell', { name: code, exact: true }) });
  }
}
