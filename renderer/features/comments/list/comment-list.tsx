import { useCallback, useState, useMemo } from 'react';
import { ExportMenu } from '../../exports/export-menu';
import type { ExportTarget } from '../../exports/use-list-export';
import { useTranslation } from 'react-i18next';
import { COMMENT_STATUSES, type CommentStatus } from '../../../../shared/domain/comment-workflow';
import { useApi } from '../../../api/api-context';
import { useLoad } from '../../../api/use-load';
import { EmptyState } from '../../../components/empty-state';
import { ErrorText } from '../../../components/error-banner';
import { useAppStore, useDataVersion } from '../../../stores/app-store-context';
import { CommentRow } from './comment-row';
import { NewCommentDialog } from './new-comment-dialog';

/**
 * Every comment, newest change first, filtered by workflow status. `creating` opens the
 * new-comment dialog (#/comments/new), with a notification chosen already when the address names one.
 */
export function CommentList({ creating }: { creating: { notificationId: number | null } | null }) {
  const { t } = useTranslation();
  const api = useApi();
  const navigate = useAppStore((s) => s.navigate);
  const dataVersion = useDataVersion(['comments', 'outcomes', 'notifications']);
  const [status, setStatus] = useState<CommentStatus | null>(null);
  const load = useCallback(() => api.commentsList(status ? { statuses: [status], limit: 500 } : { limit: 500 }), [api, status]);
  const { data, error } = useLoad(load, dataVersion);
  const exportTarget = useMemo((): ExportTarget => ({ list: 'comments', filter: status ? { statuses: [status] } : {} }), [status]);

  const openDialog = (): void => navigate({ section: 'comments', id: null, view: 'new' });
  const closeDialog = (): void => navigate({ section: 'comments', id: null });

  let body;
  if (error && !data) {
    body = (
      <div className="inline-error" role="alert">
        <ErrorText error={error} />
      </div>
    );
  } else if (!data) {
    body = <p className="muted">{t('common.loading')}</p>;
  } else if (data.total === 0 && status === null) {
    body = (
      <EmptyState
        title={t('commenting.list.empty.title')}
        action={
          <button type="button" className="button button-primary" onClick={openDialog}>
            {t('commenting.list.new')}
          </button>
        }
      >
        {t('commenting.list.empty.body')}
      </EmptyState>
    );
  } else if (data.total === 0) {
    body = <p className="muted">{t('commenting.list.noMatch')}</p>;
  } else {
    body = (
      <div className="table-wrap">
        <table className="data-table comment-table" aria-label={t('commenting.list.tableLabel')}>
          <thead>
            <tr>
              <th scope="col">{t('commenting.list.columns.target')}</th>
              <th scope="col">{t('commenting.list.columns.title')}</th>
              <th scope="col">{t('commenting.list.columns.status')}</th>
              <th scope="col">{t('commenting.list.columns.deadlines')}</th>
              <th scope="col">{t('commenting.list.columns.author')}</th>
              <th scope="col">{t('commenting.list.columns.updated')}</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((item) => (
              <CommentRow key={item.id} item={item} />
            ))}
          </tbody>
        </table>
      </div>
    );
  }

  return (
    <div className="comment-list">
      <div className="list-toolbar">
        <div className="status-chips" role="group" aria-label={t('commenting.list.filterLabel')}>
          {[null, ...COMMENT_STATUSES].map((s) => (
            <button
              key={s ?? 'all'}
              type="button"
              className={status === s ? 'chip-button chip-button-on' : 'chip-button'}
              aria-pressed={status === s}
              onClick={() => setStatus(s)}
            >
              {s === null ? t('commenting.list.all') : t(`commenting.status.${s}`)}
            </button>
          ))}
        </div>
        <span className="toolbar-spacer" />
        <ExportMenu target={exportTarget} />
        <button type="button" className="button button-primary" onClick={openDialog}>
          {t('commenting.list.new')}
        </button>
      </div>
      {data ? <p className="list-summary muted">{t('commenting.list.total', { total: data.total })}</p> : null}
      {body}
      {creating ? (
        <NewCommentDialog
          notificationId={creating.notificationId}
          onClose={closeDialog}
          onCreated={(id) => navigate({ section: 'comments', id })}
        />
      ) : null}
    </div>
  );
}
