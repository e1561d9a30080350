import type { CommentsRecordOutcomeInput, PointOutcome, PointOutcomeRecord } from '../../../../shared/contract';
import { isCalendarDate } from '../../../../shared/domain/deadline';

export type EvidenceKind = 'none' | 'notification' | 'regulation';

/** The outcome form as typed: every field a string until it is checked. */
export interface OutcomeFields {
  outcome: PointOutcome;
  evidenceKind: EvidenceKind;
  symbol: string;
  reference: string;
  date: string;
  cost: string;
  costMethod: string;
  note: string;
}

export type OutcomeProblem = 'evidenceRequired' | 'symbolRequired' | 'referenceRequired' | 'dateRequired' | 'dateInvalid' | 'costInvalid' | 'costMethodRequired';

/** The form for a recorded outcome, or a fresh one that starts from the likeliest kind of evidence. */
export function fieldsFromRecord(record: PointOutcomeRecord | undefined, freshEvidence: EvidenceKind = 'regulation'): OutcomeFields {
  const evidence = record?.evidence ?? null;
  return {
    outcome: record?.outcome ?? 'adopted',
    evidenceKind: evidence?.kind ?? (record ? 'none' : freshEvidence),
    symbol: evidence?.kind === 'notification' ? evidence.symbol : '',
    reference: evidence?.kind === 'regulation' ? evidence.reference : '',
    date: evidence?.date ?? record?.date ?? '',
    cost: record?.costSparedCny !== null && record?.costSparedCny !== undefined ? String(record.costSparedCny) : '',
    costMethod: record?.costMethod ?? '',
    note: record?.note ?? '',
  };
}

export const needsEvidence = (outcome: PointOutcome): boolean => outcome === 'adopted' || outcome === 'partly_adopted';

/**
 * What is wrong with the form before anything is sent: adoption needs evidence (a later
 * notification, or the final regulation with its date), and a cost estimate needs its method.
 */
export function outcomeProblems(f: OutcomeFields): OutcomeProblem[] {
  const problems: OutcomeProblem[] = [];
  if (needsEvidence(f.outcome) && f.evidenceKind === 'none') problems.push('evidenceRequired');
  if (f.evidenceKind === 'notification' && f.symbol.trim() === '') problems.push('symbolRequired');
  if (f.evidenceKind === 'regulation') {
    if (f.reference.trim() === '') problems.push('referenceRequired');
    if (f.date === '') problems.push('dateRequired');
  }
  if (f.date !== '' && !isCalendarDate(f.date)) problems.push('dateInvalid');
  if (f.cost.trim() !== '') {
    if (!/^\d{1,15}$/.test(f.cost.trim())) problems.push('costInvalid');
    if (f.costMethod.trim() === '') problems.push('costMethodRequired');
  }
  return problems;
}

export function outcomeInput(f: OutcomeFields, base: { id: number; pointKey: string }): CommentsRecordOutcomeInput {
  const input: CommentsRecordOutcomeInput = { ...base, outcome: f.outcome, note: f.note.trim() };
  if (f.evidenceKind === 'notification') {
    input.evidence = { kind: 'notification', symbol: f.symbol.trim(), ...(f.date ? { date: f.date } : {}) };
  } else if (f.evidenceKind === 'regulation') {
    input.evidence = { kind: 'regulation', reference: f.reference.trim(), date: f.date };
  } else if (f.date) {
    input.date = f.date;
  }
  if (f.cost.trim() !== '') {
    input.costSparedCny = Number(f.cost.trim());
    input.costMethod = f.costMethod.trim();
  }
  return input;
}
