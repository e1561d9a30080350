import { useCallback, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../api/api-context';
import { useLoad } from '../../../api/use-load';
import { ErrorText } from '../../../components/error-banner';
import { useAppStore } from '../../../stores/app-store-context';
import { formatRoute } from '../../../stores/route';
import { EditorBody } from './editor-body';

/** #/comments/:id: loads the comment, then hands every later copy to the editor to reconcile. */
export function CommentEditor({ id }: { id: number }) {
  const { t } = useTranslation();
  const api = useApi();
  const navigate = useAppStore((s) => s.navigate);
  const dataVersion = useAppStore((s) => s.dataVersion);
  const load = useCallback(() => api.commentsGet({ id }), [api, id]);
  const { data, error } = useLoad(load, dataVersion);
  const back = (event: MouseEvent): void => {
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate({ section: 'comments', id: null });
  };

  let body;
  if (error?.code === 'NOT_FOUND' && !data) {
    body = (
      <p className="inline-error" role="alert">
        {t('commenting.editor.notFound', { id })}
      </p>
    );
  } else if (error && !data) {
    body = (
      <div className="inline-error" role="alert">
        <ErrorText error={error} />
      </div>
    );
  } else if (!data || data.id !== id) {
    body = <p className="muted">{t('commenting.editor.loading')}</p>;
  } else {
    body = <EditorBody key={id} initial={data} fresh={data} />;
  }
  return (
    <div className="comment-editor-page">
      <a className="back-link" href={formatRoute({ section: 'comments', id: null })} onClick={back}>
        ← {t('commenting.editor.back')}
      </a>
      {body}
    </div>
  );
}
