import type { Locator, Page } from '@playwright/test';

/** The import dialog: file choice, progress, report and history. */
export class ImportDialog {
  readonly dialog: Locator;
  readonly fileInput: Locator;
  readonly report: Locator;
  readonly rejectedRows: Locator;
  readonly noticeRows: Locator;
  readonly detailsToggle: Locator;
  readonly saveReportButton: Locator;
  readonly anotherFileButton: Locator;
  readonly closeButton: Locator;
  readonly history: Locator;
  readonly outcome: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: '导入通报' });
    this.fileInput = this.dialog.getByLabel('选择要导入的文件');
    this.report = this.dialog.getByRole('region', { name: '导入报告' });
    this.rejectedRows = this.report.getByRole('table', { name: '被拒绝的行' }).locator('tbody tr');
    this.noticeRows = this.report.getByRole('table', { name: '有提示的行' }).locator('tbody tr');
    this.detailsToggle = this.dialog.getByRole('button', { name: /技术细节/ });
    this.saveReportButton = this.dialog.getByRole('button', { name: '保存报告' });
    this.anotherFileButton = this.dialog.getByRole('button', { name: '导入其他文件' });
    this.closeButton = this.dialog.locator('.modal-footer').getByRole('button', { name: '关闭' });
    this.history = this.dialog.getByRole('table', { name: '导入记录' });
    this.outcome = this.dialog.locator('.import-outcome');
  }

  /** The figure on one of the report's count cards (新增, 更新, 未变, 提示, 拒绝). */
  count(label: string): Locator {
    return this.report.getByRole('group', { name: label }).locator('.report-count-value');
  }
}
