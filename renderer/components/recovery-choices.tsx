import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecoveryChoice, RecoveryStatus } from '../../shared/contract/backups';
import { useApi } from '../api/api-context';
import { useLoad } from '../api/use-load';
import { formatDateTime } from '../i18n/format-date';
import { useAppStore, useDataVersion } from '../stores/app-store-context';
import { toErrorInfo, type ErrorInfo } from '../stores/error-info';
import { ErrorText } from './error-banner';

/** Codes for which the backend may be waiting in recovery rather than simply failing. */
export const RECOVERABLE_CODES: readonly string[] = ['DB_CORRUPT', 'ACCESS_DENIED', 'READ_ONLY'];

/**
 * The three ways on from a store that cannot be opened, as the backend offers them: restore the
 * newest good backup, open read-only, or quit. Shown on the start-up screen; `onOpened` starts
 * the app again once a choice has opened a store.
 */
export function RecoveryChoices({ onOpened }: { onOpened: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const locale = useAppStore((s) => s.locale);
  const load = useCallback(() => api.recoveryStatus({}), [api]);
  const loaded = useLoad<RecoveryStatus>(load);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [quit, setQuit] = useState(false);
  const status = loaded.data;
  if (!status || status.mode !== 'recovery') return null;
  if (quit) return <p role="status">{t('recovery.quitDone')}</p>;

  const choose = async (choice: RecoveryChoice): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await api.recoveryChoose({ choice });
      if (choice === 'quit') setQuit(true);
      else onOpened();
    } catch (e) {
      setError(toErrorInfo(e));
    } finally {
      setBusy(false);
    }
  };

  const newest = status.newestGood;
  return (
    <div className="recovery" role="group" aria-labelledby="recovery-title">
      <h2 id="recovery-title">{t('recovery.title')}</h2>
      <p>{t('recovery.body')}</p>
      <p className="path">{t('recovery.file', { path: status.databasePath })}</p>
      <p>{newest ? t('recovery.newest', { time: formatDateTime(newest.createdAt, locale), ...newest.counts }) : t('recovery.noBackup')}</p>
      <div className="recovery-choices">
        {status.choices.includes('restore-newest') ? (
          <div>
            <button type="button" className="button button-primary" disabled={busy} onClick={() => void choose('restore-newest')}>
              {t('recovery.restore')}
            </button>
            <p className="hint">{t('recovery.restoreHint', { path: status.replacedFolder })}</p>
          </div>
        ) : null}
        <div>
          <button type="button" className="button" disabled={busy} onClick={() => void choose('read-only')}>
            {t('recovery.readOnly')}
          </button>
          <p className="hint">{t('recovery.readOnlyHint')}</p>
        </div>
        <div>
          <button type="button" className="button" disabled={busy} onClick={() => void choose('quit')}>
            {t('recovery.quit')}
          </button>
        </div>
      </div>
      {error ? (
        <p className="startup-error" role="alert">
          <ErrorText error={error} />
        </p>
      ) : null}
    </div>
  );
}

/** A line above every screen while the store is open read-only. */
export function ReadOnlyBanner() {
  const { t } = useTranslation();
  const api = useApi();
  const dataVersion = useDataVersion(['backups']);
  const load = useCallback(() => api.recoveryStatus({}), [api]);
  const loaded = useLoad<RecoveryStatus>(load, dataVersion);
  if (loaded.data?.mode !== 'read-only') return null;
  return (
    <p className="read-only-banner" role="note">
      {t('recovery.readOnlyBanner')}
    </p>
  );
}
