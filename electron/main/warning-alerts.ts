import { Notification, type BrowserWindow } from 'electron';
import type { Locale, WarningListItem } from '../../shared/contract';
import type { Backend } from '../backend/backend';
import { dueSoonAlertText, raisedAlertText, type AlertText } from './warning-alert-words';

interface AlertOptions {
  backend: Backend;
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

function show(text: AlertText | null, options: AlertOptions): void {
  if (!text || !Notification.isSupported()) return;
  const notification = new Notification({ title: text.title, body: text.body });
  notification.on('click', () => openWarnings(options.getWindow()));
  notification.show();
}

/**
 * System notifications for risk warnings: one whenever a warnings pass raises red or orange
 * warnings, and one at start for open warnings due within a week. Returns the unsubscribe.
 */
export function startWarningAlerts(options: AlertOptions): () => void {
  const unsubscribe = options.backend.subscribe((name, payload) => {
    if (name !== 'warningsRaised') return;
    const { red, orange } = payload as { red: number; orange: number };
    show(raisedAlertText(options.getLocale(), { red, orange }), options);
  });
  const alerts = options.backend.invoke('warningAlerts', {});
  // A store that cannot answer (read-only recovery, an older schema) simply shows no alert.
  if (alerts.ok) {
    const { dueSoon } = alerts.value as { dueSoon: WarningListItem[] };
    show(dueSoonAlertText(options.getLocale(), dueSoon.length), options);
  }
  return unsubscribe;
}
