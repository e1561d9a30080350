import { useTranslation } from 'react-i18next';
import { REPORT_KINDS, type ReportKind } from '../../../shared/contract';
import { useToday } from '../../clock/clock-context';
import { DateField } from '../../components/date-field';
import { MemberChoice } from './member-choice';
import { PERIOD_PRESETS, presetPeriod, type FormProblem, type PeriodPreset, type ReportForm } from './report-form';

/** The three kinds as cards, each with a line on what it holds. */
export function KindChoice({ kind, onChange }: { kind: ReportKind; onChange: (kind: ReportKind) => void }) {
  const { t } = useTranslation();
  const k = 'reportsUi';
  return (
    <fieldset className="report-kinds">
      <legend className="visually-hidden">{t(`${k}.kindChoice`)}</legend>
      {REPORT_KINDS.map((option) => (
        <label key={option} className={option === kind ? 'report-kind report-kind-chosen' : 'report-kind'}>
          <input type="radio" name="report-kind" value={option} checked={option === kind} onChange={() => onChange(option)} />
          <span className="report-kind-name">{t(`${k}.kinds.${option}`)}</span>
          <span className="report-kind-hint">{t(`${k}.kindHints.${option}`)}</span>
        </label>
      ))}
    </fieldset>
  );
}

export interface ReportParamsFormProps {
  form: ReportForm;
  /** Problems to show: those of fields the analyst has left, or all once a make was refused. */
  problems: readonly FormProblem[];
  nextIssue: number | null;
  onChange: (patch: Partial<ReportForm>) => void;
}

/** Period (a preset or two dates), member or bloc, the bulletin's issue and the compiler. */
export function ReportParamsForm({ form, problems, nextIssue, onChange }: ReportParamsFormProps) {
  const { t } = useTranslation();
  const today = useToday();
  const k = 'reportsUi.params';
  const has = (p: FormProblem): boolean => problems.includes(p);
  const choosePreset = (preset: PeriodPreset): void => onChange({ preset, ...(presetPeriod(preset, today) ?? {}) });
  const problemLine = (p: FormProblem) =>
    has(p) ? (
      <p id={`report-problem-${p}`} className="field-error" role="alert">
        {t(`reportsUi.problems.${p}`)}
      </p>
    ) : null;
  const memberRequired = form.kind === 'country';

  return (
    <fieldset className="report-params">
      <legend>{t(`${k}.legend`)}</legend>
      <div className="report-period" role="group" aria-labelledby="report-period-label">
        <span id="report-period-label" className="report-field-label">
          {t(`${k}.period`)}
        </span>
        <div className="segmented">
          {PERIOD_PRESETS.map((preset) => (
            <button key={preset} type="button" className="segment" aria-pressed={form.preset === preset} onClick={() => choosePreset(preset)}>
              {t(`${k}.presets.${preset}`)}
            </button>
          ))}
        </div>
      </div>
      <div className="report-field-row">
        <div className="report-field">
          <label htmlFor="report-from">{t(`${k}.from`)}</label>
          <DateField
            id="report-from"
            value={form.from}
            onChange={(from) => onChange({ from, preset: 'custom' })}
            required
            invalid={has('from') || has('order')}
            describedBy={has('from') ? 'report-problem-from' : undefined}
          />
          {problemLine('from')}
        </div>
        <div className="report-field">
          <label htmlFor="report-to">{t(`${k}.to`)}</label>
          <DateField
            id="report-to"
            value={form.to}
            onChange={(to) => onChange({ to, preset: 'custom' })}
            required
            invalid={has('to') || has('order')}
            describedBy={has('to') ? 'report-problem-to' : has('order') ? 'report-problem-order' : undefined}
          />
          {problemLine('to')}
          {problemLine('order')}
        </div>
        <div className="report-field">
          <label htmlFor="report-member">{memberRequired ? t(`${k}.memberRequired`) : t(`${k}.member`)}</label>
          <MemberChoice
            id="report-member"
            value={form.member}
            onChange={(member) => onChange({ member })}
            required={memberRequired}
            invalid={has('member')}
            describedBy={has('member') ? 'report-problem-member' : undefined}
          />
          {problemLine('member')}
        </div>
      </div>
      <div className="report-field-row">
        {form.kind === 'bulletin' ? (
          <div className="report-field report-field-narrow">
            <label htmlFor="report-issue">{t(`${k}.issue`)}</label>
            <input
              id="report-issue"
              className="input"
              inputMode="numeric"
              value={form.issue}
              aria-invalid={has('issue') || undefined}
              aria-describedby={has('issue') ? 'report-problem-issue' : 'report-issue-hint'}
              onChange={(e) => onChange({ issue: e.target.value })}
            />
            {nextIssue !== null ? (
              <p id="report-issue-hint" className="hint">
                {t(`${k}.issueHint`, { next: nextIssue })}
              </p>
            ) : null}
            {problemLine('issue')}
          </div>
        ) : null}
        <div className="report-field">
          <label htmlFor="report-compiler">{t(`${k}.compiler`)}</label>
          <input
            id="report-compiler"
            className="input"
            value={form.compiler}
            maxLength={80}
            placeholder={t(`${k}.compilerHint`)}
            onChange={(e) => onChange({ compiler: e.target.value })}
          />
        </div>
      </div>
    </fieldset>
  );
}
