import type { Enterprise, EnterpriseSaveInput } from '../../../shared/contract';
import { creditCodeProblem, normalizeCreditCode, type CreditCodeProblem } from '../../../shared/domain/credit-code';
import { ApiError } from '../../../shared/result';

/** The form's text, as typed: numbers stay text until saved so a half-typed value is not lost. */
export interface EnterpriseDraft {
  uid: string | null;
  name: string;
  creditCode: string;
  province: string;
  city: string;
  industry: string;
  contacts: Array<{ person: string; phone: string; email: string }>;
  notes: string;
  exposure: Array<{ key: number; hsCode: string; market: string; value: string }>;
}

let lineKey = 0;
/** A key for a new row, so React keeps each row's inputs when one above is removed. */
export function nextLineKey(): number {
  lineKey += 1;
  return lineKey;
}

export function emptyEnterpriseDraft(): EnterpriseDraft {
  return { uid: null, name: '', creditCode: '', province: '', city: '', industry: '', contacts: [], notes: '', exposure: [] };
}

export function draftFromEnterprise(e: Enterprise): EnterpriseDraft {
  return {
    uid: e.uid,
    name: e.name,
    creditCode: e.creditCode,
    province: e.province,
    city: e.city,
    industry: e.industry,
    contacts: e.contacts.map((c) => ({ ...c })),
    notes: e.notes,
    exposure: e.exposure.map((l) => ({ key: nextLineKey(), hsCode: l.hsCode, market: l.market, value: l.annualExportUsd === null ? '' : String(l.annualExportUsd) })),
  };
}

/** The credit code's problem as the form shows it while typing (none while the field is empty). */
export function liveCreditCodeProblem(text: string): CreditCodeProblem | null {
  const code = normalizeCreditCode(text);
  return code === '' ? null : creditCodeProblem(code);
}

/** What the form can tell before asking the backend, by field path as the backend names them. */
export type DraftProblem = { kind: 'required' } | { kind: 'badValue' } | { kind: 'creditCode'; problem: CreditCodeProblem };

export function draftProblems(draft: EnterpriseDraft): Record<string, DraftProblem> {
  const problems: Record<string, DraftProblem> = {};
  if (draft.name.trim() === '') problems.name = { kind: 'required' };
  const code = normalizeCreditCode(draft.creditCode);
  if (code === '') problems.creditCode = { kind: 'required' };
  else {
    const problem = creditCodeProblem(code);
    if (problem) problems.creditCode = { kind: 'creditCode', problem };
  }
  draft.exposure.forEach((line, i) => {
    if (line.hsCode.trim() === '') problems[`exposure.${i}.hsCode`] = { kind: 'required' };
    if (line.market === '') problems[`exposure.${i}.market`] = { kind: 'required' };
    if (line.value.trim() !== '' && !(Number(line.value.replace(/,/g, '')) >= 0)) problems[`exposure.${i}.annualExportUsd`] = { kind: 'badValue' };
  });
  return problems;
}

/** The save input; rows left entirely empty are dropped rather than refused. */
export function draftToInput(draft: EnterpriseDraft): EnterpriseSaveInput {
  return {
    ...(draft.uid ? { uid: draft.uid } : {}),
    name: draft.name.trim(),
    creditCode: normalizeCreditCode(draft.creditCode),
    province: draft.province.trim(),
    city: draft.city.trim(),
    industry: draft.industry.trim(),
    contacts: draft.contacts.filter((c) => c.person.trim() || c.phone.trim() || c.email.trim()),
    notes: draft.notes,
    exposure: draft.exposure.map((l) => ({
      hsCode: l.hsCode.trim(),
      market: l.market,
      annualExportUsd: l.value.trim() === '' ? null : Number(l.value.replace(/,/g, '')),
    })),
  };
}

/**
 * The backend's refusal by field path: VALIDATION names its fields; CONFLICT is a credit code
 * another enterprise already has (the only unique field of the form).
 */
export function backendFieldErrors(error: unknown): Record<string, string> | null {
  if (!(error instanceof ApiError)) return null;
  const details = error.details as { fields?: Array<{ path: string; message: string }>; field?: string } | undefined;
  if (error.code === 'VALIDATION' && details?.fields?.length) {
    return Object.fromEntries(details.fields.map((f) => [f.path, f.message]));
  }
  if (error.code === 'CONFLICT') return { [details?.field ?? 'creditCode']: 'duplicate' };
  return null;
}

/** True when the analyst changed something (row keys are only for React and do not count). */
export function isDirty(a: EnterpriseDraft, b: EnterpriseDraft): boolean {
  const strip = (d: EnterpriseDraft): unknown => ({ ...d, exposure: d.exposure.map(({ key: _key, ...rest }) => rest) });
  return JSON.stringify(strip(a)) !== JSON.stringify(strip(b));
}
