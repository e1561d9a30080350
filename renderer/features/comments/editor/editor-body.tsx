import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Comment, CommentsRecordOutcomeInput, CommentsTransitionInput, CommentTemplate, LanguageMark } from '../../../../shared/contract';
import { findUnfinishedTexts } from '../../../../shared/domain/unfinished-text';
import { useApi } from '../../../api/api-context';
import { useConfirm } from '../../../components/confirm-dialog';
import { isApplePlatform } from '../../../components/shortcuts';
import { useAppStore } from '../../../stores/app-store-context';
import { toErrorInfo, type ErrorInfo } from '../../../stores/error-info';
import { ActorMissing, useActingAs } from '../acting-as';
import { VersionHistory } from '../history/version-history';
import { OutcomesPanel } from '../outcomes/outcomes-panel';
import { FollowupBanner } from '../workflow/followup-banner';
import { ReturnNotice, StepHistory } from '../workflow/return-note';
import { WorkflowBar, type StepError, type StepRequest } from '../workflow/workflow-bar';
import { DeleteDraftButton, isDeletableDraft } from './delete-draft-button';
import { EditorHeader } from './editor-header';
import { ExportButtons } from './export-buttons';
import { PointsSection } from './points-section';
import { ConflictBanner, StatusBar } from './status-bar';
import { useCommentEditor } from './use-comment-editor';

function transitionInput(id: number, baseVersion: number, request: StepRequest): CommentsTransitionInput {
  const common = { id };
  switch (request.to) {
    case 'in_review':
    case 'approved':
      return { ...common, to: request.to, baseVersion };
    case 'closed':
      return { ...common, to: 'closed' };
    case 'draft':
      return { ...common, to: 'draft', note: request.note };
    case 'submitted':
      return { ...common, to: 'submitted', submission: request.submission };
    case 'reply_received':
      return { ...common, to: 'reply_received', reply: request.reply };
  }
}

