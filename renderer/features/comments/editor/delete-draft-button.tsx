import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Comment } from '../../../../shared/contract';
import { useApi } from '../../../api/api-context';
import { useConfirm } from '../../../components/confirm-dialog';
import { InlineError } from '../../../components/error-banner';
import { useAppStore } from '../../../stores/app-store-context';
import { toErrorInfo, type ErrorInfo } from '../../../stores/error-info';

/** Only a draft that never went to review may go; anything reviewed stays on record. */
export function isDeletableDraft(comment: Comment): boolean {
  return comment.status === 'draft' && !comment.events.some((e) => e.toStatus === 'in_review');
}

/** 删除草稿: asks first, deletes as the acting analyst, then goes back to the list. */
export function DeleteDraftButton({ comment, actor, busy }: { comment: Comment; actor: string; busy: boolean }) {
  const { t } = useTranslation();
  const api = useApi();
  const navigate = useAppStore((s) => s.navigate);
  const notify = useAppStore((s) => s.notify);
  const setLeaveGuard = useAppStore((s) => s.setLeaveGuard);
  const { confirm, dialog } = useConfirm();
  const [deleting, setDeleting] = useState(false);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const k = 'commenting.editor.deleteDraft';

  const run = async (): Promise<void> => {
    setError(null);
    const ok = await confirm({ title: t(`${k}.title`), body: t(`${k}.body`), confirmLabel: t(`${k}.confirm`), danger: true });
    if (!ok) return;
    setDeleting(true);
    try {
      await api.commentsDelete({ id: comment.id });
      // The comment is gone: there is nothing left to save on the way out.
      setLeaveGuard(null);
      notify(t(`${k}.done`));
      navigate({ section: 'comments', id: null });
    } catch (e) {
      // CONFLICT: the backend found it was sent for review after all; its message says so.
      setError(toErrorInfo(e));
      setDeleting(false);
    }
  };

  return (
    <>
      <button type="button" className="button button-danger" disabled={busy || deleting || actor === ''} onClick={() => void run()}>
        {deleting ? t(`${k}.deleting`) : t(`${k}.button`)}
      </button>
      <InlineError error={error} />
      {dialog}
    </>
  );
}
