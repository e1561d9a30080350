import type { Locator, Page } from '@playwright/test';

export class SettingsPage {
  readonly deadlineDays: Locator;
  readonly saveButton: Locator;
  readonly savedNote: Locator;
  readonly countryTable: Locator;
  readonly about: Locator;
  readonly calendar: Locator;
  readonly calendarPaste: Locator;
  readonly calendarTable: Locator;

  constructor(readonly page: Page) {
    this.deadlineDays = page.getByLabel('内部截止提前工作日');
    this.saveButton = page.getByRole('button', { name: '保存设置' });
    this.savedNote = page.getByRole('status').filter({ hasText: '设置已保存' });
    this.countryTable = page.getByRole('table', { name: '上合组织国家参考表' });
    this.about = page.getByRole('region', { name: '关于' });
    this.calendar = page.getByRole('region', { name: '工作日历（节假日与调休）' });
    this.calendarPaste = this.calendar.getByLabel('粘贴安排');
    this.calendarTable = this.calendar.getByRole('table', { name: '节假日与调休安排' });
  }

  /** The language select is labelled in the current language. */
  languageSelect(locale: 'zh-CN' | 'en' = 'zh-CN'): Locator {
    return this.page.getByLabel(locale === 'zh-CN' ? '界面语言' : 'Interface language');
  }

  countryRow(code: string): Locator {
    return this.countryTable.locator('tbody tr').filter({ has: this.page.getByRole('cell', { name: code, exact: true }) });
  }
}
