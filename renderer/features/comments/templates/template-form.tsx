import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommentTemplate } from '../../../../shared/contract';
import { TEMPLATE_PLACEHOLDERS } from '../../../../shared/domain/template-fill';
import { useApi } from '../../../api/api-context';
import { InlineError } from '../../../components/error-banner';
import { toErrorInfo, type ErrorInfo } from '../../../stores/error-info';
import { ActorMissing, useActingAs } from '../acting-as';
import { POINT_PARTS, fieldName } from '../editor/draft';

type TemplateTexts = Omit<CommentTemplate, 'id' | 'uid' | 'builtIn' | 'updatedAt' | 'updatedBy' | 'updatedByUid'>;

export function blankTemplate(): TemplateTexts {
  return {
    code: '',
    nameZh: '',
    nameEn: '',
    clauseZh: '',
    clauseEn: '',
    concernZh: '',
    concernEn: '',
    proposalZh: '',
    proposalEn: '',
    rationaleZh: '',
    rationaleEn: '',
  };
}

/** The placeholders a template may use, each filled from the notification when a point is inserted. */
function PlaceholderHelp() {
  const { t } = useTranslation();
  return (
    <aside className="placeholder-help" aria-label={t('commenting.templates.placeholders')}>
      <h4>{t('commenting.templates.placeholders')}</h4>
      <p className="hint">{t('commenting.templates.placeholdersHint')}</p>
      <dl className="about">
        {TEMPLATE_PLACEHOLDERS.map((p) => (
          <div key={p} className="placeholder-row">
            <dt>
              <code>{`{${p}}`}</code>
            </dt>
            <dd>{t(`commenting.templates.placeholder.${p}`)}</dd>
          </div>
        ))}
      </dl>
    </aside>
  );
}

/** The fields the form edits, and nothing else: the save input refuses keys it does not know. */
function textsOf(template: CommentTemplate): TemplateTexts {
  const { id: _id, uid: _uid, builtIn: _builtIn, updatedAt: _at, updatedBy: _by, updatedByUid: _byUid, ...texts } = template;
  return texts;
}

/** Edit a template (its code stays once made) or make a new one; Chinese beside English. */
export function TemplateForm({ template, onSaved, onCancel }: { template: CommentTemplate | null; onSaved: (saved: CommentTemplate) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const { actor } = useActingAs();
  const [f, setF] = useState<TemplateTexts>(() => (template ? textsOf(template) : blankTemplate()));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const ids = { code: useId(), nameZh: useId(), nameEn: useId(), texts: useId() };
  const k = 'commenting.templates';
  const set = (patch: Partial<TemplateTexts>): void => setF((current) => ({ ...current, ...patch }));

  const save = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const { code, ...texts } = f;
      onSaved(await api.commentTemplatesSave({ ...(template ? { id: template.id } : {}), code: code.trim(), ...texts }));
    } catch (e) {
      setError(toErrorInfo(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="card template-form"
      aria-label={template ? t(`${k}.editing`, { name: template.nameZh }) : t(`${k}.new`)}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h3 className="card-title">{template ? t(`${k}.editing`, { name: template.nameZh }) : t(`${k}.new`)}</h3>
      <ActorMissing />
      <div className="template-form-layout">
        <div>
          <div className="form-grid">
            <div className="form-row">
              <label htmlFor={ids.code}>{t(`${k}.code`)}</label>
              <input id={ids.code} type="text" required pattern="[a-z0-9-]{1,40}" value={f.code} readOnly={template !== null} onChange={(e) => set({ code: e.target.value })} aria-describedby={`${ids.code}-hint`} />
              <p className="hint" id={`${ids.code}-hint`}>
                {template ? t(`${k}.codeFixed`) : t(`${k}.codeHint`)}
              </p>
            </div>
            <span />
            <div className="form-row">
              <label htmlFor={ids.nameZh}>{t(`${k}.nameZh`)}</label>
              <input id={ids.nameZh} type="text" lang="zh-CN" required maxLength={200} value={f.nameZh} onChange={(e) => set({ nameZh: e.target.value })} />
            </div>
            <div className="form-row">
              <label htmlFor={ids.nameEn}>{t(`${k}.nameEn`)}</label>
              <input id={ids.nameEn} type="text" lang="en" required maxLength={200} value={f.nameEn} onChange={(e) => set({ nameEn: e.target.value })} />
            </div>
            {POINT_PARTS.map((part) =>
              (['Zh', 'En'] as const).map((language) => {
                const field = fieldName(part, language);
                const label = t(`commenting.editor.fieldLabel${language}Plain`, { part: t(`commenting.editor.parts.${part}`) });
                return (
                  <div key={field} className="form-row">
                    <label htmlFor={`${ids.texts}-${field}`}>{label}</label>
                    <textarea
                      id={`${ids.texts}-${field}`}
                      rows={3}
                      lang={language === 'Zh' ? 'zh-CN' : 'en'}
                      value={f[field]}
                      onChange={(e) => set({ [field]: e.target.value })}
                    />
                  </div>
                );
              }),
            )}
          </div>
        </div>
        <PlaceholderHelp />
      </div>
      <InlineError error={error} />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy || !actor}>
          {busy ? t('common.saving') : t(`${k}.save`)}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
