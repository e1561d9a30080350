import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobKind } from '../../shared/contract';
import type { JobView } from '../stores/jobs-store';

/** 0–100 when the total is known, else null (an indeterminate bar). */
export function jobPercent(job: Pick<JobView, 'done' | 'total'>): number | null {
  if (job.total === null || job.total <= 0) return null;
  return Math.min(100, Math.round((job.done / job.total) * 100));
}

/** Where each kind's phase words live. */
const PHASE_KEYS = {
  import: 'importer.progress.phases',
  searchReindex: 'jobs.phases.searchReindex',
  backup: 'jobs.phases.backup',
  warningsRecompute: 'jobs.phases.warningsRecompute',
  listExport: 'jobs.phases.listExport',
  reportMake: 'jobs.phases.reportMake',
} as const satisfies Record<JobKind, string>;

export interface JobProgressProps {
  job: JobView;
  /** The bar's accessible name; by default the kind's name. */
  label?: string;
  /** Show the kind's name above the bar (where nothing around says what runs). */
  showKind?: boolean;
  /** After the phase: what the figures count (an import's bytes; by default done / total). */
  detail?: ReactNode;
  /** A cancel button under the bar; leave out where the view has its own. */
  onCancel?: () => void;
}

/**
 * Any job's progress: its phase in words, the share done as a bar (running without a value when
 * the total is unknown), its place while it waits in the queue, and a cancel button.
 */
export function JobProgress({ job, label, showKind = false, detail, onCancel }: JobProgressProps) {
  const { t, i18n } = useTranslation();
  const kind = t(`jobs.kinds.${job.kind}`);
  const queued = job.status === 'queued';
  const percent = queued ? null : jobPercent(job);
  const phaseKey = `${PHASE_KEYS[job.kind]}.${job.phase}`;
  const phase = queued ? t('jobs.queued', { position: job.position ?? 1 }) : i18n.exists(phaseKey) ? t(phaseKey as never) : job.phase;
  const figures =
    detail === undefined
      ? job.total !== null && job.total > 0 && !queued
        ? t('jobs.counted', { done: job.done.toLocaleString(), total: job.total.toLocaleString() })
        : null
      : detail;
  const cancelling = job.phase === 'cancelling';
  return (
    <div className="job-progress">
      {showKind ? <p className="job-kind">{kind}</p> : null}
      <progress className="progress" aria-label={label ?? kind} max={100} {...(percent === null ? {} : { value: percent })} />
      <p role="status" className="job-phase">
        {phase}
        {percent !== null ? ` ${percent}%` : ''}
        {figures ? <span className="muted"> · {figures}</span> : null}
      </p>
      {onCancel ? (
        <button type="button" className="button" onClick={onCancel} disabled={cancelling}>
          {cancelling ? t('jobs.cancelling') : t('jobs.cancel')}
        </button>
      ) : null}
    </div>
  );
}
