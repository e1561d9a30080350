import type { TFunction } from 'i18next';
import type { ImportRefusal, RowRejection } from '../../../../shared/contract';
import { importOutcomesZhCN } from '../../../i18n/locales/import-outcomes-zh-CN';

type RowReason = keyof typeof importOutcomesZhCN.reasons;
type FileReason = keyof typeof importOutcomesZhCN.refusals;

const isRowReason = (code: string | undefined): code is RowReason => code !== undefined && code !== 'other' && code in importOutcomesZhCN.reasons;
const isFileReason = (code: string): code is FileReason => code in importOutcomesZhCN.refusals;

/**
 * A row's reason in the interface language. Rows from an import recorded before reasons had
 * codes (or a code this version does not know) fall back to a general sentence; the English
 * technical message stays behind "details".
 */
export function rowReason(t: TFunction, r: RowRejection): string {
  return isRowReason(r.code) ? t(`importOutcomes.reasons.${r.code}`, r.params ?? {}) : t('importOutcomes.reasons.other');
}

/** Why a file was refused, in the interface language. */
export function refusalReason(t: TFunction, refusal: Pick<ImportRefusal, 'reason' | 'params'>): string {
  const code = isFileReason(refusal.reason) ? refusal.reason : 'FILE_REFUSED';
  return t(`importOutcomes.refusals.${code}`, refusal.params ?? {});
}

/** The reason code a refused import's error carries in its details, if any (see rejectFile). */
export function refusalOfError(error: { code: string; details?: unknown }): Pick<ImportRefusal, 'reason' | 'params'> | null {
  if (error.code !== 'IMPORT_REJECTED') return null;
  const details = typeof error.details === 'object' && error.details !== null ? (error.details as Record<string, unknown>) : {};
  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(details)) if (typeof v === 'string' || typeof v === 'number') params[k] = v;
  return { reason: typeof details.reason === 'string' ? details.reason : 'FILE_REFUSED', params };
}
