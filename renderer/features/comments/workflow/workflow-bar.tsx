import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Comment, CommentStatus, SubmissionChannel } from '../../../../shared/contract';
import { COMMENT_STATUSES } from '../../../../shared/domain/comment-workflow';
import type { UnfinishedText } from '../../../../shared/domain/unfinished-text';
import { useConfirm } from '../../../components/confirm-dialog';
import { ErrorText } from '../../../components/error-banner';
import { formatDateTime } from '../../../i18n/format-date';
import { useAppStore } from '../../../stores/app-store-context';
import type { ErrorInfo } from '../../../stores/error-info';
import { TransitionDialog, type DialogStep } from './transition-dialog';

/** One move and what it needs besides the comment, the analyst and the version. */
export type StepRequest =
  | { to: 'in_review' | 'approved' | 'closed' }
  | { to: 'draft'; note: string }
  | { to: 'submitted'; submission: { date: string; channel: SubmissionChannel; reference: string } }
  | { to: 'reply_received'; reply: { date: string; summary: string } };

export interface StepError {
  error: ErrorInfo;
  /** The author tried to approve their own comment: said in the analyst's language, with the name. */
  selfApproval: boolean;
}

interface Props {
  comment: Comment;
  busy: boolean;
  error: StepError | null;
  onStep: (request: StepRequest) => Promise<boolean>;
  /** Template text still to be completed in the text as typed: review and approval wait for it. */
  unfinished?: readonly UnfinishedText[];
}

/**
 * The six steps from draft to closed, each with who took it and when, and buttons for the
 * moves allowed now (from the backend's nextStatuses; skipped steps are never offered).
 */
export function WorkflowBar({ comment, busy, error, onStep, unfinished = [] }: Props) {
  const { t } = useTranslation();
  const locale = useAppStore((s) => s.locale);
  const { confirm, dialog } = useConfirm();
  const [asking, setAsking] = useState<DialogStep | null>(null);
  const [blocked, setBlocked] = useState<'in_review' | 'approved' | null>(null);
  // Once the text is completed the notice has done its work.
  const stillBlocked = blocked !== null && unfinished.length > 0 ? blocked : null;
  const currentIndex = COMMENT_STATUSES.indexOf(comment.status);

  const lastEvent = (status: CommentStatus) => [...comment.events].reverse().find((e) => e.toStatus === status);

  const start = async (to: CommentStatus): Promise<void> => {
    setBlocked(null);
    if ((to === 'in_review' || to === 'approved') && unfinished.length > 0) {
      setBlocked(to);
      return;
    }
    if (to === 'draft' || to === 'submitted' || to === 'reply_received') {
      setAsking(to);
    } else if (to === 'closed') {
      const ok = await confirm({
        title: t('commenting.workflow.close.title'),
        body: t('commenting.workflow.close.body'),
        confirmLabel: t('commenting.workflow.close.confirm'),
      });
      if (ok) await onStep({ to });
    } else if (to === 'approved' && comment.languageMarks.length > 0) {
      // Approval is the last look before the letter goes out: name each text that may lag behind.
      const where = comment.languageMarks.map((m) => {
        const n = comment.content.points.findIndex((p) => p.key === m.pointKey) + 1;
        return t('commentChecks.unfinished.where', { n, field: t(`commentChecks.unfinished.fields.${m.part}${m.stale === 'zh' ? 'Zh' : 'En'}`) });
      });
      const ok = await confirm({
        title: t('commentChecks.language.approve.title'),
        body: t('commentChecks.language.approve.body', { list: where.join(t('commentChecks.language.separator')) }),
        confirmLabel: t('commentChecks.language.approve.confirm'),
      });
      if (ok) await onStep({ to });
    } else {
      await onStep({ to });
    }
  };

  return (
    <section className="workflow" aria-label={t('commenting.workflow.label')}>
      <ol className="workflow-steps">
        {COMMENT_STATUSES.map((status, index) => {
          const event = index <= currentIndex ? lastEvent(status) : undefined;
          const state = index < currentIndex ? 'done' : index === currentIndex ? 'current' : 'todo';
          return (
            <li key={status} className={`workflow-step workflow-step-${state}`} aria-current={state === 'current' ? 'step' : undefined}>
              <span className="workflow-step-name">{t(`commenting.status.${status}`)}</span>
              {event ? (
                <span className="workflow-step-who">
                  {event.actor} · {formatDateTime(event.at, locale)}
                </span>
              ) : null}
            </li>
          );
        })}
      </ol>
      <div className="workflow-actions">
        {comment.nextStatuses.map((to) => (
          <button
            key={to}
            type="button"
            className={to === 'draft' ? 'button' : 'button button-primary'}
            disabled={busy}
            onClick={() => void start(to)}
          >
            {t(`commenting.workflow.actions.${to}`)}
          </button>
        ))}
        {comment.reviewer ? <span className="muted">{t('commenting.workflow.reviewer', { name: comment.reviewer })}</span> : null}
      </div>
      {stillBlocked ? (
        <div className="inline-error workflow-error" role="alert">
          <strong>{t(`commentChecks.unfinished.blocked.${stillBlocked}`)}</strong>
          <ul className="unfinished-list">
            {unfinished.map((u) => {
              const field = t(`commentChecks.unfinished.fields.${u.field}`);
              return (
                <li key={`${u.pointKey ?? ''}-${u.field}`}>
                  {u.point === null ? field : t('commentChecks.unfinished.where', { n: u.point, field })}: {u.markers.join(' ')}
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}
      {error ? (
        <div className="inline-error workflow-error" role="alert">
          {error.selfApproval ? <strong>{t('commenting.workflow.selfApproval', { name: comment.author })}</strong> : null}
          <ErrorText error={error.error} />
        </div>
      ) : null}
      {asking ? (
        <TransitionDialog
          step={asking}
          submissionDate={comment.submission?.date ?? null}
          error={error?.error ?? null}
          onCancel={() => setAsking(null)}
          onConfirm={async (request) => {
            const ok = await onStep(request);
            if (ok) setAsking(null);
            return ok;
          }}
        />
      ) : null}
      {dialog}
    </section>
  );
}
