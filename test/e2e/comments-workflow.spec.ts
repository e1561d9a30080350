import { E2E_TODAY, expect, test } from './fixtures';
import { AppFrame } from './page-models/app-frame';
import { readDocxPart } from './page-models/comments-docx';
import { CommentEditor } from './page-models/comments-editor';
import { CommentsPage } from './page-models/comments-page';
import { CommentsStats } from './page-models/comments-stats';
import { DashboardPage } from './page-models/dashboard-page';
import { NotificationsPage } from './page-models/notifications-page';

const SYMBOL = 'G/TBT/N/IND/9006';

test('a comment drafted from two templates is approved by a second analyst, exported, submitted and adopted, and the adoption rate moves', async ({
  page,
  server,
}, testInfo) => {
  test.setTimeout(90_000);
  const frame = new AppFrame(page);
  const dashboard = new DashboardPage(page);
  const notifications = new NotificationsPage(page);
  const comments = new CommentsPage(page);
  const editor = new CommentEditor(page);
  const stats = new CommentsStats(page);

  await frame.open(server);
  await dashboard.loadDemoButton.click();
  await expect(dashboard.notice).toBeVisible();

  // The demo team: 张敏 drafts, 李强 reviews.
  await frame.goTo('设置');
  const team = page.getByRole('table', { name: '分析员名单' });
  await expect(team.getByRole('rowheader', { name: '张敏' })).toBeVisible();
  await expect(team.getByRole('rowheader', { name: '李强' })).toBeVisible();

  await frame.goTo('评议意见');
  await comments.openTab('统计');
  // The demo: fertilizers fully adopted, refrigerators one point of two (partly), batteries awaiting.
  const rateBefore = await stats.figure('全部采纳率').innerText();
  expect(rateBefore).toBe('50%');
  await expect(stats.figure('至少部分采纳率')).toHaveText('100%');
  await expect(stats.figure('待结果')).toHaveText('1');

  // The Indian lithium-ion battery order has no comment yet: start one from its record.
  await frame.goTo('通报');
  await notifications.open(SYMBOL);
  await expect(notifications.detailHeading(SYMBOL)).toBeVisible();
  const notificationId = /#\/notifications\/(\d+)$/.exec(page.url())?.[1];
  expect(notificationId).toBeTruthy();
  // The store acts as the analyst it was set up with; 张敏 takes over for the whole workstation.
  await frame.goTo('评议意见');
  await comments.actAs('张敏');
  await page.goto(`${server.baseUrl}/#/comments/new?notification=${notificationId}`);
  await expect(comments.newDialog).toBeVisible();
  await expect(comments.pickedNotification()).toContainText(SYMBOL);
  // The workstation acts as its own analyst until 张敏, the drafter, is chosen in the header.
  await frame.actingAs.selectOption('张敏');
  await comments.createDraft();
  await expect(comments.acting()).toHaveText('张敏');
  await expect(editor.heading).toHaveText(SYMBOL);
  await expect(editor.currentStep).toContainText('草稿');

  await editor.insertTemplate(/接受国际标准或中国国家标准试验方法/);
  await editor.insertTemplate(/延长过渡期至不少于六个月/);
  await expect(editor.text(1, '关注问题', '中文')).toHaveValue(/印度锂离子电池及电池组质量控制令.*G\/TBT\/N\/IND\/9006/);
  await expect(editor.text(1, '关注问题', '英文')).toHaveValue(/Lithium-ion cells and batteries \(Quality Control\) Order \(G\/TBT\/N\/IND\/9006\)/);
  await expect(editor.text(2, '修改建议', '英文')).toHaveValue(/transition period of no less than six months/);

  // A change of wording is saved by itself once typing stops.
  await editor.text(2, '修改建议', '中文').fill('建议印度在质量控制令公布与生效之间给予不少于十二个月的过渡期。');
  await expect(editor.saveState).toContainText('已保存', { timeout: 10_000 });
  // The Chinese was rewritten after the English was written: the English may now say less.
  await expect(editor.staleMark(2, '修改建议', '英文')).toContainText('可能未同步更新：中文已由 张敏 修改');
  await page.screenshot({ path: testInfo.outputPath('editor-two-points.png'), fullPage: true });
  await editor.text(2, '修改建议', '英文').fill('China suggests that India allow a transition period of no less than twelve months between publication and entry into force.');
  await expect(editor.saveState).toContainText('已保存', { timeout: 10_000 });
  await expect(editor.staleMark(2, '修改建议', '英文')).toHaveCount(0);

  // The order gave no date of entry into force: the template left it to be completed, and review waits for it.
  await expect(editor.unfinishedNote(2, '关注问题', '英文')).toContainText('[to be completed: proposed date of entry into force]');
  await editor.step('送审').click();
  await expect(editor.refusal()).toContainText('以下内容仍待补充，补全后才能送审');
  await expect(editor.refusal()).toContainText('第 2 点 关注问题（中文）: 【待补充：拟生效日期】');
  await expect(editor.currentStep).toContainText('草稿');
  await editor.complete(2, '关注问题', '中文', '【待补充：拟生效日期】', '公布后90天');
  await editor.complete(2, '关注问题', '英文', '[to be completed: proposed date of entry into force]', '90 days after publication');
  await expect(editor.unfinishedNote(2, '关注问题', '英文')).toHaveCount(0);
  await expect(editor.refusal()).toBeHidden();

  await editor.step('送审').click();
  await expect(editor.currentStep).toContainText('审核中');

  // Four eyes: the author cannot approve.
  await editor.step('批准').click();
  await expect(editor.refusal()).toContainText('张敏 是这份评议意见的起草人，不能批准自己的意见');
  await expect(editor.currentStep).toContainText('审核中');

  await comments.actAs('李强');
  await editor.step('批准').click();
  await expect(editor.currentStep).toContainText('已批准');
  await expect(editor.currentStep).toContainText('李强');
  await expect(editor.refusal()).toBeHidden();
  await page.screenshot({ path: testInfo.outputPath('workflow-approved.png') });

  const download = await editor.exportLetter('导出英文函件');
  expect(download.suggestedFilename()).toMatch(/^comment-\d+-v\d+-G-TBT-N-IND-9006-en\.docx$/);
  const letter = await readDocxPart(await download.path());
  expect(letter).toContain('Subject');
  expect(letter).toContain(SYMBOL);

  await editor.recordSubmission('CHN/TBT/2026/E2E');
  await expect(editor.currentStep).toContainText('已提交');

  await editor.recordAdoptedByRegulation(1, 'Lithium-ion Cells and Batteries (Quality Control) Order, 2026, as published', E2E_TODAY);
  await expect(editor.outcomeOf(1)).toContainText('采纳');
  await expect(editor.outcomeOf(1)).toContainText('证据：Lithium-ion Cells and Batteries (Quality Control) Order');

  // One point of two has an outcome: the comment still awaits one and the rates do not move.
  const commentUrl = page.url();
  await comments.openTab('统计');
  await expect(stats.figure('已提交评议意见')).toHaveText('4');
  await expect(stats.figure('待结果')).toHaveText('2');
  await expect(stats.figure('全部采纳率')).toHaveText(rateBefore);

  await page.goto(commentUrl);
  await expect(editor.heading).toHaveText(SYMBOL);
  await editor.recordAdoptedByRegulation(2, 'Lithium-ion Cells and Batteries (Quality Control) Order, 2026, as published', E2E_TODAY);
  await expect(editor.outcomeOf(2)).toContainText('采纳');
  await comments.openTab('统计');
  await expect(stats.figure('待结果')).toHaveText('1');
  await expect(stats.figure('全部采纳率')).toHaveText('66.7%');
  await expect(stats.figure('至少部分采纳率')).toHaveText('100%');
  await page.screenshot({ path: testInfo.outputPath('stats.png'), fullPage: true });
});
