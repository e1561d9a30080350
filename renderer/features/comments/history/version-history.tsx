import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Comment, CommentDiff } from '../../../../shared/contract';
import { useApi } from '../../../api/api-context';
import { useLoad } from '../../../api/use-load';
import { useConfirm } from '../../../components/confirm-dialog';
import { InlineError } from '../../../components/error-banner';
import { formatDateTime } from '../../../i18n/format-date';
import { useAppStore } from '../../../stores/app-store-context';
import { toErrorInfo, type ErrorInfo } from '../../../stores/error-info';
import { DiffView } from './diff-view';

/**
 * Every kept version, newest first, with a comparison of any two and a restore that adds a new
 * version (history is never rewritten). Loaded when opened, and again whenever the version moves.
 */
export function VersionHistory({ comment, busy, onRestore }: { comment: Comment; busy: boolean; onRestore: (version: number) => Promise<boolean> }) {
  const { t } = useTranslation();
  const api = useApi();
  const locale = useAppStore((s) => s.locale);
  const { confirm, dialog } = useConfirm();
  const [open, setOpen] = useState(false);
  const [range, setRange] = useState<{ from: number; to: number } | null>(null);
  const [diff, setDiff] = useState<CommentDiff | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const fromId = useId();
  const toId = useId();
  const id = comment.id;
  const version = comment.version;
  const load = useCallback(() => (open ? api.commentsVersions({ id }) : Promise.resolve([])), [api, id, open]);
  const versions = useLoad(load, version).data ?? [];

  useEffect(() => {
    if (!range) return;
    let live = true;
    api.commentsDiff({ id, fromVersion: range.from, toVersion: range.to }).then(
      (d) => {
        if (live) {
          setDiff(d);
          setError(null);
        }
      },
      (e: unknown) => {
        if (live) setError(toErrorInfo(e));
      },
    );
    return () => {
      live = false;
    };
  }, [api, id, range]);

  const restore = async (v: number): Promise<void> => {
    const ok = await confirm({
      title: t('commenting.history.restoreConfirm.title', { version: v }),
      body: t('commenting.history.restoreConfirm.body', { version: v }),
      confirmLabel: t('commenting.history.restoreConfirm.confirm'),
    });
    if (ok && (await onRestore(v))) setRange(null);
  };

  const from = range?.from ?? versions[1]?.version ?? version;
  const to = range?.to ?? version;

  return (
    <section className="detail-section history" aria-label={t('commenting.history.title')}>
      <h3 className="detail-section-title">
        <button type="button" className="button button-link" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? '▾' : '▸'} {t('commenting.history.title')}
        </button>
      </h3>
      {open ? (
        <>
          <table className="data-table data-table-compact" aria-label={t('commenting.history.title')}>
            <tbody>
              {versions.map((v) => (
                <tr key={v.version}>
                  <td className="cell-date">{t('commenting.history.version', { version: v.version })}</td>
                  <td>{v.author}</td>
                  <td className="cell-date">{formatDateTime(v.updatedAt, locale)}</td>
                  <td>
                    {v.autosave ? <span className="badge">{t('commenting.history.autosave')}</span> : null} <span className="muted">{v.note}</span>
                  </td>
                  <td className="cell-actions">
                    {v.version !== version ? (
                      <button type="button" className="button button-link" onClick={() => setRange({ from: v.version, to: version })}>
                        {t('commenting.history.compareWithCurrent')}
                      </button>
                    ) : (
                      <span className="badge badge-current">{t('commenting.history.current')}</span>
                    )}
                    {v.version !== version && comment.editable ? (
                      <button type="button" className="button button-link" disabled={busy} onClick={() => void restore(v.version)}>
                        {t('commenting.history.restore')}
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {versions.length > 1 ? (
            <div className="history-compare">
              <label htmlFor={fromId}>{t('commenting.history.from')}</label>
              <select id={fromId} value={from} onChange={(e) => setRange({ from: Number(e.target.value), to })}>
                {versions.map((v) => (
                  <option key={v.version} value={v.version}>
                    {t('commenting.history.version', { version: v.version })}
                  </option>
                ))}
              </select>
              <label htmlFor={toId}>{t('commenting.history.to')}</label>
              <select id={toId} value={to} onChange={(e) => setRange({ from, to: Number(e.target.value) })}>
                {versions.map((v) => (
                  <option key={v.version} value={v.version}>
                    {t('commenting.history.version', { version: v.version })}
                  </option>
                ))}
              </select>
              <button type="button" className="button" onClick={() => setRange({ from, to })}>
                {t('commenting.history.compare')}
              </button>
            </div>
          ) : null}
          <InlineError error={error} />
          {range && diff && diff.fromVersion === range.from && diff.toVersion === range.to ? <DiffView diff={diff} /> : null}
        </>
      ) : null}
      {dialog}
    </section>
  );
}
