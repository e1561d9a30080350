import { useCallback, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Modal } from './modal';

export interface ConfirmOptions {
  title: string;
  body?: string;
  confirmLabel: string;
  cancelLabel?: string;
  /** A red confirm button, for deletions. */
  danger?: boolean;
}

interface Pending {
  options: ConfirmOptions;
  resolve: (ok: boolean) => void;
}

/**
 * An in-app yes/no question. window.confirm would block the whole window and look different
 * in Electron and the browser; this one is styled and testable. Render `dialog` somewhere.
 */
export function useConfirm(): { confirm: (options: ConfirmOptions) => Promise<boolean>; dialog: ReactNode } {
  const { t } = useTranslation();
  const [pending, setPending] = useState<Pending | null>(null);

  const confirm = useCallback(
    (options: ConfirmOptions) =>
      new Promise<boolean>((resolve) => {
        setPending({ options, resolve });
      }),
    [],
  );

  const answer = (ok: boolean): void => {
    pending?.resolve(ok);
    setPending(null);
  };

  const dialog = pending ? (
    <Modal
      title={pending.options.title}
      closeLabel={t('common.close')}
      onClose={() => answer(false)}
      footer={
        <>
          <button type="button" className="button" onClick={() => answer(false)} data-autofocus>
            {pending.options.cancelLabel ?? t('common.cancel')}
          </button>
          <button
            type="button"
            className={pending.options.danger ? 'button button-danger' : 'button button-primary'}
            onClick={() => answer(true)}
          >
            {pending.options.confirmLabel}
          </button>
        </>
      }
    >
      {pending.options.body ? <p>{pending.options.body}</p> : null}
    </Modal>
  ) : null;

  return { confirm, dialog };
}
