import { useId, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TranslationStatus, type NotificationDetail, type Translation } from '../../../../shared/contract';
import { useApi } from '../../../api/api-context';
import { InlineError } from '../../../components/error-banner';
import { formatDateTime } from '../../../i18n/format-date';
import { useAppStore } from '../../../stores/app-store-context';
import { FormActions } from './form-actions';
import { useDraft } from './use-draft';
import { useSave } from './use-save';
import { useUnsavedForm } from './unsaved-changes';

interface TranslationDraft {
  titleZh: string;
  descriptionZh: string;
  translator: string;
  status: TranslationStatus;
}

/** An untranslated notification has no translator yet, whoever is at the keyboard. */
function toDraft(tr: Translation | null): TranslationDraft {
  if (!tr) return { titleZh: '', descriptionZh: '', translator: '', status: 'draft' };
  return { titleZh: tr.titleZh, descriptionZh: tr.descriptionZh, translator: tr.translator ?? '', status: tr.status };
}

/** The Chinese title and description of a notification, with translator and review status. */
export function TranslationForm({ n }: { n: NotificationDetail }) {
  const { t } = useTranslation();
  const api = useApi();
  const locale = useAppStore((s) => s.locale);
  const notify = useAppStore((s) => s.notify);
  const { draft, setDraft, dirty, reset, commit } = useDraft(toDraft(n.translation));
  const { saving, error, run } = useSave();
  const id = useId();
  const k = 'notifications.detail.translation';

  const save = (): Promise<boolean> =>
    run(async () => {
      const saved = await api.notificationsTranslationUpdate({
        id: n.id,
        titleZh: draft.titleZh,
        descriptionZh: draft.descriptionZh,
        translator: draft.translator.trim() || null,
        status: draft.status,
      });
      commit(toDraft(saved));
      notify(t('editor.translationSaved'));
    });
  useUnsavedForm('translation', dirty, save);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    void save();
  };

  return (
    <form className="editor-form" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h3 className="detail-section-title" id={`${id}-title`}>
        {t(`${k}.title`)}
      </h3>
      <div className="form-row">
        <label htmlFor={`${id}-titleZh`}>{t(`${k}.titleZh`)}</label>
        <input
          id={`${id}-titleZh`}
          type="text"
          maxLength={2000}
          lang="zh-CN"
          value={draft.titleZh}
          placeholder={t('editor.titleZhPlaceholder')}
          onChange={(e) => setDraft((d) => ({ ...d, titleZh: e.target.value }))}
        />
      </div>
      <div className="form-row">
        <label htmlFor={`${id}-descriptionZh`}>{t(`${k}.descriptionZh`)}</label>
        <textarea
          id={`${id}-descriptionZh`}
          rows={4}
          lang="zh-CN"
          value={draft.descriptionZh}
          onChange={(e) => setDraft((d) => ({ ...d, descriptionZh: e.target.value }))}
        />
      </div>
      <div className="editor-grid">
        <div className="form-row">
          <label htmlFor={`${id}-translator`}>{t(`${k}.translator`)}</label>
          <input
            id={`${id}-translator`}
            type="text"
            maxLength={80}
            value={draft.translator}
            onChange={(e) => setDraft((d) => ({ ...d, translator: e.target.value }))}
          />
        </div>
        <div className="form-row">
          <label htmlFor={`${id}-status`}>{t(`${k}.status`)}</label>
          <select
            id={`${id}-status`}
            value={draft.status}
            onChange={(e) => setDraft((d) => ({ ...d, status: e.target.value as TranslationStatus }))}
          >
            {TranslationStatus.options.map((s) => (
              <option key={s} value={s}>
                {t(`${k}.statuses.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <InlineError error={error} />
      <FormActions dirty={dirty} saving={saving} onReset={reset} saveLabel={t('editor.saveTranslation')}>
        {n.translation ? t(`${k}.updatedAtValue`, { at: formatDateTime(n.translation.updatedAt, locale) }) : t(`${k}.none`)}
      </FormActions>
    </form>
  );
}
