import { useTranslation } from 'react-i18next';
import { JobProgress } from '../../components/job-progress';
import { useClaimedJob } from '../../stores/jobs-context';

/**
 * The warnings recomputation a save or an import started: its bar while it runs, then what the
 * pass did. Before its first event arrives it shows as starting.
 */
export function RecomputeProgress({ jobId, label }: { jobId: string; label?: string }) {
  const { t } = useTranslation();
  const job = useClaimedJob(jobId);
  const view = job ?? { jobId, kind: 'warningsRecompute' as const, status: 'running' as const, position: null, phase: 'starting', done: 0, total: null, error: null };
  if (view.status === 'failed' || view.status === 'cancelled') {
    return (
      <p className="recompute-progress field-error" role="alert">
        {t('jobs.failed', { kind: t('jobs.kinds.warningsRecompute'), message: view.error?.message ?? view.status })}
      </p>
    );
  }
  if (view.status === 'done') {
    return (
      <p className="recompute-progress recompute-done" role="status">
        {t('enterpriseWords.importer.recomputed')}
      </p>
    );
  }
  return (
    <div className="recompute-progress">
      <JobProgress job={view} label={label ?? t('jobs.kinds.warningsRecompute')} showKind />
    </div>
  );
}
