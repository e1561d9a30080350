import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommentTemplate } from '../../../../shared/contract';
import { useApi } from '../../../api/api-context';
import { useLoad } from '../../../api/use-load';
import { useConfirm } from '../../../components/confirm-dialog';
import { InlineError } from '../../../components/error-banner';
import { formatDateTime } from '../../../i18n/format-date';
import { useAppStore, useDataVersion } from '../../../stores/app-store-context';
import { useActingAs } from '../acting-as';
import { TemplateForm } from './template-form';

/** #/comments/templates: the recurring kinds of point; built-in ones can be reworded but not removed. */
export function TemplatesPage() {
  const { t } = useTranslation();
  const api = useApi();
  const { actor } = useActingAs();
  const locale = useAppStore((s) => s.locale);
  const dataVersion = useDataVersion(['templates']);
  const notify = useAppStore((s) => s.notify);
  const reportError = useAppStore((s) => s.reportError);
  const { confirm, dialog } = useConfirm();
  const load = useCallback(() => api.commentTemplatesList({}), [api]);
  const { data, error } = useLoad(load, dataVersion);
  const [editing, setEditing] = useState<CommentTemplate | 'new' | null>(null);
  const k = 'commenting.templates';

  const remove = async (tpl: CommentTemplate): Promise<void> => {
    const ok = await confirm({ title: t(`${k}.deleteConfirm`, { name: tpl.nameZh }), body: t(`${k}.deleteBody`), confirmLabel: t(`${k}.delete`), danger: true });
    if (!ok) return;
    try {
      await api.commentTemplatesDelete({ id: tpl.id });
      if (editing !== 'new' && editing?.id === tpl.id) setEditing(null);
    } catch (e) {
      reportError(e);
    }
  };

  return (
    <div className="templates-page">
      <div className="list-toolbar">
        <p className="hint">{t(`${k}.hint`)}</p>
        <span className="toolbar-spacer" />
        <button type="button" className="button button-primary" onClick={() => setEditing('new')}>
          {t(`${k}.new`)}
        </button>
      </div>
      <InlineError error={error} />
      <div className="table-wrap">
        <table className="data-table" aria-label={t(`${k}.tableLabel`)}>
          <thead>
            <tr>
              <th scope="col">{t(`${k}.columns.name`)}</th>
              <th scope="col">{t(`${k}.columns.code`)}</th>
              <th scope="col">{t(`${k}.columns.updated`)}</th>
              <th scope="col">
                <span className="visually-hidden">{t(`${k}.columns.actions`)}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {(data ?? []).map((tpl) => (
              <tr key={tpl.id}>
                <td className="cell-title">
                  <span className="title-zh">
                    {tpl.nameZh} {tpl.builtIn ? <span className="badge">{t(`${k}.builtIn`)}</span> : null}
                  </span>
                  <span className="title-original">{tpl.nameEn}</span>
                </td>
                <td>
                  <code>{tpl.code}</code>
                </td>
                <td className="cell-date">
                  {formatDateTime(tpl.updatedAt, locale)}
                  <span className="cell-sub muted">{tpl.updatedBy}</span>
                </td>
                <td className="cell-actions">
                  <button type="button" className="button button-link" onClick={() => setEditing(tpl)}>
                    {t(`${k}.edit`)}
                  </button>
                  {!tpl.builtIn ? (
                    <button type="button" className="button button-link button-link-danger" disabled={!actor} onClick={() => void remove(tpl)}>
                      {t(`${k}.delete`)}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {editing ? (
        <TemplateForm
          key={editing === 'new' ? 'new' : editing.id}
          template={editing === 'new' ? null : editing}
          onCancel={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            notify(t(`${k}.saved`, { name: saved.nameZh }));
          }}
        />
      ) : null}
      {dialog}
    </div>
  );
}
