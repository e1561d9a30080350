import { useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FocusIndustry } from '../../../shared/contract';
import { useApi } from '../../api/api-context';
import { useLoad } from '../../api/use-load';
import { useConfirm } from '../../components/confirm-dialog';
import { InlineError } from '../../components/error-banner';
import { useAppStore, useDataVersion } from '../../stores/app-store-context';
import { toErrorInfo, type ErrorInfo } from '../../stores/error-info';
import { backendFieldErrors } from '../enterprises/enterprise-draft';
import { RecomputeProgress } from '../enterprises/recompute-progress';

const k = 'enterpriseWords.focus';

interface IndustryDraft {
  uid: string | null;
  code: string;
  nameZh: string;
  nameEn: string;
  hsCodes: string;
  keywords: string;
  justification: string;
}

const EMPTY: IndustryDraft = { uid: null, code: '', nameZh: '', nameEn: '', hsCodes: '', keywords: '', justification: '' };

function toDraft(f: FocusIndustry): IndustryDraft {
  return { uid: f.uid, code: f.code, nameZh: f.nameZh, nameEn: f.nameEn, hsCodes: f.hsCodes.join('\n'), keywords: f.keywords.join('\n'), justification: f.justification };
}

/** Codes and words typed one a line or separated by commas (Chinese or Western), blanks dropped. */
export function splitEntries(text: string): string[] {
  return text
    .split(/[\n,，、;；]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function IndustryForm({ initial, onCancel, onSaved }: { initial: IndustryDraft; onCancel: () => void; onSaved: (industry: FocusIndustry, jobId: string) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const id = useId();
  const [d, setD] = useState(initial);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    setFields({});
    try {
      const saved = await api.focusIndustriesSave({
        ...(d.uid ? { uid: d.uid } : {}),
        code: d.code.trim(),
        nameZh: d.nameZh.trim(),
        nameEn: d.nameEn.trim(),
        hsCodes: splitEntries(d.hsCodes),
        keywords: splitEntries(d.keywords),
        justification: d.justification,
      });
      onSaved(saved.industry, saved.jobId);
    } catch (e) {
      const byField = backendFieldErrors(e);
      if (byField) setFields(byField);
      else setError(toErrorInfo(e));
    } finally {
      setBusy(false);
    }
  };
  /** A refusal of the field or of one of its entries (hsCodes.2). */
  const errorOf = (name: string): string | undefined => {
    const found = Object.entries(fields).find(([path]) => path === name || path.startsWith(`${name}.`));
    if (!found) return undefined;
    const [path, message] = found;
    const entry = /\.(\d+)$/.exec(path);
    const list = name === 'hsCodes' ? splitEntries(d.hsCodes) : name === 'keywords' ? splitEntries(d.keywords) : [];
    const which = entry ? list[Number(entry[1])] : undefined;
    if (message === 'duplicate') return t(`${k}.codeTaken`);
    return which ? `${which}: ${message}` : message;
  };
  const row = (name: keyof Omit<IndustryDraft, 'uid'>, label: string, multiline = false, hint?: string) => {
    const text = errorOf(name);
    const props = {
      id: `${id}-${name}`,
      value: d[name],
      'aria-invalid': text ? true : undefined,
      'aria-describedby': text ? `${id}-${name}-error` : undefined,
      onChange: (e: { target: { value: string } }) => setD({ ...d, [name]: e.target.value }),
    };
    return (
      <div className={multiline ? 'form-row form-row-wide' : 'form-row'}>
        <label htmlFor={`${id}-${name}`}>{label}</label>
        {multiline ? <textarea rows={4} {...props} /> : <input type="text" {...props} />}
        {hint ? <span className="hint">{hint}</span> : null}
        {text ? (
          <p id={`${id}-${name}-error`} className="field-error" role="alert">
            {text}
          </p>
        ) : null}
      </div>
    );
  };
  const title = d.uid ? t(`${k}.editTitle`, { name: initial.nameZh }) : t(`${k}.add`);
  return (
    <form
      className="focus-industry-form"
      aria-label={title}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3>{title}</h3>
      <div className="form-grid">
        {row('code', t(`${k}.code`), false, t(`${k}.codeHint`))}
        {row('nameZh', t(`${k}.nameZh`))}
        {row('nameEn', t(`${k}.nameEn`))}
        {row('hsCodes', t(`${k}.hsCodesInput`), true)}
        {row('keywords', t(`${k}.keywordsInput`), true)}
        {row('justification', t(`${k}.justification`), true)}
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('common.saving') : t(`${k}.save`)}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t(`${k}.cancel`)}
        </button>
      </div>
      <InlineError error={error} />
    </form>
  );
}

