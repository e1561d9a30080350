import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PointOutcome, type PointOutcomeRecord } from '../../../../shared/contract';
import { DateField } from '../../../components/date-field';
import { InlineError } from '../../../components/error-banner';
import type { ErrorInfo } from '../../../stores/error-info';
import { fieldsFromRecord, needsEvidence, outcomeProblems, type EvidenceKind, type OutcomeFields, type OutcomeProblem } from './outcome-input';

interface Props {
  n: number;
  record: PointOutcomeRecord | undefined;
  /** Later notifications of the measure, offered as evidence. */
  suggestions: string[];
  busy: boolean;
  error: ErrorInfo | null;
  onSave: (fields: OutcomeFields) => void;
  onCancel: () => void;
}

const EVIDENCE_KINDS: EvidenceKind[] = ['notification', 'regulation', 'none'];

/** What became of one point, with the evidence an adoption needs and an optional cost estimate. */
export function OutcomeForm({ n, record, suggestions, busy, error, onSave, onCancel }: Props) {
  const { t } = useTranslation();
  const ids = { outcome: useId(), symbol: useId(), list: useId(), reference: useId(), date: useId(), cost: useId(), method: useId(), note: useId() };
  const [f, setF] = useState<OutcomeFields>(() => fieldsFromRecord(record, suggestions.length > 0 ? 'notification' : 'regulation'));
  const [problems, setProblems] = useState<OutcomeProblem[]>([]);
  const set = (patch: Partial<OutcomeFields>): void => {
    setF((current) => ({ ...current, ...patch }));
    setProblems([]);
  };
  const has = (p: OutcomeProblem): boolean => problems.includes(p);

  const submit = (): void => {
    const found = outcomeProblems(f);
    setProblems(found);
    if (found.length === 0) onSave(f);
  };

  return (
    <form
      className="outcome-form editor-form"
      aria-label={t('commenting.outcomes.formLabel', { n })}
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <div className="editor-grid">
        <div className="form-row">
          <label htmlFor={ids.outcome}>{t('commenting.outcomes.outcome')}</label>
          <select id={ids.outcome} value={f.outcome} onChange={(e) => set({ outcome: PointOutcome.parse(e.target.value) })}>
            {PointOutcome.options.map((o) => (
              <option key={o} value={o}>
                {t(`commenting.outcomes.values.${o}`)}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="form-row evidence-kinds">
          <legend>{needsEvidence(f.outcome) ? t('commenting.outcomes.evidenceNeeded') : t('commenting.outcomes.evidence')}</legend>
          {EVIDENCE_KINDS.map((kind) => (
            <label key={kind} className="check">
              <input type="radio" name={`${ids.outcome}-evidence`} checked={f.evidenceKind === kind} onChange={() => set({ evidenceKind: kind })} />
              {t(`commenting.outcomes.evidenceKinds.${kind}`)}
            </label>
          ))}
        </fieldset>
        {f.evidenceKind === 'notification' ? (
          <div className="form-row form-row-wide">
            <label htmlFor={ids.symbol}>{t('commenting.outcomes.symbol')}</label>
            <input id={ids.symbol} type="text" list={ids.list} value={f.symbol} aria-invalid={has('symbolRequired')} onChange={(e) => set({ symbol: e.target.value })} />
            <datalist id={ids.list}>
              {suggestions.map((s) => (
                <option key={s} value={s} />
              ))}
            </datalist>
            {suggestions.length > 0 ? (
              <p className="hint">
                {t('commenting.outcomes.suggested')}{' '}
                {suggestions.map((s) => (
                  <button key={s} type="button" className="button button-link" onClick={() => set({ symbol: s })}>
                    {s}
                  </button>
                ))}
              </p>
            ) : (
              <p className="hint">{t('commenting.outcomes.symbolHint')}</p>
            )}
          </div>
        ) : null}
        {f.evidenceKind === 'regulation' ? (
          <div className="form-row form-row-wide">
            <label htmlFor={ids.reference}>{t('commenting.outcomes.reference')}</label>
            <input id={ids.reference} type="text" maxLength={1000} value={f.reference} aria-invalid={has('referenceRequired')} onChange={(e) => set({ reference: e.target.value })} />
          </div>
        ) : null}
        <div className="form-row">
          <label htmlFor={ids.date}>{f.evidenceKind === 'none' ? t('commenting.outcomes.outcomeDate') : t('commenting.outcomes.date')}</label>
          <DateField id={ids.date} value={f.date} invalid={has('dateRequired') || has('dateInvalid')} onChange={(date) => set({ date })} />
          <p className="hint">{t(`commenting.outcomes.dateHint.${f.evidenceKind}`)}</p>
        </div>
        <div className="form-row">
          <label htmlFor={ids.cost}>{t('commenting.outcomes.cost')}</label>
          <input id={ids.cost} type="text" inputMode="numeric" value={f.cost} aria-invalid={has('costInvalid')} onChange={(e) => set({ cost: e.target.value })} />
        </div>
        {f.cost.trim() !== '' ? (
          <div className="form-row form-row-wide">
            <label htmlFor={ids.method}>{t('commenting.outcomes.costMethod')}</label>
            <textarea id={ids.method} rows={2} value={f.costMethod} aria-invalid={has('costMethodRequired')} onChange={(e) => set({ costMethod: e.target.value })} />
          </div>
        ) : null}
        <div className="form-row form-row-wide">
          <label htmlFor={ids.note}>{t('commenting.outcomes.note')}</label>
          <textarea id={ids.note} rows={2} value={f.note} onChange={(e) => set({ note: e.target.value })} />
        </div>
      </div>
      {problems.length > 0 ? (
        <ul className="field-error outcome-problems" role="alert">
          {problems.map((p) => (
            <li key={p}>{t(`commenting.outcomes.problems.${p}`)}</li>
          ))}
        </ul>
      ) : null}
      <InlineError error={error} />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('common.saving') : t('commenting.outcomes.save')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
