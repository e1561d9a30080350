import type { Locale, WarningListItem } from '../../shared/contract';
import type { Backend } from '../backend/backend';
import { dueSoonAlertText, raisedAlertText, type AlertText } from './warning-alert-words';

/** What the alerts need of the backend: its pushed events and one read. */
export type AlertBackend = Pick<Backend, 'subscribe' | 'invoke'>;

/**
 * Which risk-warning alerts to show, and in what words, without Electron: one whenever a
 * warnings pass raises red or orange warnings, and one at start for open warnings due within a
 * week. `show` puts a text on screen (a system notification in the desktop app). A store that
 * cannot answer (read-only recovery, an older schema) shows no alert at start. Returns the
 * unsubscribe.
 */
export function watchWarningAlerts(backend: AlertBackend, getLocale: () => Locale, show: (text: AlertText) => void): () => void {
  const showText = (text: AlertText | null): void => {
    if (text) show(text);
  };
  const unsubscribe = backend.subscribe((name, payload) => {
    if (name !== 'warningsRaised') return;
    const { red, orange } = payload as { red: number; orange: number };
    showText(raisedAlertText(getLocale(), { red, orange }));
  });
  const alerts = backend.invoke('warningAlerts', {});
  if (alerts.ok) {
    const { dueSoon } = alerts.value as { dueSoon: WarningListItem[] };
    showText(dueSoonAlertText(getLocale(), dueSoon.length));
  }
  return unsubscribe;
}
