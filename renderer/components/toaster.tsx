import { useTranslation } from 'react-i18next';
import { useAppStore } from '../stores/app-store-context';

/** Short confirmations in the corner; each goes by itself after a few seconds. */
export function Toaster() {
  const { t } = useTranslation();
  const toasts = useAppStore((s) => s.toasts);
  const dismiss = useAppStore((s) => s.dismissToast);
  if (toasts.length === 0) return null;
  return (
    <div className="toasts">
      {toasts.map((toast) => (
        <div key={toast.id} className="toast" role="status">
          <span>{toast.text}</span>
          <button type="button" className="toast-close" aria-label={t('common.close')} onClick={() => dismiss(toast.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