/** One comment being worked on: text, workflow, outcomes, history. `fresh` is the latest copy read. */
export function EditorBody({ initial, fresh }: { initial: Comment; fresh: Comment | undefined }) {
  const { t } = useTranslation();
  const api = useApi();
  const { actor, actorUid } = useActingAs();
  const editor = useCommentEditor(initial, actor);
  const { comment, receive, isDirty, flush, save } = editor;
  const notify = useAppStore((s) => s.notify);
  const reportError = useAppStore((s) => s.reportError);
  const setLeaveGuard = useAppStore((s) => s.setLeaveGuard);
  const { confirm, dialog } = useConfirm();
  const [busy, setBusy] = useState(false);
  const [stepError, setStepError] = useState<StepError | null>(null);
  const [outcomeError, setOutcomeError] = useState<ErrorInfo | null>(null);
  const id = comment.id;
  const conflicted = editor.conflict !== null;

  useEffect(() => {
    if (fresh) receive(fresh);
  }, [fresh, receive]);

  // Leaving saves what is typed; only a conflict (nothing can be saved) asks first.
  useEffect(() => {
    setLeaveGuard((leave) => {
      if (!isDirty()) return true;
      if (conflicted) {
        void confirm({ title: t('commenting.conflict.leaveTitle'), body: t('commenting.conflict.leaveBody'), confirmLabel: t('commenting.conflict.leave'), danger: true }).then((ok) => {
          if (ok) leave();
        });
      } else {
        void flush().then((ok) => {
          if (ok) leave();
        });
      }
      return false;
    });
    return () => setLeaveGuard(null);
  }, [setLeaveGuard, isDirty, flush, confirm, conflicted, t]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      const mod = isApplePlatform() ? event.metaKey : event.ctrlKey;
      if (!mod || event.altKey || event.shiftKey || event.key.toLowerCase() !== 's') return;
      // Always: the browser's "save page as" is never what the analyst means here.
      event.preventDefault();
      void save(false);
    };
    const onBeforeUnload = (event: BeforeUnloadEvent): void => {
      if (!isDirty()) return;
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [save, isDirty]);

  /** Run one write; edits still being typed are saved first so the write starts from the current version. */
  const write = async (call: () => Promise<Comment>, onError: (e: unknown) => void, done?: (c: Comment) => string): Promise<boolean> => {
    setBusy(true);
    try {
      if (editor.comment.editable && !(await flush())) return false;
      const c = await call();
      editor.accept(c);
      if (done) notify(done(c));
      return true;
    } catch (e) {
      onError(e);
      return false;
    } finally {
      setBusy(false);
    }
  };

  const step = (request: StepRequest): Promise<boolean> => {
    setStepError(null);
    return write(
      () => api.commentsTransition(transitionInput(id, editor.baseVersion(), request)),
      (e) => {
        const error = toErrorInfo(e);
        setStepError({ error, selfApproval: request.to === 'approved' && error.code === 'CONFLICT' && actorUid === comment.authorUid });
      },
      (c) => t('commenting.workflow.moved', { status: t(`commenting.status.${c.status}`) }),
    );
  };

  const insertTemplate = (template: CommentTemplate): void =>
    void write(
      () => api.commentsInsertTemplate({ commentId: id, templateId: template.id, baseVersion: editor.baseVersion() }),
      reportError,
    );

  const restore = (version: number): Promise<boolean> =>
    write(() => api.commentsRestore({ id, version, baseVersion: editor.baseVersion() }), reportError, () =>
      t('commenting.history.restored', { version }),
    );

  const record = (input: CommentsRecordOutcomeInput): Promise<boolean> => {
    setOutcomeError(null);
    return write(() => api.commentsRecordOutcome(input), (e) => setOutcomeError(toErrorInfo(e)), () => t('commenting.outcomes.saved'));
  };

  const clearOutcome = (pointKey: string): Promise<boolean> => write(() => api.commentsClearOutcome({ id, pointKey }), reportError);

  const confirmLanguage = (pointKey: string, part: LanguageMark['part']): void =>
    void write(() => api.commentsConfirmLanguage({ id, pointKey, part }), reportError, () => t('commentChecks.language.confirmed'));

  const acknowledge = (notificationId: number): void =>
    void write(() => api.commentsAcknowledgeFollowup({ id, notificationId }), reportError, () => t('commenting.followups.acknowledged'));

  const writable = actor !== '' && !busy;
  const { draft } = editor;
  const unfinished = useMemo(
    () => findUnfinishedTexts({ titleZh: draft.titleZh, titleEn: draft.titleEn, points: draft.points.map((p) => ({ ...p, key: p.key ?? p.uid })) }),
    [draft],
  );

  return (
    <article className="comment-editor" aria-labelledby="comment-symbol">
      <EditorHeader
        comment={comment}
        actions={
          <>
            <ExportButtons before={flush} exportLetter={(language) => api.commentsExport({ id, language, inline: true })} />
            {isDeletableDraft(comment) ? <DeleteDraftButton comment={comment} actor={actor} busy={busy} /> : null}
          </>
        }
      />
      <ConflictBanner editor={editor} />
      <FollowupBanner comment={comment} busy={!writable} onChecked={acknowledge} />
      <ActorMissing />
      <ReturnNotice comment={comment} />
      <WorkflowBar comment={comment} busy={!writable || conflicted} error={stepError} onStep={step} unfinished={unfinished} />
      <PointsSection editor={editor} busy={!writable || conflicted} onInsertTemplate={insertTemplate} onConfirmLanguage={confirmLanguage} />
      {comment.acceptsOutcomes ? (
        <OutcomesPanel comment={comment} actor={actor} busy={busy} error={outcomeError} onRecord={record} onClear={clearOutcome} />
      ) : null}
      <StepHistory comment={comment} />
      <VersionHistory comment={comment} busy={!writable || conflicted} onRestore={restore} />
      <StatusBar editor={editor} />
      {dialog}
    </article>
  );
}
