import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import { DayPicker } from 'react-day-picker';
import { enUS, zhCN } from 'react-day-picker/locale';
import 'react-day-picker/style.css';
import { useTranslation } from 'react-i18next';
import { readDateText } from '../../shared/domain/date-text';
import { isCalendarDate } from '../../shared/domain/deadline';
import { useToday } from '../clock/clock-context';
import { formatDate } from '../i18n/format-date';
import type { Locale } from '../../shared/contract';

export interface DateFieldProps {
  id?: string;
  /** YYYY-MM-DD, '' for none, or text that is not a date (kept so a form can refuse it). */
  value: string;
  /**
   * YYYY-MM-DD as soon as the text reads as a date, '' when blank, else the text as typed. The
   * parent may keep only the dates: the box is reset only when `value` itself changes.
   */
  onChange: (value: string) => void;
  /** Earliest and latest days that may be chosen (YYYY-MM-DD). */
  min?: string | undefined;
  max?: string | undefined;
  required?: boolean;
  disabled?: boolean;
  /** The form has an error for this field. */
  invalid?: boolean;
  describedBy?: string | undefined;
  autoFocus?: boolean;
  /** Show a problem with the text at once (a form tried to go on with it), not only after a blur. */
  showProblem?: boolean;
}

const toDay = (iso: string): Date => {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(y!, m! - 1, d!);
};
const pad = (n: number): string => String(n).padStart(2, '0');
const toIso = (day: Date): string => `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;

/** Why the typed text cannot be the field's date, or null when it can (or is blank). */
function problemOf(text: string, min: string | undefined, max: string | undefined): 'format' | 'calendar' | 'min' | 'max' | null {
  const read = readDateText(text);
  if (read.kind === 'empty') return null;
  if (read.kind === 'invalid') return read.problem === 'calendar' ? 'calendar' : 'format';
  if (min && read.iso < min) return 'min';
  if (max && read.iso > max) return 'max';
  return null;
}

/** Is the value a date the field takes: a calendar day within min and max? */
export function dateProblemFree(value: string, min?: string, max?: string): boolean {
  return isCalendarDate(value) && (!min || value >= min) && (!max || value <= max);
}

/**
 * A date box that reads the language of the app, not of the operating system: the date is typed
 * or pasted in any of the forms a notification or a Chinese document uses (2026-11-21,
 * 21/11/2026, 2026年11月21日, 20261121; see date-text.ts) and shown as YYYY-MM-DD, with a
 * calendar in the app's language beside it (the button, F4 or Alt+↓; Esc closes it). The
 * browser's own date input follows the system's locale and takes no pasted text.
 */
export function DateField({ id, value, onChange, min, max, required, disabled, invalid, describedBy, autoFocus, showProblem }: DateFieldProps) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const ownId = useId();
  const inputId = id ?? ownId;
  const [text, setText] = useState(value);
  const [emitted, setEmitted] = useState(value);
  const [open, setOpen] = useState(false);
  // A problem with the typed text is shown once the user leaves the box, not while typing.
  const [checked, setChecked] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const rowRef = useRef<HTMLDivElement>(null);
  const popoverRef = useRef<HTMLDivElement>(null);

  // A value set from outside (a reset, a loaded record) replaces what is in the box. A parent
  // that keeps only dates (a filter) leaves its value as it was while the text is no date yet,
  // and the text stays.
  const [given, setGiven] = useState(value);
  if (value !== given) {
    setGiven(value);
    if (value !== emitted) {
      setEmitted(value);
      setText(value);
    }
  }

  const emit = (next: string): void => {
    setEmitted(next);
    onChange(next);
  };
  const type = (raw: string): void => {
    setText(raw);
    setChecked(false);
    const read = readDateText(raw);
    emit(read.kind === 'date' ? read.iso : read.kind === 'empty' ? '' : raw);
  };
  const settle = (): void => {
    const read = readDateText(text);
    if (read.kind === 'date') setText(read.iso);
    else if (read.kind === 'empty') setText('');
    setChecked(true);
  };

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent): void => {
      const target = event.target as Node;
      if (!rowRef.current?.contains(target) && !popoverRef.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  // The calendar floats over the page (a filter panel or a dialog would clip it): below the box,
  // or above it when there is no room below, and always inside the window. It follows the box
  // when anything scrolls.
  useLayoutEffect(() => {
    if (!open) return;
    const follow = (): void => {
      const row = rowRef.current?.getBoundingClientRect();
      const pop = popoverRef.current;
      if (!row || !pop) return;
      const gap = 4;
      const { innerWidth, innerHeight } = window;
      const below = row.bottom + gap;
      const top = below + pop.offsetHeight <= innerHeight || row.top - gap - pop.offsetHeight < 0 ? below : row.top - gap - pop.offsetHeight;
      const left = Math.max(gap, Math.min(row.left, innerWidth - pop.offsetWidth - gap));
      pop.style.top = `${Math.max(gap, top)}px`;
      pop.style.left = `${left}px`;
      // Shown once placed; until then it is laid out but transparent, so its day can take the focus.
      pop.dataset.placed = '';
    };
    follow();
    window.addEventListener('resize', follow);
    document.addEventListener('scroll', follow, true);
    return () => {
      window.removeEventListener('resize', follow);
      document.removeEventListener('scroll', follow, true);
    };
  }, [open]);

  const close = (): void => {
    setOpen(false);
    inputRef.current?.focus();
  };
  const onInputKey = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'F4' || (event.altKey && event.key === 'ArrowDown')) {
      event.preventDefault();
      setOpen(true);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
    }
  };
  const onPopoverKey = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.key === 'Tab') {
      // Tab goes round the calendar's own controls, as in any dialog.
      event.stopPropagation();
      const items = [...(popoverRef.current?.querySelectorAll<HTMLElement>('select:not([disabled]), button:not([disabled]):not([tabindex="-1"])') ?? [])];
      const at = items.indexOf(document.activeElement as HTMLElement);
      const next = items[(at + (event.shiftKey ? items.length - 1 : 1)) % items.length];
      if (next) {
        event.preventDefault();
        next.focus();
      }
      return;
    }
    if (event.key !== 'Escape') return;
    // The dialog around the field would close too (it listens for Esc on the window).
    event.preventDefault();
    event.stopPropagation();
    close();
  };

  const read = readDateText(text);
  const selected = read.kind === 'date' ? toDay(read.iso) : undefined;
  const problem = checked || showProblem ? (required && text.trim() === '' ? 'missing' : problemOf(text, min, max)) : null;
  const problemId = `${inputId}-date-problem`;
  const describe = [describedBy, problem ? problemId : ''].filter(Boolean).join(' ') || undefined;
  const today = useToday();
  const thisYear = Number(today.slice(0, 4));

  return (
    <div className="date-field">
      <div className="date-field-row" ref={rowRef}>
        <input
          ref={inputRef}
          id={inputId}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          placeholder={t('dateField.placeholder')}
          value={text}
          required={required}
          disabled={disabled}
          autoFocus={autoFocus}
          aria-invalid={invalid || problem ? true : undefined}
          aria-describedby={describe}
          onChange={(event) => type(event.target.value)}
          onBlur={settle}
          onKeyDown={onInputKey}
        />
        <button
          type="button"
          className="date-field-button"
          disabled={disabled}
          aria-label={t('dateField.choose')}
          aria-haspopup="dialog"
          aria-expanded={open}
          onClick={() => (open ? close() : setOpen(true))}
        >
          <svg viewBox="0 0 20 20" width="16" height="16" aria-hidden="true" focusable="false">
            <path d="M3.5 4.5h13v12h-13zM3.5 8h13M7 2.5v3.5M13 2.5v3.5" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" />
          </svg>
        </button>
      </div>
      {problem ? (
        <span className="field-error" id={problemId}>
          {problem === 'min'
            ? t('dateField.beforeMin', { date: formatDate(min, locale) })
            : problem === 'max'
              ? t('dateField.afterMax', { date: formatDate(max, locale) })
              : t(problem === 'missing' ? 'dateField.missing' : problem === 'calendar' ? 'dateField.noSuchDay' : 'dateField.notADate')}
        </span>
      ) : null}
      {open ? createPortal(
        <div
          ref={popoverRef}
          className="date-field-popover"
          role="dialog"
          aria-label={t('dateField.calendar')}
          onKeyDown={onPopoverKey}
        >
          <DayPicker
            mode="single"
            locale={locale === 'zh-CN' ? zhCN : enUS}
            weekStartsOn={1}
            captionLayout="dropdown"
            startMonth={new Date(1990, 0)}
            endMonth={new Date(thisYear + 10, 11)}
            defaultMonth={selected ?? toDay(min && min > today ? min : max && max < today ? max : today)}
            selected={selected}
            disabled={[...(min ? [{ before: toDay(min) }] : []), ...(max ? [{ after: toDay(max) }] : [])]}
            autoFocus
            onSelect={(day) => {
              if (!day) return;
              const iso = toIso(day);
              setText(iso);
              setChecked(true);
              emit(iso);
              close();
            }}
          />
        </div>,
        document.body,
      ) : null}
    </div>
  );
}
