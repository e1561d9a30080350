import type { ReactNode } from 'react';

/** One labelled value in a definition grid; `wide` spans both columns for long text. */
export function Field({ label, children, wide = false }: { label: string; children: ReactNode; wide?: boolean }) {
  return (
    <div className={wide ? 'field field-wide' : 'field'}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function ListValue({ values }: { values: string[] }) {
  if (values.length === 0) return <>—</>;
  return (
    <ul className="chips">
      {values.map((v) => (
        <li key={v} className="chip">
          {v}
        </li>
      ))}
    </ul>
  );
}

export function textOrDash(value: string | null | undefined): string {
  return value === null || value === undefined || value.trim() === '' ? '—' : value;
}

/**
 * A value of a field this version has no special view for, shown plainly so a newer backend's
 * fields still appear: scalars as text, string lists as chips, anything else as indented JSON.
 */
export function GenericValue({ value }: { value: unknown }) {
  if (value === null || value === undefined || value === '') return <>—</>;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return <>{String(value)}</>;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return <ListValue values={value} />;
  return <pre className="json-value">{JSON.stringify(value, null, 2)}</pre>;
}

export function DetailSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="detail-section" aria-label={title}>
      <h3 className="detail-section-title">{title}</h3>
      {children}
    </section>
  );
}
