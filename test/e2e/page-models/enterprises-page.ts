import type { Locator, Page } from '@playwright/test';

/** The enterprises section: its list, the enterprise form, the import dialog and an enterprise's page. */
export class EnterprisesPage {
  readonly search: Locator;
  readonly table: Locator;
  readonly newButton: Locator;
  readonly importButton: Locator;
  readonly form: Locator;
  readonly importDialog: Locator;
  readonly report: Locator;
  readonly rejectedRows: Locator;
  readonly exposure: Locator;
  readonly warnings: Locator;
  readonly letters: Locator;
  readonly history: Locator;

  constructor(readonly page: Page) {
    this.search = page.getByRole('searchbox', { name: '搜索企业' });
    this.table = page.getByRole('table', { name: '企业名单' });
    this.newButton = page.getByRole('button', { name: '新建企业' }).first();
    this.importButton = page.getByRole('button', { name: '导入企业名单' }).first();
    this.form = page.getByRole('dialog', { name: '新建企业' });
    this.importDialog = page.getByRole('dialog', { name: '导入企业名单' });
    this.report = this.importDialog.getByRole('region', { name: /^导入结果：/ });
    this.rejectedRows = this.report.getByRole('table', { name: '被拒绝的行' }).locator('tbody tr');
    this.exposure = page.getByRole('table', { name: '出口产品与市场' });
    this.warnings = page.getByRole('region', { name: '涉及的风险预警' });
    this.letters = page.getByRole('region', { name: '已生成的预警函' });
    this.history = page.getByRole('region', { name: '修改记录' });
  }

  /** A field of the enterprise form by its label. */
  field(label: string): Locator {
    return this.form.getByLabel(label, { exact: true });
  }

  /** The form's alert under the credit code (the GB 32100 reason). */
  creditCodeError(): Locator {
    return this.form.getByRole('alert');
  }

  /** Fill one exposure line (the form's last), adding it first. */
  async addExposureLine(hsCode: string, market: string, value: string): Promise<void> {
    await this.form.getByRole('button', { name: '添加一行' }).click();
    await this.form.getByLabel('HS 编码').last().fill(hsCode);
    await this.form.getByRole('combobox', { name: '市场' }).last().selectOption(market);
    await this.form.getByLabel('年出口额（美元）').last().fill(value);
  }

  async save(): Promise<void> {
    await this.form.getByRole('button', { name: '保存', exact: true }).click();
  }

  /** A figure of the import report, by its label (新增企业, 拒绝 ...). */
  count(label: string): Locator {
    return this.report.getByRole('group', { name: label, exact: true }).locator('.report-count-value');
  }

  row(name: string): Locator {
    return this.table.locator('tbody tr').filter({ hasText: name });
  }

  heading(name: string): Locator {
    return this.page.getByRole('heading', { level: 2, name });
  }
}
