import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Attachment, NotificationDetail } from '../../../../shared/contract';
import { useApiClient } from '../../../api/api-context';
import { useConfirm } from '../../../components/confirm-dialog';
import { formatDateTime } from '../../../i18n/format-date';
import { formatBytes } from '../../../i18n/format-size';
import { useAppStore } from '../../../stores/app-store-context';
import { DetailSection } from '../detail-parts';

/** The files kept with a notification: add, see where one is stored, remove. */
export function AttachmentsSection({ n, onChanged }: { n: NotificationDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  const { api, stageFile } = useApiClient();
  const locale = useAppStore((s) => s.locale);
  const notify = useAppStore((s) => s.notify);
  const reportError = useAppStore((s) => s.reportError);
  const { confirm, dialog } = useConfirm();
  const inputRef = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [opened, setOpened] = useState<{ id: number; path: string } | null>(null);
  const k = 'notifications.detail.attachments';

  const add = async (file: File): Promise<void> => {
    setBusy(true);
    try {
      const staged = await stageFile(file);
      const { attachment, alreadyAttached } = await api.attachmentsAdd({ notificationId: n.id, fileRef: staged.fileRef });
      notify(alreadyAttached ? t('editor.attachments.already', { name: attachment.fileName }) : t('editor.attachments.added', { name: attachment.fileName }));
      onChanged();
    } catch (e) {
      reportError(e);
    } finally {
      setBusy(false);
    }
  };

  const remove = async (a: Attachment): Promise<void> => {
    const ok = await confirm({
      title: t('editor.attachments.removeTitle'),
      body: t('editor.attachments.removeBody', { name: a.fileName }),
      confirmLabel: t('editor.attachments.remove'),
      danger: true,
    });
    if (!ok) return;
    try {
      await api.attachmentsRemove({ id: a.id });
      notify(t('editor.attachments.removed', { name: a.fileName }));
      if (opened?.id === a.id) setOpened(null);
      onChanged();
    } catch (e) {
      reportError(e);
    }
  };

  const open = async (a: Attachment): Promise<void> => {
    try {
      const { path } = await api.attachmentsOpen({ id: a.id });
      setOpened({ id: a.id, path });
    } catch (e) {
      reportError(e);
    }
  };

  return (
    <DetailSection title={t(`${k}.title`)}>
      <div className="section-actions">
        <input
          ref={inputRef}
          type="file"
          className="visually-hidden"
          aria-label={t('editor.attachments.fileLabel')}
          accept=".pdf,.docx,.doc,.xlsx,.txt,.html,.htm"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) void add(file);
          }}
        />
        <button type="button" className="button" disabled={busy} onClick={() => inputRef.current?.click()}>
          {busy ? t('editor.attachments.adding') : t('editor.attachments.add')}
        </button>
        <span className="hint">{t('editor.attachments.hint')}</span>
      </div>
      {n.attachments.length === 0 ? (
        <p className="muted">{t(`${k}.none`)}</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table data-table-compact" aria-label={t(`${k}.title`)}>
            <thead>
              <tr>
                <th scope="col">{t(`${k}.fileName`)}</th>
                <th scope="col">{t(`${k}.size`)}</th>
                <th scope="col">{t(`${k}.mediaType`)}</th>
                <th scope="col">{t(`${k}.addedAt`)}</th>
                <th scope="col">{t(`${k}.addedBy`)}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('editor.attachments.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {n.attachments.map((a) => (
                <tr key={a.id}>
                  <td>{a.fileName}</td>
                  <td className="cell-date">{formatBytes(a.size)}</td>
                  <td>{a.mediaType}</td>
                  <td className="cell-date">{formatDateTime(a.addedAt, locale)}</td>
                  <td>{a.addedBy}</td>
                  <td className="cell-actions">
                    <button type="button" className="button button-link" onClick={() => void open(a)} aria-label={t('editor.attachments.openNamed', { name: a.fileName })}>
                      {t('editor.attachments.open')}
                    </button>
                    <button type="button" className="button button-link button-link-danger" onClick={() => void remove(a)} aria-label={t('editor.attachments.removeNamed', { name: a.fileName })}>
                      {t('editor.attachments.remove')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {opened ? (
        <p className="stored-path" role="status">
          {t('editor.attachments.storedAt')} <code className="path">{opened.path}</code>
        </p>
      ) : null}
      {dialog}
    </DetailSection>
  );
}
