import { useTranslation } from 'react-i18next';
import type { ErrorInfo } from '../stores/error-info';
import { ErrorText } from './error-banner';
import { RECOVERABLE_CODES, RecoveryChoices } from './recovery-choices';

export function LoadingScreen() {
  const { t } = useTranslation();
  return (
    <div className="startup">
      <p role="status" className="startup-loading">
        {t('app.loading')}
      </p>
    </div>
  );
}

/** Shown instead of the app when the very first call fails, e.g. a database from a newer version. */
export function StartupErrorScreen({ error, onRetry }: { error: ErrorInfo; onRetry: () => void }) {
  const { t } = useTranslation();
  // With the recovery choices below, the in-app advice ("restore in Settings") would point
  // somewhere the analyst cannot go yet: the choices say what can be done.
  const recoverable = RECOVERABLE_CODES.includes(error.code);
  const hint =
    error.code === 'DB_TOO_NEW' ? t('startup.hintTooNew') : error.code === 'UNAUTHORIZED' ? t('startup.hintUnauthorized') : null;
  return (
    <div className="startup">
      <div className="startup-card" role="alert" aria-labelledby="startup-title">
        <h1 id="startup-title">{t('startup.title')}</h1>
        <p>{t('startup.body')}</p>
        <p className="startup-error">
          <ErrorText error={error} hint={!recoverable} />
        </p>
        {hint ? <p className="startup-hint">{hint}</p> : null}
        {recoverable ? <RecoveryChoices onOpened={onRetry} /> : null}
        <button type="button" className={recoverable ? 'button' : 'button button-primary'} onClick={onRetry}>
          {t('startup.retry')}
        </button>
      </div>
    </div>
  );
}
