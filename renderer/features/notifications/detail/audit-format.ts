/** One changed value of an audit entry, ready to show: the key and both sides as text. */
export interface AuditChange {
  key: string;
  before: unknown;
  after: unknown;
}

function asRecord(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/**
 * What an audit entry changed. Both sides are the analyst-facing view of the record (triage,
 * translation, attachment), so keys present on either side are compared value by value.
 */
export function auditChanges(before: unknown, after: unknown): AuditChange[] {
  // A side that is missing (a translation started, say) compares as empty.
  const b = before === null || before === undefined ? {} : asRecord(before);
  const a = after === null || after === undefined ? {} : asRecord(after);
  if (!b || !a) return [];
  const same = (x: unknown, y: unknown): boolean => JSON.stringify(x === '' ? null : (x ?? null)) === JSON.stringify(y === '' ? null : (y ?? null));
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys.filter((key) => !same(b[key], a[key])).map((key) => ({ key, before: b[key], after: a[key] }));
}

/** The name-like value of a created or removed thing: a file name, a symbol or a title. */
export function auditSubject(value: unknown): string | null {
  const r = asRecord(value);
  if (!r) return null;
  for (const key of ['fileName', 'symbol', 'name', 'title']) {
    const v = r[key];
    if (typeof v === 'string' && v) return v;
  }
  return null;
}

/** Long notes and descriptions are cut; the record itself has the full text. */
export function shorten(text: string, max = 80): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
