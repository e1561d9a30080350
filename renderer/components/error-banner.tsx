import { useTranslation } from 'react-i18next';
import type { ErrorInfo } from '../stores/error-info';
import { useAppStore } from '../stores/app-store-context';

const FAULT_HINTS = ['DB_CORRUPT', 'BUSY', 'DISK_FULL', 'READ_ONLY', 'ACCESS_DENIED', 'TOO_LARGE', 'INTERNAL'] as const;
type FaultHintCode = (typeof FAULT_HINTS)[number];

/** Codes whose backend message is technical: the analyst also gets what to do, in their language. */
function hasFaultHint(code: string): code is FaultHintCode {
  return (FAULT_HINTS as readonly string[]).includes(code);
}

/** "输入有误（VALIDATION）：message": the readable name first, the stable code for support. */
export function ErrorText({ error, hint = true }: { error: ErrorInfo; hint?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <strong>
        {t(`errors.codes.${error.code}`)} <code className="error-code">{error.code}</code>
      </strong>
      <span className="error-message">{error.message}</span>
      {hint && hasFaultHint(error.code) ? <span className="error-hint">{t(`faults.hints.${error.code}`)}</span> : null}
    </>
  );
}

/** A failed call shown where it happened, inside a form or section; nothing when there is none. */
export function InlineError({ error }: { error: ErrorInfo | null }) {
  if (!error) return null;
  return (
    <div className="inline-error" role="alert">
      <ErrorText error={error} />
    </div>
  );
}

export function ErrorBanner() {
  const { t } = useTranslation();
  const error = useAppStore((s) => s.error);
  const dismiss = useAppStore((s) => s.dismissError);
  if (!error) return null;
  return (
    <div className="banner banner-error" role="alert">
      <div className="banner-text">
        <ErrorText error={error} />
      </div>
      <button type="button" className="button button-quiet" onClick={dismiss} aria-label={t('errors.dismiss')}>
        {t('common.dismiss')}
      </button>
    </div>
  );
}
