import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoreCheck, StoreHealthInfo } from '../../../shared/contract';
import { useApi } from '../../api/api-context';
import { InlineError } from '../../components/error-banner';
import { formatDateTime } from '../../i18n/format-date';
import { toErrorInfo, type ErrorInfo } from '../../stores/error-info';
import { useAppStore } from '../../stores/app-store-context';

/** "Check the store now": the full integrity check on demand, with its result in place. */
export function StoreCheckBox({ health }: { health: StoreHealthInfo }) {
  const { t } = useTranslation();
  const locale = useAppStore((s) => s.locale);
  const id = useId();
  const api = useApi();
  const refreshAppInfo = useAppStore((s) => s.refreshAppInfo);
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<StoreCheck | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const kind = (c: StoreCheck): string => (c.kind === 'full' ? t('faults.check.kindFull') : t('faults.check.kindQuick'));

  const run = async (): Promise<void> => {
    setRunning(true);
    setError(null);
    try {
      setResult(await api.storeCheck({ full: true }));
      // The app info carries the health the banner shows.
      await refreshAppInfo();
    } catch (e) {
      setError(toErrorInfo(e));
    } finally {
      setRunning(false);
    }
  };

  const last = result ?? health.lastCheck;
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 className="card-title" id={`${id}-title`}>
        {t('faults.check.title')}
      </h2>
      <p className="muted">{t('faults.check.intro')}</p>
      <button type="button" className="button" onClick={() => void run()} disabled={running} aria-busy={running}>
        {running ? t('faults.check.running') : t('faults.check.run')}
      </button>
      <InlineError error={error} />
      {result ? (
        <div className="store-check-result" role="status">
          {result.ok ? (
            t('faults.check.passed', { kind: kind(result), ms: result.ms })
          ) : (
            <>
              {t('faults.check.failed', { kind: kind(result) })}
              <ul>
                {result.problems.map((p, i) => (
                  <li key={i}>{p}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      ) : last ? (
        <p className="store-check-result">
          {t('faults.check.last', { at: formatDateTime(last.at, locale), result: `${kind(last)} ${last.ok ? t('faults.check.lastOk') : t('faults.check.lastFailed')}` })}
        </p>
      ) : null}
    </section>
  );
}
