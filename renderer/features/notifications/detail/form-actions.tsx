import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApplePlatform } from '../../../components/shortcuts';

/** Save and undo for an edit form, with the unsaved mark and a line about the last save. */
export function FormActions({
  dirty,
  saving,
  onReset,
  saveLabel,
  children,
}: {
  dirty: boolean;
  saving: boolean;
  onReset: () => void;
  saveLabel: string;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const keys = isApplePlatform() ? '⌘S' : 'Ctrl+S';
  return (
    <div className="form-actions editor-actions">
      <button type="submit" className="button button-primary" disabled={saving || !dirty} title={t('editor.saveShortcut', { keys })}>
        {saving ? t('common.saving') : saveLabel}
      </button>
      <button type="button" className="button" onClick={onReset} disabled={saving || !dirty}>
        {t('editor.reset')}
      </button>
      {dirty ? <span className="unsaved-mark">{t('editor.unsavedMark')}</span> : null}
      {children ? <span className="hint editor-meta">{children}</span> : null}
    </div>
  );
}
