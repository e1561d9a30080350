import type { WarningPassSummary } from '../../../shared/contract/warnings';
import type { JobEvent } from '../jobs/job-kinds';

/** The warningsRaised event a pass calls for: only when it raised warnings to red or orange. */
export function warningsRaisedEvents(summary: WarningPassSummary): JobEvent[] {
  if (summary.raisedHigh === 0) return [];
  return [['warningsRaised', { red: summary.raisedRed ?? 0, orange: summary.raisedHigh - (summary.raisedRed ?? 0), warningUids: summary.raisedUids }]];
}
