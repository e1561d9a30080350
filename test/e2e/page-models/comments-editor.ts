import { expect, type Download, type Locator, type Page } from '@playwright/test';

type Part = '相关条款' | '关注问题' | '修改建议' | '理由和依据';

/** One comment (#/comments/:id): points, workflow, export, outcomes, status bar. */
export class CommentEditor {
  readonly heading: Locator;
  readonly workflow: Locator;
  readonly currentStep: Locator;
  readonly saveState: Locator;
  readonly outcomes: Locator;

  constructor(readonly page: Page) {
    this.heading = page.locator('#comment-symbol');
    this.workflow = page.getByRole('region', { name: '审核流程' });
    this.currentStep = this.workflow.locator('[aria-current="step"]');
    this.saveState = page.getByTestId('save-state');
    this.outcomes = page.getByRole('region', { name: '采纳情况' });
  }

  point(n: number): Locator {
    return this.page.getByRole('region', { name: `第 ${n} 点`, exact: true });
  }

  /** The Chinese or English text of one part of a point. */
  text(n: number, part: Part, language: '中文' | '英文'): Locator {
    return this.page.getByLabel(`第 ${n} 点 ${part}（${language}）`);
  }

  /** The note under a field that still holds "to be completed" text. */
  unfinishedNote(n: number, part: Part, language: '中文' | '英文'): Locator {
    return this.page.locator('.point-cell', { has: this.text(n, part, language) }).locator('.field-unfinished');
  }

  /** Write the analyst's words where a template left a marker. */
  async complete(n: number, part: Part, language: '中文' | '英文', marker: string, words: string): Promise<void> {
    const field = this.text(n, part, language);
    await field.fill((await field.inputValue()).replace(marker, words));
  }

  /** The "may be out of date" mark under a field whose other language was rewritten. */
  staleMark(n: number, part: Part, language: '中文' | '英文'): Locator {
    return this.page.locator('.point-cell', { has: this.text(n, part, language) }).locator('.field-stale');
  }

  async insertTemplate(name: RegExp): Promise<void> {
    const before = await this.page.locator('.point').count();
    await this.page.getByRole('button', { name: '插入模板' }).click();
    await this.page.getByRole('menu', { name: '插入模板' }).getByRole('menuitem', { name }).click();
    await expect(this.page.locator('.point')).toHaveCount(before + 1);
  }

  step(label: string): Locator {
    return this.workflow.getByRole('button', { name: label, exact: true });
  }

  refusal(): Locator {
    return this.workflow.getByRole('alert');
  }

  async exportLetter(label: '导出英文函件' | '导出中文版'): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: label }).click();
    return download;
  }

  /** Record the submission through the dialog the workflow bar opens. */
  async recordSubmission(reference: string): Promise<void> {
    await this.step('记录提交').click();
    const dialog = this.page.getByRole('dialog', { name: '记录提交' });
    await dialog.getByLabel('提交渠道').selectOption('enquiry-point');
    await dialog.getByLabel('文号或参考编号（可选）').fill(reference);
    await dialog.getByRole('button', { name: '记录提交' }).click();
    await expect(dialog).toBeHidden();
  }

  outcomeOf(n: number): Locator {
    return this.outcomes.getByRole('listitem', { name: `第 ${n} 点` });
  }

  /** Adopted, evidenced by the regulation as published. */
  async recordAdoptedByRegulation(n: number, reference: string, date: string): Promise<void> {
    const item = this.outcomeOf(n);
    await item.getByRole('button', { name: '记录结果' }).click();
    const form = item.getByRole('form', { name: `第 ${n} 点的采纳结果` });
    await form.getByLabel('结果').selectOption('adopted');
    await form.getByLabel('正式发布的法规').check();
    await form.getByLabel('法规名称、编号或公报出处').fill(reference);
    await form.getByLabel('证据日期').fill(date);
    await form.getByRole('button', { name: '保存结果' }).click();
    await expect(form).toBeHidden();
  }
}
