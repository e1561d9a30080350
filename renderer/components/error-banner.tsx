import { useTranslation } from 'react-i18next';
import type { ErrorInfo } from '../stores/error-info';
import { useAppStore } from '../stores/app-store-context';

/** "输入有误（VALIDATION）：message": the readable name first, the stable code for support. */
export function ErrorText({ error }: { error: ErrorInfo }) {
  const { t } = useTranslation();
  return (
    <>
      <strong>
        {t(`errors.codes.${error.code}`)} <code className="error-code">{error.code}</code>
      </strong>
      <span className="error-message">{error.message}</span>
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
