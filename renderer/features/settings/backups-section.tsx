import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupEntry, BackupList, BackupRotation, BackupSummary } from '../../../shared/contract/backups';
import { useApi, useSubscribe } from '../../api/api-context';
import { useLoad } from '../../api/use-load';
import { useConfirm } from '../../components/confirm-dialog';
import { JobProgress } from '../../components/job-progress';
import { ErrorText, InlineError } from '../../components/error-banner';
import { formatDateTime } from '../../i18n/format-date';
import { formatBytes } from '../../i18n/format-size';
import { useAppStore, useDataVersion } from '../../stores/app-store-context';
import { useClaimedJob } from '../../stores/jobs-context';
import { toErrorInfo, type ErrorInfo } from '../../stores/error-info';
import { RotationForm } from './backup-rotation-form';

/** Where a restore moves the current store: shown before the analyst agrees to it. */
export function replacedFolder(dataDir: string): string {
  const sep = dataDir.includes('\\') && !dataDir.includes('/') ? '\\' : '/';
  return `${dataDir.replace(/[\\/]+$/, '')}${sep}replaced`;
}

function BackupSummaryView({ summary }: { summary: BackupSummary }) {
  const { t } = useTranslation();
  const locale = useAppStore((s) => s.locale);
  return (
    <div className="backup-summary" role="region" aria-label={t('backups.summaryTitle')}>
      <h3>{t('backups.summaryTitle')}</h3>
      <p>{t('backups.contents', summary.counts)}</p>
      <h4>{t('backups.summaryNotifications')}</h4>
      {summary.newestNotifications.length === 0 ? <p className="muted">{t('backups.summaryNone')}</p> : null}
      <ul>
        {summary.newestNotifications.map((n) => (
          <li key={n.symbol}>
            <code>{n.symbol}</code> {n.title} {n.distributedOn ? <span className="muted">{n.distributedOn}</span> : null}
          </li>
        ))}
      </ul>
      <h4>{t('backups.summaryComments')}</h4>
      {summary.newestComments.length === 0 ? <p className="muted">{t('backups.summaryNone')}</p> : null}
      <ul>
        {summary.newestComments.map((c) => (
          <li key={c.id}>
            {c.title} <span className="muted">{formatDateTime(c.updatedAt, locale)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * Settings › Backups and recovery: the list with each backup's check, "back up now" with its
 * progress, a read-only look inside a backup, restore (after saying where the current store
 * goes), delete, the folder and the rotation.
 */
export function BackupsSection() {
  const { t } = useTranslation();
  const api = useApi();
  const subscribe = useSubscribe();
  const locale = useAppStore((s) => s.locale);
  const dataVersion = useDataVersion(['backups']);
  const dataDir = useAppStore((s) => s.appInfo?.dataDir ?? '');
  const notify = useAppStore((s) => s.notify);
  const [reloads, setReloads] = useState(0);
  const load = useCallback(() => api.backupsList({}), [api]);
  const loaded = useLoad<BackupList>(load, dataVersion + reloads);
  // The manual backup this section asked for: its progress shows here, its result as a toast.
  const [jobId, setJobId] = useState<string | null>(null);
  const ours = useRef<string | null>(null);
  const job = useClaimedJob(jobId);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [summary, setSummary] = useState<BackupSummary | null>(null);
  const [folder, setFolder] = useState<string | null>(null);
  const { confirm, dialog } = useConfirm();
  const id = useId();
  const list = loaded.data;
  const running = jobId !== null || (list?.running ?? false);

  useEffect(
    () =>
      subscribe('jobDone', (d) => {
        if (d.kind !== 'backup') return;
        // Any backup that ends (the day's too) changes the list.
        setReloads((r) => r + 1);
        if (d.jobId !== ours.current) return;
        ours.current = null;
        setJobId(null);
        if (!d.ok) {
          if (d.error?.code !== 'CANCELLED') setError({ code: 'INTERNAL', message: t('backups.createFailed', { message: d.error?.message ?? '' }) });
        } else if (d.result?.check.ok === false) setError({ code: 'DB_CORRUPT', message: t('backups.createdBad') });
        else notify(t('backups.created', { id: d.result?.id ?? '' }));
      }),
    [subscribe, notify, t],
  );

  const act = async <T,>(work: () => Promise<T>): Promise<T | null> => {
    setBusy(true);
    setError(null);
    try {
      return await work();
    } catch (e) {
      setError(toErrorInfo(e));
      return null;
    } finally {
      setBusy(false);
    }
  };

  const create = async (): Promise<void> => {
    const started = await act(() => api.backupsCreate({}));
    if (started) {
      ours.current = started.jobId;
      setJobId(started.jobId);
    }
  };

  const time = (b: BackupEntry): string => formatDateTime(b.createdAt, locale);

  const restore = async (b: BackupEntry): Promise<void> => {
    const ok = await confirm({
      title: t('backups.confirmRestoreTitle', { time: time(b) }),
      body: t('backups.confirmRestoreBody', { path: replacedFolder(dataDir), ...b.counts }),
      confirmLabel: t('backups.confirmRestore'),
      danger: true,
    });
    if (!ok) return;
    const result = await act(() => api.backupsRestore({ id: b.id }));
    if (result) {
      setSummary(null);
      notify(t('backups.restored', { id: result.restored, path: result.movedAsideTo ?? '—' }));
    }
  };

  const remove = async (b: BackupEntry): Promise<void> => {
    const ok = await confirm({
      title: t('backups.confirmDeleteTitle'),
      body: t('backups.confirmDeleteBody', { time: time(b), kind: t(`backups.kinds.${b.kind}`) }),
      confirmLabel: t('backups.confirmDelete'),
      danger: true,
    });
    if (!ok) return;
    if (await act(() => api.backupsDelete({ id: b.id }))) {
      if (summary?.id === b.id) setSummary(null);
      setReloads((r) => r + 1);
      notify(t('backups.deleted'));
    }
  };

  const view = async (b: BackupEntry): Promise<void> => {
    const s = await act(() => api.backupsSummary({ id: b.id }));
    if (s) setSummary(s);
  };

  const saveFolder = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const value = (folder ?? list?.config.folder ?? '').trim();
    const saved = await act(() => api.backupsConfigure({ folder: value === '' ? null : value }));
    if (saved) {
      setFolder(null);
      setReloads((r) => r + 1);
      notify(t('backups.folderSaved', { folder: saved.folder }));
    }
  };

  const saveRotation = async (rotation: BackupRotation): Promise<void> => {
    if (await act(() => api.backupsConfigure({ rotation }))) {
      setReloads((r) => r + 1);
      notify(t('backups.rotationSaved'));
    }
  };

  return (
    <section className="card card-wide backups" aria-labelledby={`${id}-title`}>
      <h2 className="card-title" id={`${id}-title`}>
        {t('backups.title')}
      </h2>
      <p className="hint">{t('backups.hint')}</p>
      <div className="backup-actions">
        <button type="button" className="button button-primary" disabled={busy || running} onClick={() => void create()}>
          {t('backups.create')}
        </button>
      </div>
      {jobId ? (
        <JobProgress
          job={job ?? { jobId, kind: 'backup', status: 'running', position: null, phase: 'starting', done: 0, total: null, error: null }}
          onCancel={() => void api.jobsCancel({ jobId }).catch((e: unknown) => setError(toErrorInfo(e)))}
        />
      ) : null}
      <InlineError error={error} />
      {loaded.error && !list ? (
        <div className="inline-error">
          <ErrorText error={loaded.error} />
        </div>
      ) : null}
      {list && list.backups.length === 0 ? <p className="muted">{t('backups.empty')}</p> : null}
      {list && list.backups.length > 0 ? (
        <table className="data-table data-table-compact" aria-label={t('backups.tableLabel')}>
          <thead>
            <tr>
              {(['createdAt', 'kind', 'size', 'contents', 'check', 'actions'] as const).map((c) => (
                <th key={c} scope="col">
                  {t(`backups.columns.${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {list.backups.map((b) => (
              <tr key={b.id}>
                <th scope="row" className="cell-date">
                  {time(b)}
                </th>
                <td>{t(`backups.kinds.${b.kind}`)}</td>
                <td>{formatBytes(b.size)}</td>
                <td>{t('backups.contents', b.counts)}</td>
                <td className={b.check.ok ? undefined : 'backup-bad'} title={b.check.ok ? undefined : b.check.message}>
                  {b.check.ok ? t('backups.checkOk') : t('backups.checkBad')}
                </td>
                <td className="cell-actions">
                  <button type="button" className="button button-link" disabled={busy || !b.check.ok} aria-label={t('backups.viewName', { time: time(b) })} onClick={() => void view(b)}>
                    {t('backups.view')}
                  </button>
                  <button
                    type="button"
                    className="button button-link"
                    disabled={busy || running || !b.check.ok}
                    aria-label={t('backups.restoreName', { time: time(b) })}
                    onClick={() => void restore(b)}
                  >
                    {t('backups.restore')}
                  </button>
                  <button type="button" className="button button-link" disabled={busy || running} aria-label={t('backups.deleteName', { time: time(b) })} onClick={() => void remove(b)}>
                    {t('backups.delete')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {summary ? <BackupSummaryView summary={summary} /> : null}
      {list ? (
        <>
          <form className="backup-folder" onSubmit={(event) => void saveFolder(event)}>
            <label htmlFor={`${id}-folder`}>{t('backups.folder')}</label>
            <input
              id={`${id}-folder`}
              type="text"
              value={folder ?? list.config.folder ?? ''}
              placeholder={list.folder}
              aria-describedby={`${id}-folder-hint`}
              onChange={(e) => setFolder(e.target.value)}
            />
            <button type="submit" className="button" disabled={busy || folder === null}>
              {t('backups.folderSave')}
            </button>
            <p className="hint" id={`${id}-folder-hint`}>
              {t('backups.folderHint')}
            </p>
          </form>
          <RotationForm key={JSON.stringify(list.config.rotation)} rotation={list.config.rotation} busy={busy} onSave={(r) => void saveRotation(r)} />
        </>
      ) : null}
      {dialog}
    </section>
  );
}
