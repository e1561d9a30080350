import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createFakeBackend } from '../testing/fake-backend';
import { renderApp } from '../testing/render-app';

const dialog = (name: string): HTMLElement => screen.getByRole('dialog', { name });
const rowFor = (scope: HTMLElement, text: string | RegExp): HTMLElement => within(scope).getByText(text).closest('.shortcuts-row') as HTMLElement;
const keysOf = (row: HTMLElement): string[] => [...row.querySelectorAll('kbd')].map((k) => k.textContent ?? '');

describe('keyboard shortcuts list', () => {
  it('opens with F1, lists the keys by where they work, and closes with Esc', async () => {
    renderApp();
    await screen.findByRole('navigation', { name: '主导航' });
    const f1 = fireEvent.keyDown(window, { key: 'F1' });
    // F1 is the app's, not the browser's help.
    expect(f1).toBe(false);
    const list = dialog('键盘快捷键');
    expect(within(list).getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual([
      '任何位置',
      '通报列表',
      '通报记录和评议意见',
      '报告',
      '对话框',
    ]);
    expect(keysOf(rowFor(list, '导入 ePing 或 WTO 文件'))).toEqual(['Ctrl+I']);
    expect(keysOf(rowFor(list, '保存修改'))).toEqual(['Ctrl+S']);
    expect(keysOf(rowFor(list, /^按填写的参数生成报告/))).toEqual(['Ctrl+Enter']);
    expect(keysOf(rowFor(list, /^返回列表/))).toEqual(['Esc', 'Alt+←']);
    fireEvent.keyDown(list, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('opens with ? outside a field only', async () => {
    renderApp({ route: { section: 'notifications', id: null } });
    const box = await screen.findByRole('searchbox', { name: '搜索通报' });
    box.focus();
    fireEvent.keyDown(box, { key: '?' });
    expect(screen.queryByRole('dialog')).toBeNull();
    box.blur();
    fireEvent.keyDown(document.body, { key: '?' });
    expect(dialog('键盘快捷键')).toBeTruthy();
  });

  it('does not open over another dialog', async () => {
    renderApp({ route: { section: 'notifications', id: null } });
    fireEvent.click(await screen.findByRole('button', { name: '手动录入' }));
    const entry = await screen.findByRole('dialog');
    fireEvent.keyDown(document.body, { key: 'F1' });
    expect(screen.getAllByRole('dialog')).toEqual([entry]);
  });

  it('opens from the desktop menu, in English when the app is', async () => {
    const backend = createFakeBackend({ settings: { locale: 'en' } });
    renderApp({ backend });
    await screen.findByRole('navigation', { name: 'Main navigation' });
    act(() => backend.emit('menuCommand', { command: 'shortcuts' }));
    const list = dialog('Keyboard shortcuts');
    expect(keysOf(rowFor(list, 'Open the selected notification'))).toEqual(['Enter']);
  });
});
