import { useEffect, useId, useState, type ReactNode } from 'react';
import { isCalendarDate } from '../../../../shared/domain/deadline';
import { DateField } from '../../../components/date-field';

/** Filters typed into a box wait this long, so a half-typed HS code is not searched for. */
const TEXT_DEBOUNCE_MS = 400;

export interface Option<T extends string> {
  value: T;
  label: string;
}

export function FilterGroup({ legend, children, wide = false }: { legend: string; children: ReactNode; wide?: boolean }) {
  return (
    <fieldset className={wide ? 'filter-group filter-group-wide' : 'filter-group'}>
      <legend>{legend}</legend>
      {children}
    </fieldset>
  );
}

/** Several values of one filter, any of which may match (OR). */
export function CheckboxGroup<T extends string>({
  options,
  value,
  onChange,
  columns = 1,
}: {
  options: Array<Option<T>>;
  value: readonly T[] | undefined;
  onChange: (next: T[]) => void;
  columns?: number;
}) {
  const chosen = new Set(value ?? []);
  const toggle = (v: T): void => {
    const next = new Set(chosen);
    if (next.has(v)) next.delete(v);
    else next.add(v);
    // Keep the options' order, so the request (and the cache key) does not depend on click order.
    onChange(options.map((o) => o.value).filter((o) => next.has(o)));
  };
  return (
    <div className={`checks checks-${columns}`}>
      {options.map((o) => (
        <label key={o.value} className="check">
          <input type="checkbox" checked={chosen.has(o.value)} onChange={() => toggle(o.value)} />
          <span>{o.label}</span>
        </label>
      ))}
    </div>
  );
}

export function SelectFilter<T extends string>({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: T | '';
  options: Array<Option<T | ''>>;
  onChange: (next: T | '') => void;
}) {
  const id = useId();
  return (
    <div className="filter-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value as T | '')}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * A date filter: committed as soon as the box holds a day in the calendar (typed, pasted or
 * chosen from the calendar) or is emptied; text that is no date yet stays in the box.
 */
export function DateFilter({ label, value, onCommit }: { label: string; value: string; onCommit: (next: string) => void }) {
  const id = useId();
  return (
    <div className="filter-field">
      <label htmlFor={id}>{label}</label>
      <DateField
        id={id}
        value={value}
        onChange={(next) => {
          if (next !== value && (next === '' || isCalendarDate(next))) onCommit(next);
        }}
      />
    </div>
  );
}

/**
 * A typed filter value, committed after a pause. A value the contract would refuse stays in the
 * box marked invalid instead of being sent.
 */
export function TextFilter({
  label,
  value,
  onCommit,
  isValid = () => true,
  invalidHint,
  placeholder,
  type = 'text',
}: {
  label: string;
  value: string;
  onCommit: (next: string) => void;
  isValid?: (text: string) => boolean;
  invalidHint?: string;
  placeholder?: string;
  type?: 'text' | 'number';
}) {
  const id = useId();
  const [text, setText] = useState(value);
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    setSeen(value);
    setText(value);
  }
  const trimmed = text.trim();
  const valid = trimmed === '' || isValid(trimmed);

  useEffect(() => {
    if (trimmed === value || !valid) return;
    // Numbers come from spinners: no need to wait for more typing.
    const timer = setTimeout(() => onCommit(trimmed), type === 'text' ? TEXT_DEBOUNCE_MS : 0);
    return () => clearTimeout(timer);
  }, [trimmed, value, valid, onCommit, type]);

  return (
    <div className="filter-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={type}
        value={text}
        placeholder={placeholder}
        min={type === 'number' ? 0 : undefined}
        aria-invalid={valid ? undefined : true}
        aria-describedby={valid ? undefined : `${id}-hint`}
        onChange={(event) => setText(event.target.value)}
      />
      {valid ? null : (
        <span className="field-error" id={`${id}-hint`}>
          {invalidHint}
        </span>
      )}
    </div>
  );
}
