import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createFakeBackend, makeNotification } from '../../../testing/fake-backend';
import { renderApp } from '../../../testing/render-app';

const RECORD = { section: 'notifications', id: 7 } as const;

function setup(overrides: Parameters<typeof makeNotification>[0] = { id: 7, symbol: 'G/TBT/N/SAU/9002' }) {
  const backend = createFakeBackend({ notifications: [makeNotification(overrides)] });
  const app = renderApp({ backend, route: RECORD });
  return app;
}

const triageForm = (): HTMLElement => screen.getByRole('form', { name: '评议处理' });
const translationForm = (): HTMLElement => screen.getByRole('form', { name: '中文译文' });

describe('triage form', () => {
  it('saves status, relevance, industries, assignee and notes, confirms, and lists the change in the activity', async () => {
    const { backend } = setup();
    await screen.findByRole('heading', { level: 2, name: 'G/TBT/N/SAU/9002' });
    const form = triageForm();
    // Nobody has triaged it yet: it has no assignee, whoever is at the keyboard.
    expect((within(form).getByLabelText('负责人') as HTMLInputElement).value).toBe('');
    const save = within(form).getByRole('button', { name: '保存评议处理' });
    expect(save).toHaveProperty('disabled', true);

    fireEvent.change(within(form).getByLabelText('处理状态'), { target: { value: 'assessing' } });
    fireEvent.change(within(form).getByLabelText('相关程度'), { target: { value: 'high' } });
    fireEvent.click(await within(form).findByLabelText('家用电器'));
    fireEvent.change(within(form).getByLabelText('备注'), { target: { value: '关注能效测试方法' } });
    expect(within(form).getByText('有未保存的修改')).toBeTruthy();
    fireEvent.click(save);

    expect(await screen.findByText('评议处理已保存')).toBeTruthy();
    expect(backend.callsTo('notificationsTriageUpdate')).toEqual([
      { id: 7, status: 'assessing', relevance: 'high', assignee: null, notes: '关注能效测试方法', industries: ['household-appliances'] },
    ]);
    await waitFor(() => expect(within(triageForm()).queryByText('有未保存的修改')).toBeNull());
    const activity = await screen.findByRole('table', { name: '操作记录' });
    await waitFor(() => expect(activity.textContent).toContain('状态新通报 → 评估中'));
    expect(activity.textContent).toContain('相关程度— → 高');
    expect(activity.textContent).toContain('相关产业— → 家用电器');
    // The header follows the saved status.
    await waitFor(() => expect(document.querySelector('.detail-header .status')?.textContent).toBe('评估中'));
  });

  it('shows a refused save in the form and keeps the edits', async () => {
    const { backend } = setup();
    await screen.findByRole('heading', { level: 2 });
    backend.failures.notificationsTriageUpdate = { code: 'VALIDATION', message: 'industries: unknown industry code x' };
    fireEvent.change(within(triageForm()).getByLabelText('备注'), { target: { value: '待核实' } });
    fireEvent.click(within(triageForm()).getByRole('button', { name: '保存评议处理' }));
    expect((await within(triageForm()).findByRole('alert')).textContent).toContain('unknown industry code x');
    expect((within(triageForm()).getByLabelText('备注') as HTMLTextAreaElement).value).toBe('待核实');
  });

  it('Ctrl+S saves the translation, and the Chinese title heads the record', async () => {
    const { backend } = setup();
    await screen.findByRole('heading', { level: 2 });
    // Not yet translated: no translator, rather than the analyst at the keyboard.
    expect((within(translationForm()).getByLabelText('译者') as HTMLInputElement).value).toBe('');
    fireEvent.change(within(translationForm()).getByLabelText('中文标题'), { target: { value: '沙特冰箱能效技术法规' } });
    fireEvent.change(within(translationForm()).getByLabelText('译文状态'), { target: { value: 'reviewed' } });
    fireEvent.keyDown(window, { key: 's', ctrlKey: true });
    expect(await screen.findByText('译文已保存')).toBeTruthy();
    expect(backend.callsTo('notificationsTranslationUpdate')).toEqual([
      { id: 7, titleZh: '沙特冰箱能效技术法规', descriptionZh: '', translator: null, status: 'reviewed' },
    ]);
    await waitFor(() => expect(document.querySelector('.detail-title')?.textContent).toBe('沙特冰箱能效技术法规'));
  });
});

