import type { Area, NotificationCreateInput, NotificationDetail, NotificationUpdateManualInput } from '../../../../shared/contract';
import { ApiError } from '../../../../shared/result';

/** The form as typed: every box is text; lists are one item per line or comma-separated. */
export interface ManualForm {
  symbol: string;
  area: Area;
  memberCode: string;
  title: string;
  description: string;
  products: string;
  hsCodes: string;
  icsCodes: string;
  keywords: string;
  objectives: string;
  notificationType: string;
  distributionDate: string;
  commentDeadline: string;
  proposedAdoption: string;
  proposedEntryIntoForce: string;
  documentLinks: string;
}

export type ManualField = keyof ManualForm;

export const EMPTY_MANUAL_FORM: ManualForm = {
  symbol: '',
  area: 'TBT',
  memberCode: '',
  title: '',
  description: '',
  products: '',
  hsCodes: '',
  icsCodes: '',
  keywords: '',
  objectives: '',
  notificationType: '',
  distributionDate: '',
  commentDeadline: '',
  proposedAdoption: '',
  proposedEntryIntoForce: '',
  documentLinks: '',
};

/** Commas (also the Chinese ones), semicolons and line breaks all separate list items. */
export function splitList(text: string): string[] {
  return text
    .split(/[,，;；\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

const orNull = (text: string): string | null => (text.trim() === '' ? null : text.trim());

/** What notificationsCreate receives; the backend validates it and answers field by field. */
export function toCreateInput(form: ManualForm): NotificationCreateInput {
  const symbol = form.symbol.trim();
  return {
    ...(symbol ? { symbol } : {}),
    area: form.area,
    memberCode: form.memberCode,
    title: form.title.trim(),
    description: form.description.trim(),
    products: form.products.trim(),
    hsCodes: splitList(form.hsCodes),
    icsCodes: splitList(form.icsCodes),
    keywords: splitList(form.keywords),
    objectives: splitList(form.objectives),
    notificationType: form.notificationType.trim(),
    distributionDate: orNull(form.distributionDate),
    commentDeadline: orNull(form.commentDeadline),
    proposedAdoption: orNull(form.proposedAdoption),
    proposedEntryIntoForce: orNull(form.proposedEntryIntoForce),
    // Links are one per line: a URL may itself contain commas.
    documentLinks: form.documentLinks
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean),
  };
}

/** The boxes filled from a stored record, for editing it: lists comma-separated (their boxes are one line), links one per line. */
export function formFromRecord(n: NotificationDetail): ManualForm {
  return {
    symbol: n.symbol,
    area: n.area,
    memberCode: n.memberCode,
    title: n.title,
    description: n.description,
    products: n.products,
    hsCodes: n.hsCodes.join(', '),
    icsCodes: n.icsCodes.join(', '),
    keywords: n.keywords.join(', '),
    objectives: n.objectives.join(', '),
    notificationType: n.notificationType,
    distributionDate: n.distributionDate ?? '',
    commentDeadline: n.commentDeadline ?? '',
    proposedAdoption: n.proposedAdoption ?? '',
    proposedEntryIntoForce: n.proposedEntryIntoForce ?? '',
    documentLinks: n.documentLinks.join('\n'),
  };
}

/** The fields notificationsUpdateManual may change; symbol, area and member identify the record. */
const EDITABLE_KEYS = [
  'title',
  'description',
  'products',
  'hsCodes',
  'icsCodes',
  'keywords',
  'objectives',
  'notificationType',
  'distributionDate',
  'commentDeadline',
  'proposedAdoption',
  'proposedEntryIntoForce',
  'documentLinks',
] as const;

/**
 * What notificationsUpdateManual receives: only the fields whose value differs from the stored
 * record, so an edit leaves untouched fields (and their history) alone.
 */
export function toUpdateInput(n: NotificationDetail, form: ManualForm): NotificationUpdateManualInput {
  const typed = toCreateInput(form);
  const stored = toCreateInput(formFromRecord(n));
  const changed: Partial<Record<(typeof EDITABLE_KEYS)[number], unknown>> = {};
  for (const key of EDITABLE_KEYS) {
    if (JSON.stringify(typed[key]) !== JSON.stringify(stored[key])) changed[key] = typed[key];
  }
  return { id: n.id, ...(changed as Omit<NotificationUpdateManualInput, 'id'>) };
}

export interface FieldProblem {
  /** The form field, or null for a problem with the input as a whole. */
  field: ManualField | null;
  message: string;
}

function isManualField(name: string): name is ManualField {
  return Object.prototype.hasOwnProperty.call(EMPTY_MANUAL_FORM, name);
}

/**
 * The per-field problems of a VALIDATION error: `details.fields[].path` names the input key
 * ("hsCodes.2" is the third HS code, reported on the HS codes box).
 */
export function fieldProblems(error: unknown): FieldProblem[] {
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION') return [];
  const details = error.details as { fields?: unknown } | undefined;
  if (!details || !Array.isArray(details.fields)) return [];
  const out: FieldProblem[] = [];
  for (const entry of details.fields as unknown[]) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { path, message } = entry as { path?: unknown; message?: unknown };
    if (typeof message !== 'string') continue;
    const head = typeof path === 'string' ? (path.split('.')[0] ?? '') : '';
    out.push({ field: isManualField(head) ? head : null, message });
  }
  return out;
}
