import { Notification, type BrowserWindow } from 'electron';
import type { Locale } from '../../shared/contract';
import { watchWarningAlerts, type AlertBackend } from './warning-alert-watch';

interface AlertOptions {
  backend: AlertBackend;
  getWindow(): BrowserWindow | null;
  getLocale(): Locale;
}

/** Bring the window forward and show the warnings inbox (the page routes by its hash). */
function openWarnings(win: BrowserWindow | null): void {
  if (!win) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
  win.webContents.executeJavaScript("window.location.hash = '#/warnings'").catch(() => undefined);
}

/**
 * System notifications for risk warnings (what they say and when: warning-alert-watch.ts);
 * clicking one opens the warnings inbox. Returns the unsubscribe.
 */
export function startWarningAlerts(options: AlertOptions): () => void {
  return watchWarningAlerts(options.backend, options.getLocale, (text) => {
    if (!Notification.isSupported()) return;
    const notification = new Notification({ title: text.title, body: text.body });
    notification.on('click', () => openWarnings(options.getWindow()));
    notification.show();
  });
}
