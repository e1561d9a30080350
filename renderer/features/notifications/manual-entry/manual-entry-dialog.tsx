import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Country, Locale, NotificationDetail } from '../../../../shared/contract';
import { ApiError } from '../../../../shared/result';
import { DateField } from '../../../components/date-field';
import { InlineError } from '../../../components/error-banner';
import { Modal } from '../../../components/modal';
import { useAppStore } from '../../../stores/app-store-context';
import { toErrorInfo, type ErrorInfo } from '../../../stores/error-info';
import { useApi } from '../../../api/api-context';
import {
  EMPTY_MANUAL_FORM,
  fieldProblems,
  formFromRecord,
  toCreateInput,
  toUpdateInput,
  type FieldProblem,
  type ManualField,
  type ManualForm,
} from './manual-entry-form';

type ErrorKey = 'required' | 'member' | 'deadlineOrder' | 'date' | 'link' | 'symbolTaken';

/** The backend's messages are English; the common ones get a Chinese (or English) sentence of ours. */
const KNOWN_MESSAGES: Array<[RegExp, ErrorKey]> = [
  [/is required|too small|at least 1/i, 'required'],
  [/three-letter country code/i, 'member'],
  [/before the distribution date/i, 'deadlineOrder'],
  [/not a date in the calendar|expected a date/i, 'date'],
  [/http or https address/i, 'link'],
];

function sortedCountries(countries: Country[], locale: Locale): Country[] {
  const collator = new Intl.Collator(locale === 'zh-CN' ? 'zh' : 'en');
  return [...countries].sort((a, b) => collator.compare(locale === 'zh-CN' ? a.nameZh : a.nameEn, locale === 'zh-CN' ? b.nameZh : b.nameEn));
}

/** Entering a new record, or editing one that was entered by hand (`record`). */
type ManualEntryProps = { onClose: () => void } & (
  | { record?: undefined; onCreated: (id: number) => void }
  | { record: NotificationDetail; onSaved: () => void }
);

/**
 * Manual entry (手动录入) of a notification that arrived outside the WTO feeds, e.g. a national
 * regulation of Uzbekistan or Belarus: left without a symbol, it gets a national reference.
 * Given a record, the same form edits it; symbol, area and member identify it and stay.
 */
