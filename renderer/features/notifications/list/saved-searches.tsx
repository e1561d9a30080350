import { useCallback, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SavedSearch } from '../../../../shared/contract';
import { useApi } from '../../../api/api-context';
import { useLoad } from '../../../api/use-load';
import { useConfirm } from '../../../components/confirm-dialog';
import { InlineError } from '../../../components/error-banner';
import { Modal } from '../../../components/modal';
import { useAppStore, useDataVersion } from '../../../stores/app-store-context';
import { toErrorInfo, type ErrorInfo } from '../../../stores/error-info';
import { useListStoreApi } from '../../../stores/notification-list-context';
import { listRequest } from '../../../stores/notification-list-store';

/** A dialog asking for a search name: used to save the current search and to rename one. */
function SearchNameDialog({
  title,
  initialName = '',
  hint,
  onSubmit,
  onClose,
}: {
  title: string;
  initialName?: string;
  hint?: string;
  /** Resolves when done (the dialog closes); a rejection is shown in the dialog. */
  onSubmit: (name: string) => Promise<void>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(initialName);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const id = useId();

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (!name.trim()) return;
    setBusy(true);
    try {
      await onSubmit(name.trim());
      onClose();
    } catch (e) {
      setError(toErrorInfo(e));
      setBusy(false);
    }
  };

  return (
    <Modal title={title} closeLabel={t('common.close')} onClose={onClose}>
      <form onSubmit={(event) => void submit(event)}>
        <div className="form-row">
          <label htmlFor={id}>{t('list.saved.name')}</label>
          <input id={id} type="text" maxLength={80} value={name} onChange={(e) => setName(e.target.value)} required data-autofocus />
          {hint ? <p className="hint">{hint}</p> : null}
        </div>
        <InlineError error={error} />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy || !name.trim()}>
            {busy ? t('common.saving') : t('list.saved.save')}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

/** Save the current query, filters and sort under a name; saving an existing name replaces it. */
export function SaveSearchDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const store = useListStoreApi();
  const notify = useAppStore((s) => s.notify);
  return (
    <SearchNameDialog
      title={t('list.saved.saveTitle')}
      hint={t('list.saved.nameHint')}
      onClose={onClose}
      onSubmit={async (name) => {
        const saved = await api.savedSearchSave({ name, query: listRequest(store.getState()) });
        notify(t('list.saved.savedToast', { name: saved.name }));
      }}
    />
  );
}

/** The saved searches: apply one with a click, rename one, delete one after a question. */
export function SavedSearchList({ onApplied }: { onApplied: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const store = useListStoreApi();
  const dataVersion = useDataVersion(['savedSearches']);
  const reportError = useAppStore((s) => s.reportError);
  const notify = useAppStore((s) => s.notify);
  const [removed, setRemoved] = useState<number[]>([]);
  const [renaming, setRenaming] = useState<SavedSearch | null>(null);
  const load = useCallback(() => api.savedSearchesList({}), [api]);
  const { data, error } = useLoad(load, dataVersion);
  const { confirm, dialog } = useConfirm();

  const remove = async (search: SavedSearch): Promise<void> => {
    const ok = await confirm({
      title: t('list.saved.deleteTitle'),
      body: t('list.saved.deleteBody', { name: search.name }),
      confirmLabel: t('list.saved.delete'),
      danger: true,
    });
    if (!ok) return;
    try {
      await api.savedSearchDelete({ id: search.id });
      setRemoved((r) => [...r, search.id]);
    } catch (e) {
      reportError(e);
    }
  };

  const items = (data ?? []).filter((s) => !removed.includes(s.id));
  return (
    <section className="saved-searches" aria-label={t('list.saved.title')}>
      <h2 className="saved-title">{t('list.saved.title')}</h2>
      <InlineError error={error} />
      {data && items.length === 0 ? <p className="muted">{t('list.saved.none')}</p> : null}
      <ul className="saved-list">
        {items.map((s) => (
          <li key={s.id} className="saved-item">
            <button
              type="button"
              className="button button-quiet saved-apply"
              onClick={() => {
                store.getState().applySearch(s.query);
                onApplied();
              }}
              title={s.query.query ?? ''}
            >
              {s.name}
            </button>
            <button
              type="button"
              className="button button-quiet saved-rename"
              aria-label={t('list.saved.renameNamed', { name: s.name })}
              onClick={() => setRenaming(s)}
            >
              {t('list.saved.rename')}
            </button>
            <button
              type="button"
              className="button button-quiet saved-delete"
              aria-label={t('list.saved.deleteNamed', { name: s.name })}
              onClick={() => void remove(s)}
            >
              {t('list.saved.delete')}
            </button>
          </li>
        ))}
      </ul>
      {dialog}
      {renaming ? (
        <SearchNameDialog
          title={t('list.saved.renameTitle')}
          initialName={renaming.name}
          onClose={() => setRenaming(null)}
          onSubmit={async (name) => {
            // The list reloads on the dataChanged event the backend sends.
            const renamed = await api.savedSearchRename({ id: renaming.id, name });
            notify(t('list.saved.renamedToast', { name: renamed.name }));
          }}
        />
      ) : null}
    </section>
  );
}
