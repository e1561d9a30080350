import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { aboutDialogText, buildMenuTemplate, type MenuOptions } from './menu';

function build(overrides: Partial<MenuOptions> = {}): MenuItemConstructorOptions[] {
  return buildMenuTemplate({
    locale: 'en',
    isDev: false,
    platform: 'linux',
    appName: 'Pingyi',
    handlers: { onAbout: () => undefined, onShortcuts: () => undefined },
    ...overrides,
  });
}

function submenu(item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] {
  const sub = item?.submenu;
  if (!Array.isArray(sub)) throw new Error(`menu ${item?.label ?? '?'} has no submenu`);
  return sub;
}

function byId(template: MenuItemConstructorOptions[], id: string): MenuItemConstructorOptions {
  const item = template.find((i) => i.id === id);
  if (!item) throw new Error(`no menu ${id}`);
  return item;
}

const roles = (items: MenuItemConstructorOptions[]): Array<string | undefined> => items.filter((i) => i.role).map((i) => i.role);

describe('buildMenuTemplate', () => {
  it('has File, Edit, View and Help on Windows and Linux', () => {
    expect(build().map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Help']);
    expect(roles(submenu(byId(build(), 'file')))).toEqual(['quit']);
  });

  it('puts the app menu first and adds the Window menu on macOS', () => {
    const template = build({ platform: 'darwin' });
    expect(template[0]?.label).toBe('Pingyi');
    expect(roles(submenu(template[0]))).toContain('quit');
    expect(template.map((m) => m.role ?? m.id)).toEqual([undefined, 'edit', 'view', 'windowMenu', 'help']);
  });

  it('offers undo, redo, cut, copy, paste and select all in Edit', () => {
    expect(roles(submenu(byId(build(), 'edit')))).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
  });

  it('offers zoom and full screen in View, and reload and devtools only in development', () => {
    const packaged = roles(submenu(byId(build({ isDev: false }), 'view')));
    expect(packaged).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
    const dev = roles(submenu(byId(build({ isDev: true }), 'view')));
    expect(dev).toEqual(['reload', 'forceReload', 'toggleDevTools', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
  });

  it('opens the About box from Help', () => {
    const onAbout = vi.fn();
    const about = submenu(byId(build({ handlers: { onAbout, onShortcuts: () => undefined } }), 'help')).find((i) => i.id === 'about');
    expect(about?.label).toBe('About Pingyi');
    // The click handler ignores Electron's arguments, so it can be called bare here.
    (about?.click as (() => void) | undefined)?.();
    expect(onAbout).toHaveBeenCalledOnce();
  });

  it('asks the page for its keyboard shortcuts from Help, showing F1 but leaving the key to the page', () => {
    const onShortcuts = vi.fn();
    const help = submenu(byId(build({ handlers: { onAbout: () => undefined, onShortcuts } }), 'help'));
    expect(help.map((i) => i.id ?? i.type)).toEqual(['shortcuts', 'separator', 'about']);
    const shortcuts = help[0];
    expect(shortcuts).toMatchObject({ label: 'Keyboard Shortcuts', accelerator: 'F1', registerAccelerator: false });
    (shortcuts?.click as (() => void) | undefined)?.();
    expect(onShortcuts).toHaveBeenCalledOnce();
    expect(submenu(byId(build({ locale: 'zh-CN' }), 'help'))[0]?.label).toBe('键盘快捷键');
  });

  it('speaks Chinese for zh-CN and keeps the same shape', () => {
    const zh = build({ locale: 'zh-CN' });
    expect(zh.map((m) => m.label)).toEqual(['文件', '编辑', '视图', '帮助']);
    expect(submenu(byId(zh, 'edit')).map((i) => i.label ?? i.type)).toEqual([
      '撤销',
      '重做',
      'separator',
      '剪切',
      '复制',
      '粘贴',
      '全选',
    ]);
    const shape = (t: MenuItemConstructorOptions[]): unknown => t.map((m) => [m.id ?? m.role, roles(submenu(m))]);
    expect(shape(zh)).toEqual(shape(build()));
  });

  it('labels every item that is not a separator', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      for (const locale of ['zh-CN', 'en'] as const) {
        for (const menu of build({ platform, locale, isDev: true })) {
          expect(menu.label).toBeTruthy();
          const items = Array.isArray(menu.submenu) ? menu.submenu : [];
          for (const item of items) if (item.type !== 'separator') expect(item.label).toBeTruthy();
        }
      }
    }
  });
});

describe('aboutDialogText', () => {
  it('shows the version, the runtimes and the data folder', () => {
    const info = { appVersion: '0.1.0', electron: '41.7.1', chrome: '146.0', node: '22.0.0', dataDir: '/data' };
    const zh = aboutDialogText('zh-CN', info);
    expect(zh.message).toBe('Pingyi 技贸评议工作台');
    expect(zh.detail).toContain('版本 0.1.0');
    expect(zh.detail).toContain('Electron 41.7.1');
    expect(zh.detail).toContain('/data');
    expect(zh.ok).toBe('确定');
    expect(aboutDialogText('en', info).detail).toContain('Version 0.1.0');
  });
});
