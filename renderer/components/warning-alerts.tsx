import { useCallback, useEffect, useRef, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi, useSubscribe } from '../api/api-context';
import { useAppStore } from '../stores/app-store-context';
import { formatRoute, type Route } from '../stores/route';

/** The inbox an alert opens: the open red and orange warnings, newest first. */
export const RAISED_ROUTE: Route = { section: 'warnings', id: null, query: 'level=red,orange&state=new,acknowledged,planned&sort=created' };
/** The inbox an alert opens: open warnings with a deadline within 7 days, nearest first. */
export const DUE_SOON_ROUTE: Route = { section: 'warnings', id: null, query: 'state=new,acknowledged,planned&within=7&sort=deadline' };

type AlertKind = 'raised' | 'dueSoon';

/**
 * A notice inside the window (not a modal) for new red and orange warnings and for warnings
 * whose deadline is within 7 days: at start, and whenever a warnings pass raises some. A
 * dismissed warning is not announced again while the window stays open; the desktop app also
 * shows a system notification, made by the main process.
 */
export function WarningAlerts() {
  const { t } = useTranslation();
  const api = useApi();
  const subscribe = useSubscribe();
  const navigate = useAppStore((s) => s.navigate);
  const [shown, setShown] = useState<Record<AlertKind, string[]>>({ raised: [], dueSoon: [] });
  const dismissed = useRef<Record<AlertKind, Set<string>>>({ raised: new Set(), dueSoon: new Set() });

  const add = useCallback((kind: AlertKind, uids: string[]) => {
    setShown((prev) => {
      const fresh = uids.filter((uid) => !dismissed.current[kind].has(uid) && !prev[kind].includes(uid));
      return fresh.length === 0 ? prev : { ...prev, [kind]: [...prev[kind], ...fresh] };
    });
  }, []);

  const check = useCallback(async () => {
    try {
      const alerts = await api.warningAlerts({});
      add('raised', alerts.raised.map((w) => w.uid));
      add('dueSoon', alerts.dueSoon.map((w) => w.uid));
    } catch {
      // An alert is a courtesy: a backend without warnings yet, or a failed read, shows none.
    }
  }, [api, add]);

  useEffect(() => {
    void check();
    return subscribe('warningsRaised', (payload) => {
      add('raised', payload.warningUids);
      void check();
    });
  }, [check, subscribe, add]);

  const dismiss = (kind: AlertKind): void => {
    setShown((prev) => {
      for (const uid of prev[kind]) dismissed.current[kind].add(uid);
      return { ...prev, [kind]: [] };
    });
  };
  const open = (event: MouseEvent, kind: AlertKind): void => {
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    dismiss(kind);
    navigate(kind === 'raised' ? RAISED_ROUTE : DUE_SOON_ROUTE);
  };

  const kinds = (['raised', 'dueSoon'] as const).filter((kind) => shown[kind].length > 0);
  // Nothing to say, no region: the frame's other status lines (toasts, jobs) stay the only ones.
  if (kinds.length === 0) return null;
  return (
    <div className="warning-alerts" role="status" aria-label={t('warningsUi.alerts.label')}>
      {kinds.map((kind) => (
        <div key={kind} className={`warning-alert warning-alert-${kind}`}>
          <a href={formatRoute(kind === 'raised' ? RAISED_ROUTE : DUE_SOON_ROUTE)} onClick={(e) => open(e, kind)}>
            {t(`warningsUi.alerts.${kind}`, { count: shown[kind].length })}
          </a>
          <button type="button" className="button-link" onClick={() => dismiss(kind)}>
            {t('warningsUi.alerts.dismiss')}
          </button>
        </div>
      ))}
    </div>
  );
}
