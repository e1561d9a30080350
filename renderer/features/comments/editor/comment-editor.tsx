import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../api/api-context';
import { useLoad } from '../../../api/use-load';
import { BackLink } from '../../../components/back-link';
import { ErrorText } from '../../../components/error-banner';
import { useAppStore, useDataVersion } from '../../../stores/app-store-context';
import { formatRoute } from '../../../stores/route';
import { EditorBody } from './editor-body';

/** #/comments/:id: loads the comment, then hands every later copy to the editor to reconcile. */
export function CommentEditor({ id }: { id: number }) {
  const { t } = useTranslation();
  const api = useApi();
  const navigate = useAppStore((s) => s.navigate);
  // Its follow-ups come from notifications imported later.
  const dataVersion = useDataVersion(['comments', 'outcomes'], [id]) + useDataVersion(['notifications']);
  const load = useCallback(() => api.commentsGet({ id }), [api, id]);
  const { data, error } = useLoad(load, dataVersion);

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
      <BackLink href={formatRoute({ section: 'comments', id: null })} onBack={() => navigate({ section: 'comments', id: null })}>
        {t('commenting.editor.back')}
      </BackLink>
      {body}
    </div>
  );
}
