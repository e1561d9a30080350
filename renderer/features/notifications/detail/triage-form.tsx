import { useId, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Relevance, TriageStatus, type NotificationDetail, type Triage } from '../../../../shared/contract';
import { useApi } from '../../../api/api-context';
import { InlineError } from '../../../components/error-banner';
import { formatDateTime } from '../../../i18n/format-date';
import { useAppStore } from '../../../stores/app-store-context';
import { useIndustries } from '../use-industries';
import { FormActions } from './form-actions';
import { useDraft } from './use-draft';
import { useSave } from './use-save';
import { useUnsavedForm } from './unsaved-changes';

interface TriageDraft {
  status: TriageStatus;
  relevance: Relevance | '';
  assignee: string;
  notes: string;
  industries: string[];
}

/**
 * The stored triage as the form edits it. A notification nobody has triaged has no assignee: the
 * form never fills in the analyst at the keyboard, which would read as an assignment never made.
 */
function toDraft(triage: Triage): TriageDraft {
  return {
    status: triage.status,
    relevance: triage.relevance ?? '',
    assignee: triage.assignee ?? '',
    notes: triage.notes,
    industries: [...triage.industries].sort(),
  };
}

/** Status, relevance, industries, assignee and notes of one notification, edited in place. */
export function TriageForm({ n }: { n: NotificationDetail }) {
  const { t } = useTranslation();
  const api = useApi();
  const locale = useAppStore((s) => s.locale);
  const notify = useAppStore((s) => s.notify);
  const industries = useIndustries();
  const { draft, setDraft, dirty, reset, commit } = useDraft(toDraft(n.triage));
  const { saving, error, run } = useSave();
  const id = useId();
  const k = 'notifications.detail.triage';

  const save = (): Promise<boolean> =>
    run(async () => {
      const saved = await api.notificationsTriageUpdate({
        id: n.id,
        status: draft.status,
        relevance: draft.relevance === '' ? null : draft.relevance,
        assignee: draft.assignee.trim() || null,
        notes: draft.notes,
        industries: draft.industries,
      });
      commit(toDraft(saved));
      notify(t('editor.triageSaved'));
    });
  useUnsavedForm('triage', dirty, save);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    void save();
  };
  const toggleIndustry = (code: string): void =>
    setDraft((d) => ({
      ...d,
      industries: d.industries.includes(code) ? d.industries.filter((c) => c !== code) : [...d.industries, code].sort(),
    }));

  return (
    <form className="editor-form" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h3 className="detail-section-title" id={`${id}-title`}>
        {t(`${k}.title`)}
      </h3>
      <div className="editor-grid">
        <div className="form-row">
          <label htmlFor={`${id}-status`}>{t(`${k}.status`)}</label>
          <select id={`${id}-status`} value={draft.status} onChange={(e) => setDraft((d) => ({ ...d, status: e.target.value as TriageStatus }))}>
            {TriageStatus.options.map((s) => (
              <option key={s} value={s}>
                {t(`${k}.statuses.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="form-row">
          <label htmlFor={`${id}-relevance`}>{t(`${k}.relevance`)}</label>
          <select
            id={`${id}-relevance`}
            value={draft.relevance}
            onChange={(e) => setDraft((d) => ({ ...d, relevance: e.target.value as Relevance | '' }))}
          >
            <option value="">{t('editor.unrated')}</option>
            {Relevance.options.map((r) => (
              <option key={r} value={r}>
                {t(`${k}.relevances.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="form-row form-row-wide">
          <label htmlFor={`${id}-assignee`}>{t(`${k}.assignee`)}</label>
          <input
            id={`${id}-assignee`}
            type="text"
            maxLength={80}
            value={draft.assignee}
            onChange={(e) => setDraft((d) => ({ ...d, assignee: e.target.value }))}
          />
        </div>
      </div>
      <fieldset className="industry-picker">
        <legend>{t(`${k}.industries`)}</legend>
        <div className="chip-checks">
          {industries.map((i) => (
            <label key={i.code} className={draft.industries.includes(i.code) ? 'chip-check chip-check-on' : 'chip-check'}>
              <input type="checkbox" checked={draft.industries.includes(i.code)} onChange={() => toggleIndustry(i.code)} />
              <span>{locale === 'zh-CN' ? i.nameZh : i.nameEn}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="form-row">
        <label htmlFor={`${id}-notes`}>{t(`${k}.notes`)}</label>
        <textarea id={`${id}-notes`} rows={3} value={draft.notes} onChange={(e) => setDraft((d) => ({ ...d, notes: e.target.value }))} />
      </div>
      <InlineError error={error} />
      <FormActions dirty={dirty} saving={saving} onReset={reset} saveLabel={t('editor.saveTriage')}>
        {n.triage.updatedAt
          ? t(`${k}.updatedBy`, { at: formatDateTime(n.triage.updatedAt, locale), by: n.triage.updatedBy ?? '—' })
          : t(`${k}.notTriaged`)}
      </FormActions>
    </form>
  );
}
