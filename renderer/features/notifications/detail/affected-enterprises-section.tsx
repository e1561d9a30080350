import { useCallback, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportedFile, NotificationDetail } from '../../../../shared/contract';
import { useApi } from '../../../api/api-context';
import { useLoad } from '../../../api/use-load';
import { ErrorText, InlineError } from '../../../components/error-banner';
import { WarningLevelBadge } from '../../../components/warning-level';
import { useAppStore, useDataVersion } from '../../../stores/app-store-context';
import { toErrorInfo, type ErrorInfo } from '../../../stores/error-info';
import { formatRoute, type Route } from '../../../stores/route';
import { downloadExport } from '../../comments/editor/download';
import { targetName } from '../../warnings/warning-words';
import { DetailSection } from '../detail-parts';

const warningRoute = (uid: string): Route => ({ section: 'warnings', id: null, query: `uid=${uid}` });

/**
 * The enterprises (and focus industries) the notification's measure reaches, highest score
 * first, each linking to its warning; and one letter to every enterprise with a red or orange
 * warning, made in one go.
 */
export function AffectedEnterprisesSection({ n }: { n: NotificationDetail }) {
  const { t } = useTranslation();
  const api = useApi();
  const locale = useAppStore((s) => s.locale);
  const navigate = useAppStore((s) => s.navigate);
  const notify = useAppStore((s) => s.notify);
  const version = useDataVersion(['warnings']);
  const load = useCallback(() => api.warningsForNotification({ notificationId: n.id }), [api, n.id]);
  const { data, error } = useLoad(load, version);
  const [busy, setBusy] = useState(false);
  const [batchError, setBatchError] = useState<ErrorInfo | null>(null);
  const [made, setMade] = useState<ExportedFile[] | null>(null);
  const k = 'warningsUi.affected';

  const open = (event: MouseEvent, uid: string): void => {
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(warningRoute(uid));
  };
  const batch = async (): Promise<void> => {
    setBusy(true);
    setBatchError(null);
    try {
      const letters = await api.warningLettersBatch({ notificationId: n.id, format: 'docx', inline: true });
      const files = letters.map((l) => l.file);
      // One file downloads at once; several are listed, as a browser asks before many downloads.
      if (files.length === 1) downloadExport(files[0]!);
      setMade(files);
      notify(files.length === 0 ? t(`${k}.batchNone`) : t(`${k}.batchDone`, { count: files.length }));
    } catch (e) {
      setBatchError(toErrorInfo(e));
    } finally {
      setBusy(false);
    }
  };

  const items = data ?? [];
  const high = items.some((w) => w.target.kind === 'enterprise' && (w.level === 'red' || w.level === 'orange') && w.state !== 'closed');
  return (
    <DetailSection title={t(`${k}.title`)}>
      {error ? <ErrorText error={error} /> : null}
      {data && items.length === 0 ? <p className="empty-line">{t(`${k}.none`)}</p> : null}
      {items.length > 0 ? (
        <table className="affected-enterprises">
          <thead>
            <tr>
              <th>{t('warningsUi.inbox.columns.level')}</th>
              <th>{t('warningsUi.inbox.columns.target')}</th>
              <th>{t('warningsUi.inbox.columns.score')}</th>
              <th>{t('warningsUi.inbox.columns.match')}</th>
              <th>{t('warningsUi.inbox.columns.state')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((w) => (
              <tr key={w.uid}>
                <td>
                  <WarningLevelBadge level={w.level} overridden={w.overridden} />
                </td>
                <td>
                  <a href={formatRoute(warningRoute(w.uid))} onClick={(e) => open(e, w.uid)}>
                    {targetName(w.target, locale)}
                  </a>
                  {w.target.kind === 'enterprise' ? <span className="muted credit-code"> {w.target.creditCode}</span> : null}
                </td>
                <td className="num">{w.score}</td>
                <td>{t(`warningWords.match.${w.match}`)}</td>
                <td>{t(`warningWords.states.${w.state}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {high ? (
        <div className="button-row">
          <button type="button" className="button" disabled={busy} onClick={() => void batch()} title={t(`${k}.batchHint`)}>
            {t(`${k}.batch`)}
          </button>
        </div>
      ) : null}
      <InlineError error={batchError} />
      {made && made.length > 1 ? (
        <div className="made-files">
          <p>{t(`${k}.made`)}</p>
          <ul>
            {made.map((f) => (
              <li key={f.path}>
                <button type="button" className="button-link" onClick={() => downloadExport(f)}>
                  {f.fileName}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </DetailSection>
  );
}
