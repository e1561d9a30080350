import { useTranslation } from 'react-i18next';
import { ErrorText } from '../../../components/error-banner';
import { isApplePlatform } from '../../../components/shortcuts';
import { formatDateTime } from '../../../i18n/format-date';
import { useAppStore } from '../../../stores/app-store-context';
import type { CommentEditor } from './use-comment-editor';

/** Version, whether the text on screen is saved, and when: always in view at the bottom. */
export function StatusBar({ editor }: { editor: CommentEditor }) {
  const { t } = useTranslation();
  const locale = useAppStore((s) => s.locale);
  const { comment, saveState, problem } = editor;
  const keys = isApplePlatform() ? '⌘S' : 'Ctrl+S';
  const savedAt = formatDateTime(comment.updatedAt, locale);
  let state: string;
  switch (saveState) {
    case 'saved':
      state = t('commenting.statusBar.savedAt', { time: savedAt });
      break;
    case 'dirty':
      state = t('commenting.statusBar.dirty');
      break;
    case 'saving':
      state = t('common.saving');
      break;
    case 'needs-actor':
      state = t('commenting.statusBar.needsActor');
      break;
    case 'failed':
      state = t('commenting.statusBar.failed');
      break;
    case 'conflict':
      state = t('commenting.statusBar.conflict');
      break;
  }
  return (
    <div className={`editor-status-bar editor-status-${saveState}`}>
      <span className="editor-version">{t('commenting.statusBar.version', { version: comment.version })}</span>
      <span className="editor-save-state" data-testid="save-state">
        {state}
      </span>
      {saveState === 'failed' && problem ? (
        <span className="editor-save-problem">
          <ErrorText error={problem} />
        </span>
      ) : null}
      <span className="toolbar-spacer" />
      {comment.editable ? (
        <button
          type="button"
          className="button button-primary"
          disabled={saveState === 'saving' || saveState === 'conflict'}
          aria-keyshortcuts={isApplePlatform() ? 'Meta+S' : 'Control+S'}
          title={t('commenting.statusBar.shortcut', { keys })}
          onClick={() => void editor.save(false)}
        >
          {t('commenting.statusBar.save')}
        </button>
      ) : null}
    </div>
  );
}

/** Someone else saved meanwhile: say so plainly and offer the newest version. */
export function ConflictBanner({ editor }: { editor: CommentEditor }) {
  const { t } = useTranslation();
  const { conflict } = editor;
  if (!conflict) return null;
  return (
    <div className="banner banner-conflict" role="alert">
      <div className="banner-text">
        <h3 className="banner-title">{t('commenting.conflict.title')}</h3>
        <p>
          {conflict.current !== null
            ? t('commenting.conflict.bodyVersions', { base: conflict.base, current: conflict.current })
            : t('commenting.conflict.body', { base: conflict.base })}
        </p>
        <p>{t('commenting.conflict.keep')}</p>
        {conflict.error ? (
          <p className="conflict-detail">
            <ErrorText error={conflict.error} />
          </p>
        ) : null}
      </div>
      <div className="banner-actions">
        <button type="button" className="button button-primary" onClick={() => void editor.reload()}>
          {t('commenting.conflict.reload')}
        </button>
      </div>
    </div>
  );
}