describe('leaving with unsaved changes', () => {
  it('asks first; staying keeps the edits, discarding leaves', async () => {
    const { store } = setup();
    await screen.findByRole('heading', { level: 2 });
    fireEvent.change(within(triageForm()).getByLabelText('备注'), { target: { value: '草稿备注' } });

    fireEvent.click(screen.getByRole('link', { name: '设置' }));
    const question = screen.getByRole('dialog', { name: '有未保存的修改' });
    expect(store.getState().route).toEqual(RECORD);
    fireEvent.click(within(question).getByRole('button', { name: '继续编辑' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect((within(triageForm()).getByLabelText('备注') as HTMLTextAreaElement).value).toBe('草稿备注');

    fireEvent.click(screen.getByRole('link', { name: /返回通报列表/ }));
    fireEvent.click(within(screen.getByRole('dialog', { name: '有未保存的修改' })).getByRole('button', { name: '放弃修改并离开' }));
    expect(store.getState().route).toEqual({ section: 'notifications', id: null });
  });

  it('can save and then leave', async () => {
    const { backend, store } = setup();
    await screen.findByRole('heading', { level: 2 });
    fireEvent.change(within(triageForm()).getByLabelText('处理状态'), { target: { value: 'screening' } });
    fireEvent.keyDown(window, { key: '1', code: 'Digit1', ctrlKey: true });
    fireEvent.click(within(screen.getByRole('dialog', { name: '有未保存的修改' })).getByRole('button', { name: '保存并离开' }));
    await waitFor(() => expect(store.getState().route).toEqual({ section: 'dashboard', id: null }));
    expect(backend.notifications[0]?.triage.status).toBe('screening');
  });

  it('goes back to the list with Esc or Alt+←, but not while a field has the focus, and still asks about edits', async () => {
    const { store } = setup();
    await screen.findByRole('heading', { level: 2 });
    const back = screen.getByRole('link', { name: /返回通报列表/ });
    expect(back.getAttribute('aria-keyshortcuts')).toBe('Escape Alt+ArrowLeft');
    expect(back.getAttribute('title')).toBe('返回（Esc / Alt+←）');

    // Esc in a field is the field's (a select closes its list, a box keeps its text).
    const notes = within(triageForm()).getByLabelText('备注');
    notes.focus();
    fireEvent.change(notes, { target: { value: '草稿备注' } });
    fireEvent.keyDown(notes, { key: 'Escape' });
    expect(store.getState().route).toEqual(RECORD);
    expect(screen.queryByRole('dialog')).toBeNull();

    // Outside a field, Esc leaves, after the unsaved-edits question.
    notes.blur();
    fireEvent.keyDown(document.body, { key: 'Escape' });
    const question = screen.getByRole('dialog', { name: '有未保存的修改' });
    expect(store.getState().route).toEqual(RECORD);
    // Esc in the question closes the question, not the record.
    fireEvent.keyDown(question, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(store.getState().route).toEqual(RECORD);

    // Alt+← works from inside a field too.
    fireEvent.keyDown(notes, { key: 'ArrowLeft', altKey: true });
    fireEvent.click(within(screen.getByRole('dialog', { name: '有未保存的修改' })).getByRole('button', { name: '放弃修改并离开' }));
    expect(store.getState().route).toEqual({ section: 'notifications', id: null });
  });

  it('lets the browser ask before a reload while edits are unsaved', async () => {
    setup();
    await screen.findByRole('heading', { level: 2 });
    const clean = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(clean);
    expect(clean.defaultPrevented).toBe(false);
    fireEvent.change(within(translationForm()).getByLabelText('中文标题'), { target: { value: '未保存' } });
    const dirty = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(dirty);
    expect(dirty.defaultPrevented).toBe(true);
  });
});

describe('links and attachments', () => {
  it('opens only WTO and ePing links, and shows the others as text', async () => {
    setup({
      id: 7,
      symbol: 'G/TBT/N/SAU/9002',
      documentLinks: ['https://members.wto.org/crnattachments/2026/TBT/SAU/26_0001_00_e.pdf', 'https://evil.example.com/file.pdf'],
      links: { en: 'https://docs.wto.org/en.pdf', fr: 'http://docs.wto.org/fr.pdf', es: null },
    });
    await screen.findByRole('heading', { level: 2 });
    const wto = screen.getByRole('link', { name: /members\.wto\.org/ });
    expect(wto.getAttribute('target')).toBe('_blank');
    expect(wto.getAttribute('rel')).toBe('noopener noreferrer');
    expect(screen.queryByRole('link', { name: /evil\.example\.com/ })).toBeNull();
    expect(screen.getByText('https://evil.example.com/file.pdf')).toBeTruthy();
    expect(screen.getByText(/不是 WTO 或 ePing 网站的链接/)).toBeTruthy();
    expect(screen.getByRole('link', { name: /英文/ }).getAttribute('href')).toBe('https://docs.wto.org/en.pdf');
    expect(screen.queryByRole('link', { name: /法文/ })).toBeNull();
    expect(screen.getByText(/不是 https 链接/)).toBeTruthy();
  });

  it('adds an attachment, shows where it is stored, and removes it after confirmation', async () => {
    const { backend } = setup();
    await screen.findByRole('heading', { level: 2 });
    fireEvent.change(screen.getByLabelText('选择附件'), { target: { files: [new File(['%PDF-1.7'], '法规草案.pdf', { type: 'application/pdf' })] } });
    expect(await screen.findByText('已添加附件“法规草案.pdf”')).toBeTruthy();
    const table = await screen.findByRole('table', { name: '附件' });
    expect(within(table).getByText('法规草案.pdf')).toBeTruthy();

    fireEvent.click(within(table).getByRole('button', { name: '打开附件“法规草案.pdf”' }));
    expect(await screen.findByText(/\/tmp\/pingyi-fake\/attachments\//)).toBeTruthy();

    fireEvent.click(within(table).getByRole('button', { name: '删除附件“法规草案.pdf”' }));
    fireEvent.click(within(screen.getByRole('dialog', { name: '删除附件？' })).getByRole('button', { name: '删除' }));
    await waitFor(() => expect(backend.notifications[0]?.attachments).toEqual([]));
    expect(await screen.findByText('没有附件。')).toBeTruthy();
  });
});
