import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, Menu, protocol, session, shell } from 'electron';
import { askWhereToSave } from './save-dialog';
import { Settings, type Locale } from '../../shared/contract';
import { clockFromEnv } from '../../shared/domain/clock';
import type { Backend } from '../backend/backend';
import { startBackendOrRecover } from '../backend/backups/recovery-backend';
import { APP_VERSION } from '../backend/version';
import { APP_ENTRY_URL, isAllowedExternalUrl, isOpenableAttachment } from '../security/policy';
import { registerIpcTransport, sendEvent } from '../transports/ipc';
import { hardenSession, hardenWebContents } from './harden';
import { aboutDialogText, buildMenuTemplate } from './menu';
import { resolveNativeBinding } from './native-binding';
import { handleAppProtocol, registerAppScheme } from './protocol';
import { choiceForResponse, describeStartupFailure, recoveryDialog, resolveDesktopDataDir } from './startup';
import { electronPdfRenderer } from './electron-pdf';
import { startWarningAlerts } from './warning-alerts';
import { createWindowOptions } from './window-options';

const APP_USER_MODEL_ID = 'cn.pingyi.workstation';

// This file is bundled to dist/main.cjs, beside preload.cjs and renderer/; the folder above is
// the project in development and the app.asar root when packaged.
const distDir = __dirname;
const appRoot = path.dirname(distDir);

// Both must happen before the app is ready: Chromium fixes schemes and sandboxing at startup.
registerAppScheme(protocol);
app.enableSandbox();

let mainWindow: BrowserWindow | null = null;
let locale: Locale = 'zh-CN';

function openExternal(url: string): void {
  // Checked again at the last step before anything leaves the app.
  if (!isAllowedExternalUrl(url)) return;
  shell.openExternal(url).catch((e: unknown) => {
    process.stderr.write(`Pingyi could not open ${url}: ${String(e)}\n`);
  });
}

function readLocale(backend: Backend): Locale {
  const result = backend.invoke('settingsGet', {});
  if (!result.ok) return locale;
  const settings = Settings.safeParse(result.value);
  return settings.success ? settings.data.locale : locale;
}

function showAbout(dataDir: string): void {
  const text = aboutDialogText(locale, {
    appVersion: APP_VERSION,
    electron: process.versions.electron,
    chrome: process.versions.chrome,
    node: process.versions.node,
    dataDir,
  });
  const options = { type: 'info' as const, title: text.title, message: text.message, detail: text.detail, buttons: [text.ok] };
  const shown = mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options);
  shown.catch(() => undefined);
}

function applyMenu(dataDir: string): void {
  const template = buildMenuTemplate({
    locale,
    isDev: !app.isPackaged,
    platform: process.platform,
    appName: app.getName(),
    handlers: {
      onAbout: () => showAbout(dataDir),
      onShortcuts: () => sendEvent(mainWindow, 'menuCommand', { command: 'shortcuts' }),
    },
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

function createWindow(): BrowserWindow {
  const iconFile = path.join(appRoot, 'resources', 'icons', 'icon.png');
  // A packaged app takes its icon from the executable and the desktop entry.
  const iconPath = !app.isPackaged && fs.existsSync(iconFile) ? iconFile : undefined;
  const win = new BrowserWindow(
    createWindowOptions({ preloadPath: path.join(distDir, 'preload.cjs'), ...(iconPath ? { iconPath } : {}) }),
  );
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  win.loadURL(APP_ENTRY_URL).catch((e: unknown) => {
    process.stderr.write(`Pingyi could not load its page: ${String(e)}\n`);
  });
  return win;
}

/**
 * The store could not be opened (a newer schema, an unreadable file, a wrong native module):
 * say so and leave without touching anything. The box is shown after ready because before it
 * Linux only prints the text to stderr.
 */
async function failStartup(error: unknown): Promise<void> {
  const failure = describeStartupFailure(error);
  process.stderr.write(`${failure.title}\n${failure.message}\n`);
  await app.whenReady();
  dialog.showErrorBox(failure.title, failure.message);
  app.exit(1);
}

async function main(): Promise<void> {
  const envDataDir = process.env.PINGYI_DATA_DIR;
  const dataDir = resolveDesktopDataDir(envDataDir, () => app.getPath('userData'));
  // Chromium's profile and the single-instance lock follow an explicit data folder, so a test
  // or a second data folder runs as an independent app instead of deferring to the first.
  if (envDataDir) app.setPath('userData', dataDir);
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, openExternal));

  const nativeBinding = resolveNativeBinding({
    isPackaged: app.isPackaged,
    appPath: appRoot,
    electronVersion: process.versions.electron,
    exists: (file) => fs.existsSync(file),
  });
  // Imports run on a worker thread with their own connection (and the same addon), so the
  // window stays responsive; the bundled script sits beside this one.
  const workerScript = path.join(distDir, 'worker.cjs');
  // Opened before the window exists: a refused database must never get as far as a page.
  let backend: Backend;
  try {
    const started = await startBackendOrRecover({
      dataDir,
      appVersion: APP_VERSION,
      scheduleFullCheck: true,
      autoBackups: true,
      onQuit: () => app.exit(0),
      clock: clockFromEnv(process.env.PINGYI_NOW),
      ...(nativeBinding ? { nativeBinding } : {}),
      ...(fs.existsSync(workerScript) ? { worker: { script: workerScript } } : {}),
    });
    backend = started.backend;
    // A damaged or unreadable store: restore the newest good backup, open read-only, or quit.
    if (started.recovering) {
      await app.whenReady();
      const ask = recoveryDialog(backend.call('recoveryStatus', {}));
      const { title, message, detail, buttons, defaultId, cancelId } = ask;
      const { response } = await dialog.showMessageBox({ type: 'warning', noLink: true, title, message, detail, buttons, defaultId, cancelId });
      const choice = choiceForResponse(ask, response);
      backend.call('recoveryChoose', { choice });
      if (choice === 'quit') return;
    }
  } catch (error) {
    await failStartup(error);
    return;
  }

  await app.whenReady();
  hardenSession(session.defaultSession);
  askWhereToSave(session.defaultSession, () => locale);
  handleAppProtocol(protocol, path.join(distDir, 'renderer'));
  locale = readLocale(backend);
  const disposeIpc = registerIpcTransport({
    backend,
    getWindow: () => mainWindow,
    onResult: (channel, result) => {
      if (channel === 'attachmentsOpen' && result.ok) {
        // The backend returned a hash-checked copy; the system's own viewer shows it.
        const target = (result.value as { path: string }).path;
        if (isOpenableAttachment(dataDir, target, path)) void shell.openPath(target);
        return;
      }
      if (channel !== 'settingsUpdate' || !result.ok) return;
      const next = readLocale(backend);
      if (next === locale) return;
      locale = next;
      applyMenu(dataDir);
    },
  });
  applyMenu(dataDir);
  // Letters print with this app's own Chromium: nothing else needs installing.
  backend.ctx.pdf = electronPdfRenderer();
  mainWindow = createWindow();
  const stopAlerts = startWarningAlerts({ backend, getWindow: () => mainWindow, getLocale: () => locale });

  app.on('activate', () => {
    if (!mainWindow) mainWindow = createWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => {
    stopAlerts();
    disposeIpc();
    backend.close();
  });
}

void main().catch((error: unknown) => failStartup(error));
