import type { BrowserWindowConstructorOptions } from 'electron';

export const WINDOW_TITLE = 'Pingyi 技贸评议工作台';

export interface WindowOptionsInput {
  /** Absolute path of dist/preload.cjs. */
  preloadPath: string;
  /** Window icon where the platform takes one from the window (Linux, Windows in development). */
  iconPath?: string;
}

/**
 * The main window: the renderer gets no Node, runs sandboxed in an isolated world, and may
 * only reach the backend through the preload's window.api. Kept pure so the settings that
 * matter for security are unit-tested.
 */
export function createWindowOptions(input: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    title: WINDOW_TITLE,
    width: 1440,
    height: 900,
    // Tables of notifications with a detail pane need about this much room to stay readable.
    minWidth: 1024,
    minHeight: 640,
    // Shown on ready-to-show, so the user never sees an empty white frame while React mounts.
    show: false,
    backgroundColor: '#f5f6f8',
    autoHideMenuBar: false,
    ...(input.iconPath ? { icon: input.iconPath } : {}),
    webPreferences: {
      preload: input.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      // Dictionaries would be downloaded from Google; the app stays offline.
      spellcheck: false,
      // A file dropped outside a drop zone must not replace the app page.
      navigateOnDragDrop: false,
      safeDialogs: true,
      enableWebSQL: false,
    },
  };
}
