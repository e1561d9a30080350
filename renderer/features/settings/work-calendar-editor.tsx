import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarDay } from '../../../shared/contract';
import { MAX_SPAN_DAYS, mergeCalendar, parseCalendarText, type CalendarLineError } from '../../../shared/domain/work-calendar-text';
import { weekdayOf } from '../../../shared/domain/working-days';
import { useAppStore } from '../../stores/app-store-context';

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

/**
 * The team's public holidays and working weekend days, pasted from the yearly notice. Internal
 * deadlines in working days respect them. A removed day can be put back with one click.
 */
export function WorkCalendarEditor({ days }: { days: readonly CalendarDay[] }) {
  const { t } = useTranslation();
  const updateSettings = useAppStore((s) => s.updateSettings);
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<CalendarLineError[]>([]);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [removed, setRemoved] = useState<CalendarDay | null>(null);
  const titleId = useId();
  const textId = useId();

  const save = async (next: CalendarDay[]): Promise<boolean> => {
    setBusy(true);
    const saved = await updateSettings({ workCalendar: next });
    setBusy(false);
    return saved !== null;
  };

  const add = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const parsed = parseCalendarText(text);
    setErrors(parsed.errors);
    setRemoved(null);
    // A paste with an unreadable line changes nothing: the analyst fixes it and adds again.
    if (parsed.errors.length > 0 || parsed.entries.length === 0) {
      setStatus(null);
      return;
    }
    if (await save(mergeCalendar(days, parsed.entries))) {
      setText('');
      setStatus(t('settings.calendar.added', { count: parsed.entries.length }));
    }
  };

  const remove = async (day: CalendarDay): Promise<void> => {
    if (await save(days.filter((d) => d.date !== day.date))) {
      setRemoved(day);
      setStatus(null);
    }
  };

  const undo = async (): Promise<void> => {
    if (removed && (await save(mergeCalendar(days, [removed])))) setRemoved(null);
  };

  return (
    <section className="card work-calendar" aria-labelledby={titleId}>
      <h2 className="card-title" id={titleId}>
        {t('settings.calendar.title')}
      </h2>
      <p className="hint">{t('settings.calendar.hint')}</p>
      {days.length === 0 ? (
        <p className="muted">{t('settings.calendar.none')}</p>
      ) : (
        <div className="table-scroll calendar-scroll">
          <table className="data-table" aria-label={t('settings.calendar.tableLabel')}>
            <thead>
              <tr>
                <th scope="col">{t('settings.calendar.date')}</th>
                <th scope="col">{t('settings.calendar.weekday')}</th>
                <th scope="col">{t('settings.calendar.kind')}</th>
                <th scope="col">{t('settings.calendar.note')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('settings.calendar.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {days.map((d) => (
                <tr key={d.date}>
                  <td className="nowrap">{d.date}</td>
                  <td className="nowrap">{t(`settings.calendar.weekdays.${WEEKDAYS[weekdayOf(d.date)]!}`)}</td>
                  <td className="nowrap">{t(d.kind === 'holiday' ? 'settings.calendar.holiday' : 'settings.calendar.workday')}</td>
                  <td>{d.note}</td>
                  <td>
                    <button
                      type="button"
                      className="button button-quiet"
                      disabled={busy}
                      aria-label={t('settings.calendar.removeNamed', { date: d.date })}
                      onClick={() => void remove(d)}
                    >
                      {t('settings.calendar.remove')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {removed ? (
        <p role="status" className="saved-note">
          {t('settings.calendar.removed', { date: removed.date })}{' '}
          <button type="button" className="button button-quiet" disabled={busy} onClick={() => void undo()}>
            {t('settings.calendar.undo')}
          </button>
        </p>
      ) : null}
      <form className="form" onSubmit={(event) => void add(event)}>
        <div className="form-row">
          <label htmlFor={textId}>{t('settings.calendar.paste')}</label>
          <textarea
            id={textId}
            rows={4}
            value={text}
            placeholder={'2026-10-01 至 2026-10-08 休 国庆节\n2026-09-27 班 调休'}
            onChange={(e) => {
              setText(e.target.value);
              setStatus(null);
            }}
            aria-describedby={`${textId}-hint`}
          />
          <p className="hint" id={`${textId}-hint`}>
            {t('settings.calendar.pasteHint')}
          </p>
        </div>
        {errors.length > 0 ? (
          <div className="inline-error" role="alert">
            <p>{t('settings.calendar.errors', { count: errors.length })}</p>
            <ul>
              {errors.map((e) => (
                <li key={e.line}>
                  {t('settings.calendar.lineError', {
                    line: e.line,
                    text: e.text,
                    reason: t(`settings.calendar.problems.${e.problem}`, { word: e.word ?? '', days: MAX_SPAN_DAYS }),
                  })}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy || text.trim() === ''}>
            {busy ? t('common.saving') : t('settings.calendar.add')}
          </button>
          {status ? (
            <span role="status" className="saved-note">
              {status}
            </span>
          ) : null}
        </div>
      </form>
    </section>
  );
}
