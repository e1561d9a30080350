import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CloseReason, ResponseKind, WARNING_LEVELS, type Warning, type WarningLevel } from '../../../shared/contract';
import { useApi } from '../../api/api-context';
import { useLoad } from '../../api/use-load';
import { useConfirm } from '../../components/confirm-dialog';
import { DateField } from '../../components/date-field';
import { InlineError } from '../../components/error-banner';
import { useAppStore, useDataVersion } from '../../stores/app-store-context';
import { toErrorInfo, type ErrorInfo } from '../../stores/error-info';

type Form = 'plan' | 'close' | 'override' | null;

/** The reasons an analyst may give; 'withdrawn' and 'enterpriseRemoved' are the engine's. */
const ANALYST_CLOSE_REASONS = CloseReason.options.filter((r) => r !== 'withdrawn' && r !== 'enterpriseRemoved');

/** Acknowledge, plan a response, close with a reason, reopen, and set or clear the level by hand. */
export function WarningActions({ warning, onSaved }: { warning: Warning; onSaved: (next: Warning) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const navigate = useAppStore((s) => s.navigate);
  const notify = useAppStore((s) => s.notify);
  const { confirm, dialog } = useConfirm();
  const [form, setForm] = useState<Form>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const k = 'warningsUi.actions';

  const run = async (call: () => Promise<Warning>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      onSaved(await call());
      notify(t(`${k}.saved`));
      setForm(null);
      return true;
    } catch (e) {
      setError(toErrorInfo(e));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const open = warning.state !== 'closed';
  return (
    <section className="warning-actions" aria-labelledby="warning-actions-title">
      <h3 id="warning-actions-title">{t(`${k}.title`)}</h3>
      <div className="button-row">
        {warning.state === 'new' ? (
          <button type="button" className="button" disabled={busy} onClick={() => void run(() => api.warningsTransition({ uid: warning.uid, state: 'acknowledged' }))}>
            {t(`${k}.acknowledge`)}
          </button>
        ) : null}
        {open ? (
          <button type="button" className="button" aria-expanded={form === 'plan'} onClick={() => setForm(form === 'plan' ? null : 'plan')}>
            {t(`${k}.plan`)}
          </button>
        ) : null}
        {open ? (
          <button type="button" className="button" aria-expanded={form === 'close'} onClick={() => setForm(form === 'close' ? null : 'close')}>
            {t(`${k}.close`)}
          </button>
        ) : (
          <button type="button" className="button" disabled={busy} onClick={() => void run(() => api.warningsTransition({ uid: warning.uid, state: 'acknowledged' }))}>
            {t(`${k}.reopen`)}
          </button>
        )}
        <button type="button" className="button" aria-expanded={form === 'override'} onClick={() => setForm(form === 'override' ? null : 'override')}>
          {t(`${k}.override`)}
        </button>
      </div>
      <InlineError error={error} />
      {form === 'plan' ? (
        <PlanForm
          warning={warning}
          busy={busy}
          onCancel={() => setForm(null)}
          onSubmit={(plan) => run(() => api.warningsPlanResponse({ uid: warning.uid, ...plan }))}
          onDraftComment={() => navigate({ section: 'comments', id: null, view: 'new', query: `notification=${warning.measure.notificationId}` })}
        />
      ) : null}
      {form === 'close' ? (
        <CloseForm busy={busy} onCancel={() => setForm(null)} onSubmit={(reason, note) => void run(() => api.warningsTransition({ uid: warning.uid, state: 'closed', closeReason: reason, note }))} />
      ) : null}
      {form === 'override' ? (
        <OverrideForm
          warning={warning}
          busy={busy}
          onCancel={() => setForm(null)}
          onSubmit={async (level, reason) => {
            const from = t(`warningWords.levels.${warning.level}`);
            const ok = await confirm(
              level === null
                ? { title: t(`${k}.clearTitle`), body: t(`${k}.clearBody`, { level: t(`warningWords.levels.${warning.computedLevel}`) }), confirmLabel: t(`${k}.confirm`) }
                : { title: t(`${k}.overrideTitle`), body: t(`${k}.overrideBody`, { from, to: t(`warningWords.levels.${level}`) }), confirmLabel: t(`${k}.confirm`) },
            );
            if (ok) await run(() => api.warningsOverride({ uid: warning.uid, level, reason }));
          }}
        />
      ) : null}
      {dialog}
    </section>
  );
}

interface Plan {
  kind: ResponseKind;
  ownerUid: string;
  dueDate: string;
  note: string;
}

function PlanForm({ warning, busy, onCancel, onSubmit, onDraftComment }: { warning: Warning; busy: boolean; onCancel: () => void; onSubmit: (plan: Plan) => Promise<boolean>; onDraftComment: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const version = useDataVersion(['analysts']);
  const loadAnalysts = useCallback(() => api.analystsList({}), [api]);
  const analysts = (useLoad(loadAnalysts, version).data ?? []).filter((a) => a.active);
  const [plan, setPlan] = useState<Plan>(() => ({
    kind: warning.response?.kind ?? 'comment',
    ownerUid: warning.response?.ownerUid ?? '',
    dueDate: warning.response?.dueDate ?? warning.measure.commentDeadline ?? '',
    note: warning.response?.note ?? '',
  }));
  const [problem, setProblem] = useState<string | null>(null);
  const k = 'warningsUi.actions';

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (plan.ownerUid === '') return setProblem(t(`${k}.ownerRequired`));
    if (!/^\d{4}-\d{2}-\d{2}$/.test(plan.dueDate)) return setProblem(t(`${k}.dueRequired`));
    setProblem(null);
    await onSubmit(plan);
  };

  return (
    <form className="warning-form" onSubmit={(e) => void submit(e)} aria-label={t(`${k}.plan`)}>
      <label>
        {t(`${k}.kind`)}
        <select value={plan.kind} onChange={(e) => setPlan({ ...plan, kind: ResponseKind.parse(e.target.value) })}>
          {ResponseKind.options.map((kind) => (
            <option key={kind} value={kind}>
              {t(`warningWords.responses.${kind}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t(`${k}.owner`)}
        <select value={plan.ownerUid} onChange={(e) => setPlan({ ...plan, ownerUid: e.target.value })}>
          <option value="">—</option>
          {analysts.map((a) => (
            <option key={a.uid} value={a.uid}>
              {a.name}
            </option>
          ))}
        </select>
      </label>
      <label htmlFor="warning-plan-due">{t(`${k}.dueDate`)}</label>
      <DateField id="warning-plan-due" value={plan.dueDate} onChange={(dueDate) => setPlan({ ...plan, dueDate })} required />
      <label>
        {t(`${k}.note`)}
        <textarea value={plan.note} onChange={(e) => setPlan({ ...plan, note: e.target.value })} rows={3} />
      </label>
      {problem ? (
        <p className="form-error" role="alert">
          {problem}
        </p>
      ) : null}
      {plan.kind === 'comment' ? (
        <p className="hint">
          {t(`${k}.commentHint`)}{' '}
          <button type="button" className="button-link" onClick={onDraftComment}>
            {t(`${k}.openComment`)}
          </button>
        </p>
      ) : null}
      <SubmitOrCancel submit={t(`${k}.savePlan`)} busy={busy} onCancel={onCancel} />
    </form>
  );
}

/** A form's submit button and its cancel button. */
function SubmitOrCancel({ submit, busy, onCancel }: { submit: string; busy: boolean; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="button-row">
      <button type="submit" className="button button-primary" disabled={busy}>
        {submit}
      </button>
      <button type="button" className="button" onClick={onCancel}>
        {t('warningsUi.actions.cancel')}
      </button>
    </div>
  );
}

function CloseForm({ busy, onCancel, onSubmit }: { busy: boolean; onCancel: () => void; onSubmit: (reason: CloseReason, note: string) => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState<CloseReason>('handled');
  const [note, setNote] = useState('');
  const k = 'warningsUi.actions';
  return (
    <form
      className="warning-form"
      aria-label={t(`${k}.close`)}
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(reason, note);
      }}
    >
      <label>
        {t(`${k}.closeReason`)}
        <select value={reason} onChange={(e) => setReason(CloseReason.parse(e.target.value))}>
          {ANALYST_CLOSE_REASONS.map((r) => (
            <option key={r} value={r}>
              {t(`${k}.closeReasons.${r}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t(`${k}.note`)}
        <textarea value={note} onChange={(e) => setNote(e.target.value)} rows={2} />
      </label>
      <SubmitOrCancel submit={t(`${k}.confirmClose`)} busy={busy} onCancel={onCancel} />
    </form>
  );
}

function OverrideForm({ warning, busy, onCancel, onSubmit }: { warning: Warning; busy: boolean; onCancel: () => void; onSubmit: (level: WarningLevel | null, reason: string) => Promise<void> }) {
  const { t } = useTranslation();
  const [level, setLevel] = useState<WarningLevel>(warning.level);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState(false);
  const k = 'warningsUi.actions';
  const submit = (next: WarningLevel | null): void => {
    // The backend refuses an override without a reason too; saying so here saves a round trip.
    if (reason.trim() === '') {
      setProblem(true);
      return;
    }
    setProblem(false);
    void onSubmit(next, reason.trim());
  };
  return (
    <form
      className="warning-form"
      aria-label={t(`${k}.override`)}
      onSubmit={(e) => {
        e.preventDefault();
        submit(level);
      }}
    >
      <label>
        {t(`${k}.level`)}
        <select value={level} onChange={(e) => setLevel(WARNING_LEVELS.find((l) => l === e.target.value) ?? warning.level)}>
          {WARNING_LEVELS.map((l) => (
            <option key={l} value={l}>
              {t(`warningWords.levels.${l}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t(`${k}.reason`)}
        <textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={2} aria-invalid={problem} aria-required />
      </label>
      {problem ? (
        <p className="form-error" role="alert">
          {t(`${k}.reasonRequired`)}
        </p>
      ) : null}
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy}>
          {t(`${k}.override`)}
        </button>
        {warning.overridden ? (
          <button type="button" className="button" disabled={busy} onClick={() => submit(null)}>
            {t(`${k}.clearOverride`)}
          </button>
        ) : null}
        <button type="button" className="button" onClick={onCancel}>
          {t(`${k}.cancel`)}
        </button>
      </div>
    </form>
  );
}