export function ManualEntryDialog(props: ManualEntryProps) {
  const { onClose, record } = props;
  const { t } = useTranslation();
  const api = useApi();
  const countries = useAppStore((s) => s.countries);
  const locale = useAppStore((s) => s.locale);
  const notify = useAppStore((s) => s.notify);
  const [form, setForm] = useState<ManualForm>(() => (record ? formFromRecord(record) : EMPTY_MANUAL_FORM));
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [failure, setFailure] = useState<ErrorInfo | null>(null);
  const [busy, setBusy] = useState(false);
  const idBase = useId();
  const k = 'manual';

  const set = (field: ManualField, value: string): void => {
    setForm((f) => ({ ...f, [field]: value }));
    setProblems((p) => p.filter((x) => x.field !== field));
  };

  const describe = (message: string): string => {
    const known = KNOWN_MESSAGES.find(([re]) => re.test(message));
    return known ? t(`${k}.errors.${known[1]}`) : message;
  };

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    try {
      if (props.record) {
        const input = toUpdateInput(props.record, form);
        // Nothing changed: no call, no empty entry in the history.
        if (Object.keys(input).length > 1) {
          await api.notificationsUpdateManual(input);
          notify(t(`${k}.updated`, { symbol: props.record.symbol }));
        }
        props.onSaved();
      } else {
        const created = await api.notificationsCreate(toCreateInput(form));
        notify(t(`${k}.created`, { symbol: created.symbol }));
        props.onCreated(created.id);
      }
    } catch (e) {
      let found = fieldProblems(e);
      if (e instanceof ApiError && e.code === 'CONFLICT') found = [{ field: 'symbol', message: t(`${k}.errors.symbolTaken`) }];
      setProblems(found);
      setFailure(found.some((p) => p.field !== null) ? null : toErrorInfo(e));
      setBusy(false);
      // Take the analyst to the first box that needs attention.
      const first = found.find((p) => p.field !== null)?.field;
      if (first) document.getElementById(`${idBase}-${first}`)?.focus();
    }
  };

  const field = (name: ManualField, control: (props: { id: string; invalid: boolean; describedBy: string | undefined }) => ReactNode, hint?: string, wide = false) => {
    const id = `${idBase}-${name}`;
    const mine = problems.filter((p) => p.field === name);
    const describedBy = [hint ? `${id}-hint` : '', mine.length ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
    return (
      <div className={wide ? 'form-row form-row-wide' : 'form-row'}>
        <label htmlFor={id}>{t(`${k}.fields.${name}`)}</label>
        {control({ id, invalid: mine.length > 0, describedBy })}
        {hint ? (
          <p className="hint" id={`${id}-hint`}>
            {hint}
          </p>
        ) : null}
        {mine.length ? (
          <p className="field-error" id={`${id}-error`}>
            {mine.map((p) => describe(p.message)).join('；')}
          </p>
        ) : null}
      </div>
    );
  };

  const date = (name: ManualField) =>
    field(name, ({ id, invalid, describedBy }) => (
      <DateField id={id} value={form[name]} invalid={invalid} describedBy={describedBy} onChange={(value) => set(name, value)} />
    ));
  const text = (name: ManualField, hint?: string, wide = false) =>
    field(
      name,
      ({ id, invalid, describedBy }) => (
        <input id={id} type="text" value={form[name]}
          disabled={record !== undefined && name === 'symbol'}
          data-autofocus={record !== undefined && name === 'title' ? true : undefined} aria-invalid={invalid || undefined} aria-describedby={describedBy} onChange={(e) => set(name, e.target.value)} />
      ),
      hint,
      wide,
    );
  const area = (name: ManualField, hint?: string, rows = 3) =>
    field(
      name,
      ({ id, invalid, describedBy }) => (
        <textarea id={id} rows={rows} value={form[name]} aria-invalid={invalid || undefined} aria-describedby={describedBy} onChange={(e) => set(name, e.target.value)} />
      ),
      hint,
      true,
    );

  const general = problems.filter((p) => p.field === null);
  const fieldCount = problems.filter((p) => p.field !== null).length;

  return (
    <Modal title={t(record ? `${k}.editTitle` : `${k}.title`)} closeLabel={t('common.close')} onClose={busy ? undefined : onClose} size="wide">
      <form className="manual-form" onSubmit={(event) => void submit(event)} noValidate>
        <p className="hint">{t(record ? `${k}.editIntro` : `${k}.intro`)}</p>
        {fieldCount > 0 ? (
          <p className="inline-error" role="alert">
            {t(`${k}.fixFields`, { count: fieldCount })}
          </p>
        ) : null}
        <InlineError error={failure} />
        {general.length > 0 && !failure ? (
          <p className="inline-error" role="alert">
            {general.map((p) => describe(p.message)).join('；')}
          </p>
        ) : null}
        <div className="form-grid">
          {field('memberCode', ({ id, invalid, describedBy }) => (
            <select
              id={id}
              value={form.memberCode}
              disabled={record !== undefined}
              aria-invalid={invalid || undefined}
              aria-describedby={describedBy}
              onChange={(e) => set('memberCode', e.target.value)}
              data-autofocus={record ? undefined : true}
            >
              <option value="">{t(`${k}.chooseMember`)}</option>
              {record && !countries.some((c) => c.code === record.memberCode) ? <option value={record.memberCode}>{record.memberCode}</option> : null}
              {sortedCountries(countries, locale).map((c) => (
                <option key={c.code} value={c.code}>
                  {locale === 'zh-CN' ? c.nameZh : c.nameEn} {c.code}
                  {c.wtoMember ? '' : ` · ${t(`${k}.notWto`)}`}
                </option>
              ))}
            </select>
          ))}
          {field('area', ({ id, describedBy }) => (
            <select id={id} value={form.area} disabled={record !== undefined} aria-describedby={describedBy} onChange={(e) => set('area', e.target.value)}>
              <option value="TBT">{t('notifications.area.TBT')}</option>
              <option value="SPS">{t('notifications.area.SPS')}</option>
            </select>
          ))}
          {text('symbol', record ? undefined : t(`${k}.hints.symbol`), true)}
          {text('title', undefined, true)}
          {area('description', undefined, 4)}
          {area('products', undefined, 2)}
          {text('hsCodes', t(`${k}.hints.list`))}
          {text('icsCodes', t(`${k}.hints.list`))}
          {text('keywords', t(`${k}.hints.list`))}
          {text('objectives', t(`${k}.hints.list`))}
          {text('notificationType')}
          <div />
          {date('distributionDate')}
          {date('commentDeadline')}
          {text('proposedAdoption', t(`${k}.hints.freeDate`))}
          {text('proposedEntryIntoForce', t(`${k}.hints.freeDate`))}
          {area('documentLinks', t(`${k}.hints.links`), 2)}
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t('common.saving') : t(record ? `${k}.saveChanges` : `${k}.submit`)}
          </button>
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
