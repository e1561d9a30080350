import type { MenuItemConstructorOptions } from 'electron';
import type { Locale } from '../../shared/contract';

export interface MenuHandlers {
  onAbout(): void;
  /** Show the page's list of keyboard shortcuts. */
  onShortcuts(): void;
}

export interface MenuOptions {
  locale: Locale;
  /** Development builds add reload and developer tools; a packaged app offers neither. */
  isDev: boolean;
  platform: NodeJS.Platform;
  appName: string;
  handlers: MenuHandlers;
}

interface Labels {
  file: string;
  quit: string;
  edit: string;
  undo: string;
  redo: string;
  cut: string;
  copy: string;
  paste: string;
  selectAll: string;
  view: string;
  reload: string;
  forceReload: string;
  devTools: string;
  resetZoom: string;
  zoomIn: string;
  zoomOut: string;
  fullscreen: string;
  window: string;
  help: string;
  shortcuts: string;
  about: string;
  services: string;
  hide: string;
  hideOthers: string;
  unhide: string;
}

const LABELS: Record<Locale, Labels> = {
  'zh-CN': {
    file: '文件',
    quit: '退出',
    edit: '编辑',
    undo: '撤销',
    redo: '重做',
    cut: '剪切',
    copy: '复制',
    paste: '粘贴',
    selectAll: '全选',
    view: '视图',
    reload: '重新加载',
    forceReload: '强制重新加载',
    devTools: '开发者工具',
    resetZoom: '实际大小',
    zoomIn: '放大',
    zoomOut: '缩小',
    fullscreen: '切换全屏',
    window: '窗口',
    help: '帮助',
    shortcuts: '键盘快捷键',
    about: '关于 Pingyi 技贸评议工作台',
    services: '服务',
    hide: '隐藏 Pingyi',
    hideOthers: '隐藏其他',
    unhide: '全部显示',
  },
  en: {
    file: 'File',
    quit: 'Quit',
    edit: 'Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select All',
    view: 'View',
    reload: 'Reload',
    forceReload: 'Force Reload',
    devTools: 'Developer Tools',
    resetZoom: 'Actual Size',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    fullscreen: 'Toggle Full Screen',
    window: 'Window',
    help: 'Help',
    shortcuts: 'Keyboard Shortcuts',
    about: 'About Pingyi',
    services: 'Services',
    hide: 'Hide Pingyi',
    hideOthers: 'Hide Others',
    unhide: 'Show All',
  },
};

/**
 * The application menu as data. Edit items use Electron's roles, which is what makes copy and
 * paste work in the page on macOS, where there are no default key bindings without a menu.
 */
export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const t = LABELS[options.locale];
  const isMac = options.platform === 'darwin';
  const about: MenuItemConstructorOptions = { id: 'about', label: t.about, click: () => options.handlers.onAbout() };

  const template: MenuItemConstructorOptions[] = [];
  if (isMac) {
    template.push({
      label: options.appName,
      submenu: [
        about,
        { type: 'separator' },
        { role: 'services', label: t.services },
        { type: 'separator' },
        { role: 'hide', label: t.hide },
        { role: 'hideOthers', label: t.hideOthers },
        { role: 'unhide', label: t.unhide },
        { type: 'separator' },
        { role: 'quit', label: t.quit },
      ],
    });
  } else {
    template.push({ id: 'file', label: t.file, submenu: [{ role: 'quit', label: t.quit }] });
  }

  template.push({
    id: 'edit',
    label: t.edit,
    submenu: [
      { role: 'undo', label: t.undo },
      { role: 'redo', label: t.redo },
      { type: 'separator' },
      { role: 'cut', label: t.cut },
      { role: 'copy', label: t.copy },
      { role: 'paste', label: t.paste },
      { role: 'selectAll', label: t.selectAll },
    ],
  });

  const devItems: MenuItemConstructorOptions[] = options.isDev
    ? [
        { role: 'reload', label: t.reload },
        { role: 'forceReload', label: t.forceReload },
        { role: 'toggleDevTools', label: t.devTools },
        { type: 'separator' },
      ]
    : [];
  template.push({
    id: 'view',
    label: t.view,
    submenu: [
      ...devItems,
      { role: 'resetZoom', label: t.resetZoom },
      { role: 'zoomIn', label: t.zoomIn },
      { role: 'zoomOut', label: t.zoomOut },
      { type: 'separator' },
      { role: 'togglefullscreen', label: t.fullscreen },
    ],
  });

  if (isMac) template.push({ role: 'windowMenu', label: t.window });

  // F1 is shown in the menu but left to the page, which also answers it in web mode.
  const shortcuts: MenuItemConstructorOptions = {
    id: 'shortcuts',
    label: t.shortcuts,
    accelerator: 'F1',
    registerAccelerator: false,
    click: () => options.handlers.onShortcuts(),
  };
  template.push({ id: 'help', label: t.help, submenu: [shortcuts, { type: 'separator' }, about] });
  return template;
}

export interface AboutInfo {
  appVersion: string;
  electron: string;
  chrome: string;
  node: string;
  dataDir: string;
}

/** The text of the About box, in the interface language. */
export function aboutDialogText(
  locale: Locale,
  info: AboutInfo,
): { title: string; message: string; detail: string; ok: string } {
  const zh = locale === 'zh-CN';
  const lines = [
    `${zh ? '版本' : 'Version'} ${info.appVersion}`,
    `Electron ${info.electron} · Chromium ${info.chrome} · Node ${info.node}`,
    `${zh ? '数据目录' : 'Data folder'}: ${info.dataDir}`,
  ];
  return {
    title: LABELS[locale].about,
    message: 'Pingyi 技贸评议工作台',
    detail: lines.join('\n'),
    ok: zh ? '确定' : 'OK',
  };
}
