import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Enterprise } from '../../../shared/contract';
import type { CreditCodeProblem } from '../../../shared/domain/credit-code';
import { useApi } from '../../api/api-context';
import { useConfirm } from '../../components/confirm-dialog';
import { InlineError } from '../../components/error-banner';
import { Modal } from '../../components/modal';
import { toErrorInfo, type ErrorInfo } from '../../stores/error-info';
import { useUnsavedForm } from '../notifications/detail/unsaved-changes';
import {
  backendFieldErrors,
  draftProblems,
  draftToInput,
  isDirty,
  liveCreditCodeProblem,
  nextLineKey,
  type DraftProblem,
  type EnterpriseDraft,
} from './enterprise-draft';
import { MarketSelect } from './market-select';

const k = 'enterpriseWords.form';

/** The GB 32100 problem in the window's language. */
export function useCreditCodeWords(): (problem: CreditCodeProblem) => string {
  const { t } = useTranslation();
  return (problem) => {
    switch (problem.kind) {
      case 'length':
        return t('enterpriseWords.creditCodeProblems.length', { length: problem.length });
      case 'character':
        return t('enterpriseWords.creditCodeProblems.character', { position: problem.position, character: problem.character });
      case 'check':
        return t('enterpriseWords.creditCodeProblems.check', { expected: problem.expected, found: problem.found });
    }
  };
}

function FieldError({ id, text }: { id: string; text: string | undefined }) {
  if (!text) return null;
  return (
    <p id={id} className="field-error" role="alert">
      {text}
    </p>
  );
}

/**
 * New or edit an enterprise, in a dialog: the credit code is checked while typed, and what the
 * backend refuses (a field of VALIDATION, a code another enterprise has) shows at its field.
 */
