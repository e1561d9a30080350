import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TradeConcern } from '../../../shared/contract';
import { useApi } from '../../api/api-context';
import { useLoad } from '../../api/use-load';
import { useConfirm } from '../../components/confirm-dialog';
import { EmptyState } from '../../components/empty-state';
import { InlineError } from '../../components/error-banner';
import { formatDateTime } from '../../i18n/format-date';
import { useAppStore, useDataVersion } from '../../stores/app-store-context';
import { useActingAs } from '../comments/acting-as';
import { downloadExport } from '../comments/editor/download';
import { draftFromConcern, emptyConcern, type ConcernDraft } from './concern-draft';
import { TradeConcernForm } from './trade-concern-form';

/** #/comments/trade-concerns: suggestions to raise specific trade concerns in the WTO committees. */
export function TradeConcernsPage() {
  const { t } = useTranslation();
  const api = useApi();
  const { actor } = useActingAs();
  const locale = useAppStore((s) => s.locale);
  const dataVersion = useDataVersion(['tradeConcerns']);
  const notify = useAppStore((s) => s.notify);
  const reportError = useAppStore((s) => s.reportError);
  const { confirm, dialog } = useConfirm();
  const load = useCallback(() => api.tradeConcernsList({}), [api]);
  const { data, error } = useLoad(load, dataVersion);
  const [editing, setEditing] = useState<ConcernDraft | null>(null);
  const [selected, setSelected] = useState<number[]>([]);
  const [busy, setBusy] = useState(false);
  const k = 'commenting.concerns';

  const exportWord = async (ids: number[]): Promise<void> => {
    setBusy(true);
    try {
      const file = await api.tradeConcernsExport({ ids, inline: true });
      downloadExport(file);
      notify(t('commenting.export.done', { file: file.fileName }));
    } catch (e) {
      reportError(e);
    } finally {
      setBusy(false);
    }
  };

  const remove = async (c: TradeConcern): Promise<void> => {
    const ok = await confirm({ title: t(`${k}.deleteConfirm`, { title: c.titleZh }), confirmLabel: t(`${k}.delete`), danger: true });
    if (!ok) return;
    try {
      await api.tradeConcernsDelete({ id: c.id });
      setSelected((s) => s.filter((x) => x !== c.id));
      if (editing?.id === c.id) setEditing(null);
    } catch (e) {
      reportError(e);
    }
  };

  const members = (c: TradeConcern): string => c.members.map((m) => (locale === 'zh-CN' ? m.nameZh : m.nameEn)).join(locale === 'zh-CN' ? '、' : ', ');
  const items = data ?? [];

  return (
    <div className="concerns-page">
      <div className="list-toolbar">
        <p className="hint">{t(`${k}.hint`)}</p>
        <span className="toolbar-spacer" />
        <button type="button" className="button" disabled={selected.length === 0 || busy} onClick={() => void exportWord(selected)}>
          {t(`${k}.exportSelected`, { count: selected.length })}
        </button>
        <button type="button" className="button button-primary" onClick={() => setEditing(emptyConcern())}>
          {t(`${k}.new`)}
        </button>
      </div>
      <InlineError error={error} />
      {data && items.length === 0 && !editing ? <EmptyState title={t(`${k}.empty.title`)}>{t(`${k}.empty.body`)}</EmptyState> : null}
      {items.length > 0 ? (
        <div className="table-wrap">
          <table className="data-table" aria-label={t(`${k}.tableLabel`)}>
            <thead>
              <tr>
                <th scope="col">
                  <span className="visually-hidden">{t(`${k}.select`)}</span>
                </th>
                <th scope="col">{t(`${k}.columns.title`)}</th>
                <th scope="col">{t(`${k}.columns.committee`)}</th>
                <th scope="col">{t(`${k}.columns.members`)}</th>
                <th scope="col">{t(`${k}.columns.status`)}</th>
                <th scope="col">{t(`${k}.columns.updated`)}</th>
                <th scope="col">
                  <span className="visually-hidden">{t(`${k}.columns.actions`)}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((c) => (
                <tr key={c.id}>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={t(`${k}.selectOne`, { title: c.titleZh })}
                      checked={selected.includes(c.id)}
                      onChange={(e) => setSelected((s) => (e.target.checked ? [...s, c.id] : s.filter((x) => x !== c.id)))}
                    />
                  </td>
                  <td className="cell-title">
                    <span className="title-zh">{c.titleZh}</span>
                    <span className="title-original">{c.titleEn}</span>
                    <span className="muted">{c.notifications.map((n) => n.symbol).join(', ')}</span>
                  </td>
                  <td>{c.committee}</td>
                  <td>{members(c)}</td>
                  <td>
                    <span className={`badge concern-status concern-${c.status}`}>{t(`${k}.statuses.${c.status}`)}</span>
                    {c.meeting ? <span className="cell-sub muted">{c.meeting}</span> : null}
                  </td>
                  <td className="cell-date">
                    {formatDateTime(c.updatedAt, locale)}
                    <span className="cell-sub muted">{c.updatedBy}</span>
                  </td>
                  <td className="cell-actions">
                    <button type="button" className="button button-link" onClick={() => setEditing(draftFromConcern(c))}>
                      {t(`${k}.edit`)}
                    </button>
                    <button type="button" className="button button-link" disabled={busy} onClick={() => void exportWord([c.id])}>
                      {t(`${k}.exportOne`)}
                    </button>
                    <button type="button" className="button button-link button-link-danger" disabled={!actor} onClick={() => void remove(c)}>
                      {t(`${k}.delete`)}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {editing ? (
        <TradeConcernForm
          key={editing.id ?? 'new'}
          initial={editing}
          onCancel={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            notify(t(`${k}.saved`, { title: saved.titleZh }));
          }}
        />
      ) : null}
      {dialog}
    </div>
  );
}
