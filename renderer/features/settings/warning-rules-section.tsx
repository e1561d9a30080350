import { useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { WARNING_FACTORS, WarningRules, type WarningFactorKey } from '../../../shared/contract';
import { DEFAULT_WARNING_RULES } from '../../../shared/domain/warning-rules';
import { useApi } from '../../api/api-context';
import { useLoad } from '../../api/use-load';
import { InlineError } from '../../components/error-banner';
import { useAppStore } from '../../stores/app-store-context';
import { toErrorInfo, type ErrorInfo } from '../../stores/error-info';
import { RecomputeProgress } from '../enterprises/recompute-progress';

const k = 'enterpriseWords.rules';
const THRESHOLDS = ['red', 'orange', 'yellow'] as const;

/** The rules as typed: every number stays text until saved. */
interface RulesDraft {
  weights: Record<WarningFactorKey, string>;
  thresholds: Record<(typeof THRESHOLDS)[number], string>;
  lookbackDays: string;
}

function toDraft(rules: WarningRules): RulesDraft {
  return {
    weights: Object.fromEntries(WARNING_FACTORS.map((f) => [f, String(rules.weights[f])])) as RulesDraft['weights'],
    thresholds: { red: String(rules.thresholds.red), orange: String(rules.thresholds.orange), yellow: String(rules.thresholds.yellow) },
    lookbackDays: String(rules.lookbackDays),
  };
}

const whole = (text: string): number | null => (/^\s*\d+\s*$/.test(text) ? Number(text) : null);

/** The sum of the weights typed so far (a field that is not a number counts as nothing). */
export function weightSum(draft: RulesDraft): number {
  return WARNING_FACTORS.reduce((sum, f) => sum + (whole(draft.weights[f]) ?? 0), 0);
}

/**
 * Settings › warning rules: the most points of each factor (with what it measures), the level
 * thresholds and the look-back. The sum is shown as typed and may not pass 100; saving starts
 * the recomputation of every warning, whose progress shows here.
 */
export function WarningRulesSection() {
  const { t } = useTranslation();
  const api = useApi();
  const id = useId();
  const notify = useAppStore((s) => s.notify);
  const load = useCallback(() => api.warningRulesGet({}), [api]);
  const { data, error: loadError } = useLoad(load);
  // The analyst's edits; until the first one, the stored rules.
  const [edited, setDraft] = useState<RulesDraft | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [busy, setBusy] = useState(false);
  const [jobId, setJobId] = useState<string | null>(null);

  const draft = edited ?? (data ? toDraft(data) : null);

  if (!draft) {
    return (
      <section className="card card-wide warning-rules" aria-labelledby={`${id}-title`}>
        <h2 className="card-title" id={`${id}-title`}>
          {t(`${k}.title`)}
        </h2>
        <InlineError error={loadError} />
      </section>
    );
  }

  const sum = weightSum(draft);
  const numbers = [...WARNING_FACTORS.map((f) => draft.weights[f]), ...THRESHOLDS.map((l) => draft.thresholds[l]), draft.lookbackDays];
  const allWhole = numbers.every((n) => whole(n) !== null);
  const candidate = allWhole
    ? WarningRules.safeParse({
        weights: Object.fromEntries(WARNING_FACTORS.map((f) => [f, whole(draft.weights[f])])),
        thresholds: Object.fromEntries(THRESHOLDS.map((l) => [l, whole(draft.thresholds[l])])),
        lookbackDays: whole(draft.lookbackDays),
      })
    : null;
  const t0 = whole(draft.thresholds.red);
  const t1 = whole(draft.thresholds.orange);
  const t2 = whole(draft.thresholds.yellow);
  const orderWrong = t0 !== null && t1 !== null && t2 !== null && !(t0 > t1 && t1 > t2);

  const save = async (): Promise<void> => {
    if (!candidate?.success) return;
    setBusy(true);
    setError(null);
    try {
      const saved = await api.warningRulesSave(candidate.data);
      setDraft(toDraft(saved.rules));
      setJobId(saved.jobId);
      notify(t(`${k}.saved`));
    } catch (e) {
      setError(toErrorInfo(e));
    } finally {
      setBusy(false);
    }
  };

  const numberInput = (value: string, onChange: (v: string) => void, label: string, fieldId: string, max: number) => (
    <input
      id={fieldId}
      type="number"
      inputMode="numeric"
      min={0}
      max={max}
      step={1}
      className="number-input"
      aria-label={label}
      aria-invalid={whole(value) === null || undefined}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    />
  );

  return (
    <section className="card card-wide warning-rules" aria-labelledby={`${id}-title`}>
      <h2 className="card-title" id={`${id}-title`}>
        {t(`${k}.title`)}
      </h2>
      <p className="hint">{t(`${k}.hint`)}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <table className="data-table rules-table" aria-label={t(`${k}.weights`)}>
          <thead>
            <tr>
              <th scope="col">{t(`${k}.factor`)}</th>
              <th scope="col">{t(`${k}.weight`)}</th>
            </tr>
          </thead>
          <tbody>
            {WARNING_FACTORS.map((f) => (
              <tr key={f}>
                <td>
                  <label htmlFor={`${id}-${f}`} className="factor-name">
                    {t(`warningWords.factors.${f}`)}
                  </label>
                  <span className="cell-sub muted">{t(`warningWords.factorHelp.${f}`)}</span>
                </td>
                <td>{numberInput(draft.weights[f], (v) => setDraft({ ...draft, weights: { ...draft.weights, [f]: v } }), t(`warningWords.factors.${f}`), `${id}-${f}`, 100)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className={sum > 100 ? 'weight-sum field-error' : 'weight-sum'} role={sum > 100 ? 'alert' : undefined} aria-live="polite">
          {sum > 100 ? t(`${k}.sumTooHigh`, { sum }) : t(`${k}.sum`, { sum })}
        </p>
        <fieldset className="rules-thresholds">
          <legend>{t(`${k}.thresholds`)}</legend>
          {THRESHOLDS.map((level) => (
            <div className="form-row" key={level}>
              <label htmlFor={`${id}-t-${level}`}>{t(`${k}.threshold`, { level: t(`warningWords.levels.${level}`) })}</label>
              {numberInput(draft.thresholds[level], (v) => setDraft({ ...draft, thresholds: { ...draft.thresholds, [level]: v } }), t(`${k}.threshold`, { level: t(`warningWords.levels.${level}`) }), `${id}-t-${level}`, 100)}
            </div>
          ))}
          {orderWrong ? (
            <p className="field-error" role="alert">
              {t(`${k}.thresholdOrder`)}
            </p>
          ) : null}
        </fieldset>
        <div className="form-row">
          <label htmlFor={`${id}-lookback`}>{t(`${k}.lookbackDays`)}</label>
          {numberInput(draft.lookbackDays, (v) => setDraft({ ...draft, lookbackDays: v }), t(`${k}.lookbackDays`), `${id}-lookback`, 3650)}
          <span className="hint">{t(`${k}.lookbackHint`)}</span>
        </div>
        {!allWhole ? <p className="field-error">{t(`${k}.badNumber`)}</p> : null}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy || !candidate?.success}>
            {busy ? t('common.saving') : t(`${k}.save`)}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => {
              setDraft(toDraft(DEFAULT_WARNING_RULES));
              notify(t(`${k}.restored`));
            }}
          >
            {t(`${k}.restore`)}
          </button>
        </div>
        <InlineError error={error} />
      </form>
      {jobId ? <RecomputeProgress jobId={jobId} /> : null}
    </section>
  );
}