/**
 * Settings › focus industries: the HS codes and words that make a measure's products a focus
 * industry, with why. Saving or deleting one starts the recomputation of every warning.
 */
export function FocusIndustriesSection() {
  const { t } = useTranslation();
  const api = useApi();
  const id = useId();
  const locale = useAppStore((s) => s.locale);
  const notify = useAppStore((s) => s.notify);
  const reportError = useAppStore((s) => s.reportError);
  const { confirm, dialog } = useConfirm();
  const load = useCallback(() => api.focusIndustriesList({}), [api]);
  const { data, error } = useLoad(load, useDataVersion(['settings']));
  const [editing, setEditing] = useState<IndustryDraft | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const name = (f: Pick<FocusIndustry, 'nameZh' | 'nameEn'>): string => (locale === 'zh-CN' || !f.nameEn ? f.nameZh : f.nameEn);

  const remove = async (f: FocusIndustry): Promise<void> => {
    const ok = await confirm({ title: t(`${k}.deleteConfirm`, { name: name(f) }), body: t(`${k}.deleteBody`), confirmLabel: t(`${k}.delete`), danger: true });
    if (!ok) return;
    try {
      const result = await api.focusIndustriesDelete({ uid: f.uid });
      if (result.jobId) setJobId(result.jobId);
      if (editing?.uid === f.uid) setEditing(null);
      notify(t(`${k}.deleted`, { name: name(f) }));
    } catch (e) {
      reportError(e);
    }
  };

  return (
    <section className="card card-wide focus-industries" aria-labelledby={`${id}-title`}>
      <h2 className="card-title" id={`${id}-title`}>
        {t(`${k}.title`)}
      </h2>
      <p className="hint">{t(`${k}.hint`)}</p>
      <InlineError error={error} />
      {data ? (
        <div className="table-wrap">
          <table className="data-table" aria-label={t(`${k}.tableLabel`)}>
            <thead>
              <tr>
                {(['name', 'hsCodes', 'keywords', 'justification'] as const).map((c) => (
                  <th key={c} scope="col">
                    {t(`${k}.columns.${c}`)}
                  </th>
                ))}
                <th scope="col">
                  <span className="visually-hidden">{t(`${k}.edit`)}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.map((f) => (
                <tr key={f.uid}>
                  <td className="cell-title">
                    {name(f)}
                    <span className="cell-sub muted">
                      <code>{f.code}</code>
                      {f.builtIn ? ` · ${t(`${k}.builtIn`)}` : ''}
                    </span>
                  </td>
                  <td className="cell-codes">{f.hsCodes.join(', ')}</td>
                  <td>{f.keywords.join(locale === 'zh-CN' ? '、' : ', ')}</td>
                  <td className="cell-justification">{f.justification}</td>
                  <td className="cell-actions">
                    <button type="button" className="button button-link" aria-label={`${t(`${k}.edit`)} ${name(f)}`} onClick={() => setEditing(toDraft(f))}>
                      {t(`${k}.edit`)}
                    </button>
                    <button type="button" className="button button-link button-link-danger" aria-label={`${t(`${k}.delete`)} ${name(f)}`} onClick={() => void remove(f)}>
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
        <IndustryForm
          key={editing.uid ?? 'new'}
          initial={editing}
          onCancel={() => setEditing(null)}
          onSaved={(industry, job) => {
            setEditing(null);
            setJobId(job);
            notify(t(`${k}.saved`, { name: name(industry) }));
          }}
        />
      ) : (
        <button type="button" className="button" onClick={() => setEditing(EMPTY)}>
          {t(`${k}.add`)}
        </button>
      )}
      {jobId ? <RecomputeProgress key={jobId} jobId={jobId} label={t(`${k}.recompute`)} /> : null}
      {dialog}
    </section>
  );
}