export function EnterpriseForm({ initial, onCancel, onSaved }: { initial: EnterpriseDraft; onCancel: () => void; onSaved: (saved: Enterprise) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const codeWords = useCreditCodeWords();
  const { confirm, dialog } = useConfirm();
  const base = useId();
  const [d, setDraft] = useState(initial);
  const [shown, setShown] = useState(false);
  const [backendErrors, setBackendErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [busy, setBusy] = useState(false);
  const dirty = isDirty(d, initial);

  const set = (patch: Partial<EnterpriseDraft>): void => {
    setDraft((prev) => ({ ...prev, ...patch }));
    // An edit answers the backend's objection to that field; the others stay until the next save.
    setBackendErrors((prev) => Object.fromEntries(Object.entries(prev).filter(([path]) => !Object.keys(patch).some((p) => path === p || path.startsWith(`${p}.`)))));
  };

  const save = async (): Promise<boolean> => {
    setShown(true);
    if (Object.keys(draftProblems(d)).length > 0) return false;
    setBusy(true);
    setError(null);
    try {
      const result = await api.enterprisesSave(draftToInput(d));
      onSaved(result);
      return true;
    } catch (e) {
      const fields = backendFieldErrors(e);
      if (fields) setBackendErrors(fields);
      else setError(toErrorInfo(e));
      return false;
    } finally {
      setBusy(false);
    }
  };
  useUnsavedForm('enterprise-form', dirty, save);

  const close = async (): Promise<void> => {
    if (dirty && !(await confirm({ title: t('editor.unsaved.title'), body: t(`${k}.closeBody`), confirmLabel: t(`${k}.discard`), cancelLabel: t('editor.unsaved.stay'), danger: true }))) return;
    onCancel();
  };

  const problems = shown ? draftProblems(d) : {};
  const live = liveCreditCodeProblem(d.creditCode);
  const words = (problem: DraftProblem | undefined): string | undefined => {
    if (!problem) return undefined;
    if (problem.kind === 'creditCode') return codeWords(problem.problem);
    return t(`${k}.${problem.kind}`);
  };
  /** What is wrong with a field: the form's own check first, then the backend's answer. */
  const errorOf = (path: string): string | undefined => {
    const mine = words(problems[path]);
    if (mine) return mine;
    const theirs = backendErrors[path];
    if (theirs === 'duplicate') return t('enterpriseWords.creditCodeProblems.duplicate');
    return theirs;
  };
  const codeError = live ? codeWords(live) : errorOf('creditCode');
  const field = (name: string): string => `${base}-${name}`;
  const errId = (name: string): string => `${base}-${name}-error`;
  const described = (name: string, text: string | undefined) => (text ? { 'aria-invalid': true, 'aria-describedby': errId(name) } : {});
  const title = d.uid ? t(`${k}.editTitle`, { name: initial.name }) : t(`${k}.newTitle`);
  const formId = `${base}-form`;

  const textField = (name: 'name' | 'province' | 'city' | 'industry', max: number, wide = false) => (
    <div className={wide ? 'form-row form-row-wide' : 'form-row'}>
      <label htmlFor={field(name)}>{t(`${k}.${name}`)}</label>
      <input id={field(name)} type="text" maxLength={max} value={d[name]} onChange={(e) => set({ [name]: e.target.value })} {...described(name, errorOf(name))} />
      <FieldError id={errId(name)} text={errorOf(name)} />
    </div>
  );

  return (
    <Modal
      title={title}
      closeLabel={t('common.close')}
      onClose={() => void close()}
      size="wide"
      className="enterprise-form-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={() => void close()}>
            {t(`${k}.cancel`)}
          </button>
          <button type="submit" form={formId} className="button button-primary" disabled={busy}>
            {busy ? t(`${k}.saving`) : t(`${k}.save`)}
          </button>
        </>
      }
    >
      <form
        id={formId}
        className="enterprise-form"
        aria-label={title}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <div className="form-grid">
          {textField('name', 200, true)}
          <div className="form-row form-row-wide">
            <label htmlFor={field('creditCode')}>{t('enterpriseWords.creditCode')}</label>
            <input
              id={field('creditCode')}
              type="text"
              className="credit-code-input"
              spellCheck={false}
              autoComplete="off"
              maxLength={30}
              value={d.creditCode}
              onChange={(e) => set({ creditCode: e.target.value })}
              {...described('creditCode', codeError)}
            />
            <FieldError id={errId('creditCode')} text={codeError} />
          </div>
          {textField('province', 40)}
          {textField('city', 40)}
          {textField('industry', 100, true)}
        </div>

        <fieldset className="enterprise-contacts">
          <legend>{t(`${k}.contacts`)}</legend>
          {d.contacts.map((c, i) => (
            <div className="contact-row" key={i}>
              {(['person', 'phone', 'email'] as const).map((part) => {
                const path = `contacts.${i}.${part}`;
                const text = errorOf(path);
                return (
                  <div className="form-row" key={part}>
                    <label htmlFor={field(path)}>{t(`${k}.${part}`)}</label>
                    <input
                      id={field(path)}
                      type={part === 'email' ? 'email' : part === 'phone' ? 'tel' : 'text'}
                      value={c[part]}
                      onChange={(e) => set({ contacts: d.contacts.map((x, j) => (j === i ? { ...x, [part]: e.target.value } : x)) })}
                      {...described(path, text)}
                    />
                    <FieldError id={errId(path)} text={text} />
                  </div>
                );
              })}
              <button type="button" className="button button-link button-link-danger" aria-label={t(`${k}.removeContact`, { n: i + 1 })} onClick={() => set({ contacts: d.contacts.filter((_, j) => j !== i) })}>
                ×
              </button>
            </div>
          ))}
          <button type="button" className="button" onClick={() => set({ contacts: [...d.contacts, { person: '', phone: '', email: '' }] })}>
            {t(`${k}.addContact`)}
          </button>
        </fieldset>

        <fieldset className="enterprise-exposure-edit">
          <legend>{t(`${k}.exposure`)}</legend>
          <p className="hint">{t(`${k}.exposureHint`)}</p>
          {d.exposure.map((line, i) => {
            const setLine = (patch: Partial<EnterpriseDraft['exposure'][number]>): void =>
              set({ exposure: d.exposure.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
            const hsError = errorOf(`exposure.${i}.hsCode`);
            const marketError = errorOf(`exposure.${i}.market`);
            const valueError = errorOf(`exposure.${i}.annualExportUsd`);
            return (
              <div className="exposure-row" key={line.key}>
                <div className="form-row">
                  <label htmlFor={field(`hs-${line.key}`)}>{t(`${k}.hsCode`)}</label>
                  <input id={field(`hs-${line.key}`)} type="text" inputMode="numeric" maxLength={14} value={line.hsCode} onChange={(e) => setLine({ hsCode: e.target.value })} {...described(`hs-${line.key}`, hsError)} />
                  <FieldError id={errId(`hs-${line.key}`)} text={hsError} />
                </div>
                <div className="form-row">
                  <label htmlFor={field(`market-${line.key}`)}>{t(`${k}.marketLabel`)}</label>
                  <MarketSelect id={field(`market-${line.key}`)} label={t(`${k}.marketLabel`)} value={line.market} invalid={Boolean(marketError)} onChange={(market) => setLine({ market })} />
                  <FieldError id={errId(`market-${line.key}`)} text={marketError} />
                </div>
                <div className="form-row">
                  <label htmlFor={field(`value-${line.key}`)}>{t(`${k}.value`)}</label>
                  <input id={field(`value-${line.key}`)} type="text" inputMode="decimal" value={line.value} onChange={(e) => setLine({ value: e.target.value })} {...described(`value-${line.key}`, valueError)} />
                  <FieldError id={errId(`value-${line.key}`)} text={valueError} />
                </div>
                <button type="button" className="button button-link button-link-danger" aria-label={t(`${k}.removeLine`, { n: i + 1 })} onClick={() => set({ exposure: d.exposure.filter((_, j) => j !== i) })}>
                  ×
                </button>
              </div>
            );
          })}
          <button type="button" className="button" onClick={() => set({ exposure: [...d.exposure, { key: nextLineKey(), hsCode: '', market: '', value: '' }] })}>
            {t(`${k}.addLine`)}
          </button>
        </fieldset>

        <div className="form-row form-row-wide">
          <label htmlFor={field('notes')}>{t(`${k}.notes`)}</label>
          <textarea id={field('notes')} rows={3} value={d.notes} onChange={(e) => set({ notes: e.target.value })} />
        </div>
        {shown && Object.keys(problems).length > 0 ? <p className="field-error">{t(`${k}.fixErrors`)}</p> : null}
        <InlineError error={error} />
      </form>
      {dialog}
    </Modal>
  );
}
