import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../api/api-context';
import { useLoad } from '../../../api/use-load';
import { ErrorText } from '../../../components/error-banner';
import { Modal } from '../../../components/modal';
import { ApiError } from '../../../../shared/result';
import { toErrorInfo, type ErrorInfo } from '../../../stores/error-info';
import { useAppStore } from '../../../stores/app-store-context';
import { ActingAsPicker, ActorMissing, useActingAs } from '../acting-as';
import { inLocale } from '../comment-format';
import { NotificationSearch } from './notification-search';

interface Picked {
  id: number;
  symbol: string;
  title: string;
  titleZh: string | null;
  familyId: number | null;
}

/** The comment already open on the notification, named by the backend's CONFLICT answer. */
function existingCommentId(e: unknown): number | null {
  if (!(e instanceof ApiError) || e.code !== 'CONFLICT') return null;
  const details = e.details as { commentId?: unknown } | undefined;
  return typeof details?.commentId === 'number' ? details.commentId : null;
}

/**
 * Start a comment: choose the notification (or take the one the address names), optionally
 * the templates for its first points, and whether it covers the whole measure family.
 */
export function NewCommentDialog({
  notificationId,
  onClose,
  onCreated,
}: {
  notificationId: number | null;
  onClose: () => void;
  onCreated: (id: number) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const { actor } = useActingAs();
  const locale = useAppStore((s) => s.locale);
  const [picked, setPicked] = useState<Picked | null>(null);
  const [wholeFamily, setWholeFamily] = useState(false);
  const [templateIds, setTemplateIds] = useState<number[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [existing, setExisting] = useState<number | null>(null);
  const loadTemplates = useCallback(() => api.commentTemplatesList({}), [api]);
  const templates = useLoad(loadTemplates);

  useEffect(() => {
    if (notificationId === null) return;
    let live = true;
    api.notificationsGet({ id: notificationId }).then(
      (n) => {
        if (live) setPicked({ id: n.id, symbol: n.symbol, title: n.title, titleZh: n.titleZh, familyId: n.familyId });
      },
      (e: unknown) => {
        if (live) setError(toErrorInfo(e));
      },
    );
    return () => {
      live = false;
    };
  }, [api, notificationId]);

  const create = async (): Promise<void> => {
    if (!picked || !actor) return;
    setBusy(true);
    setError(null);
    setExisting(null);
    try {
      const target =
        wholeFamily && picked.familyId !== null
          ? ({ kind: 'family', familyId: picked.familyId } as const)
          : ({ kind: 'notification', notificationId: picked.id } as const);
      const created = await api.commentsCreate({ target, templateIds });
      onCreated(created.id);
    } catch (e) {
      setError(toErrorInfo(e));
      setExisting(existingCommentId(e));
      setBusy(false);
    }
  };

  const toggleTemplate = (id: number): void =>
    setTemplateIds((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]));

  return (
    <Modal
      title={t('commenting.create.title')}
      closeLabel={t('common.close')}
      onClose={onClose}
      size="wide"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="button" className="button button-primary" disabled={!picked || !actor || busy} onClick={() => void create()}>
            {busy ? t('commenting.create.creating') : t('commenting.create.create')}
          </button>
        </>
      }
    >
      {/* The header's picker is behind the dialog: offer the choice here too. */}
      {actor === '' ? (
        <div className="dialog-actor">
          <ActorMissing />
          <ActingAsPicker />
        </div>
      ) : null}
      {picked ? (
        <div className="picked-notification">
          <span className="filter-label">{t('commenting.create.notification')}</span>
          <p>
            <span className="symbol">{picked.symbol}</span> {picked.titleZh ?? picked.title}
          </p>
          {picked.familyId !== null ? (
            <label className="check">
              <input type="checkbox" checked={wholeFamily} onChange={(e) => setWholeFamily(e.target.checked)} />
              {t('commenting.create.wholeFamily')}
            </label>
          ) : null}
          <button type="button" className="button button-link" onClick={() => setPicked(null)}>
            {t('commenting.create.change')}
          </button>
        </div>
      ) : (
        <NotificationSearch
          label={t('commenting.create.search')}
          chosenIds={[]}
          pickLabel={t('commenting.create.pick')}
          onPick={(item) => setPicked({ id: item.id, symbol: item.symbol, title: item.title, titleZh: item.titleZh, familyId: item.familyId })}
        />
      )}
      <fieldset className="template-checks">
        <legend>{t('commenting.create.templates')}</legend>
        <p className="hint">{t('commenting.create.templatesHint')}</p>
        {(templates.data ?? []).map((tpl) => (
          <label key={tpl.id} className="check">
            <input type="checkbox" checked={templateIds.includes(tpl.id)} onChange={() => toggleTemplate(tpl.id)} />
            {inLocale(locale, tpl.nameZh, tpl.nameEn)}
          </label>
        ))}
      </fieldset>
      {error ? (
        <div className="inline-error" role="alert">
          {existing !== null ? <span>{t('commenting.create.existing', { id: existing })}</span> : <ErrorText error={error} />}
          {existing !== null ? (
            <button type="button" className="button button-link" onClick={() => onCreated(existing)}>
              {t('commenting.create.openExisting')}
            </button>
          ) : null}
        </div>
      ) : null}
    </Modal>
  );
}
