import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportFormat } from '../../../shared/contract/exports';
import { JobProgress } from '../../components/job-progress';
import { useListExport, type ExportTarget } from './use-list-export';

const FORMATS: ExportFormat[] = ['xlsx', 'csv'];

/**
 * The Export button of a list view: XLSX or CSV of every row under the view's current filters
 * and sort, with the job's progress under it and the file handed to the download when done.
 */
export function ExportMenu({ target }: { target: ExportTarget }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const exporting = useListExport(target);
  const anchor = useRef<HTMLDivElement>(null);
  const running = exporting.job !== null;

  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent | KeyboardEvent): void => {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !anchor.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);

  const choose = (format: ExportFormat): void => {
    setOpen(false);
    void exporting.start(format);
  };

  const outcome = exporting.outcome;
  return (
    <div className="export-menu menu-anchor" ref={anchor}>
      <button type="button" className="button" aria-haspopup="menu" aria-expanded={open} disabled={running} onClick={() => setOpen(!open)}>
        {t('exportWords.button')}
      </button>
      {open ? (
        <div className="export-menu-items" role="menu" aria-label={t('exportWords.menuLabel')}>
          {FORMATS.map((format) => (
            <button key={format} type="button" role="menuitem" className="menu-item" onClick={() => choose(format)}>
              {t(`exportWords.${format}`)}
            </button>
          ))}
          <p className="muted export-menu-hint">{t('exportWords.hint')}</p>
        </div>
      ) : null}
      {exporting.job ? (
        <div className="export-progress">
          <JobProgress job={exporting.job} label={t('exportWords.progressLabel')} onCancel={exporting.cancel} />
        </div>
      ) : null}
      {outcome ? (
        <p className={`export-outcome${outcome.kind === 'failed' ? ' field-error' : ''}`} role={outcome.kind === 'failed' ? 'alert' : 'status'}>
          {outcome.kind === 'downloaded'
            ? t('exportWords.done', { rows: outcome.rows.toLocaleString(), fileName: outcome.fileName })
            : outcome.kind === 'kept'
              ? t('exportWords.savedHere', { rows: outcome.rows.toLocaleString(), path: outcome.path })
              : outcome.kind === 'cancelled'
                ? t('exportWords.cancelled')
                : t('exportWords.failed', { message: outcome.error.message })}{' '}
          <button type="button" className="button button-link" onClick={exporting.dismiss}>
            {t('exportWords.dismiss')}
          </button>
        </p>
      ) : null}
    </div>
  );
}
