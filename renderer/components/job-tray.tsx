import { useTranslation } from 'react-i18next';
import { useApi } from '../api/api-context';
import { useJobs } from '../stores/jobs-context';
import { trayJobs } from '../stores/jobs-store';
import { JobProgress } from './job-progress';

/**
 * The jobs no open view shows itself (a search reindex at start, a backup made by the day's
 * schedule, an import whose dialog was closed), in the frame's corner, each with its cancel.
 */
export function JobTray() {
  const { t } = useTranslation();
  const api = useApi();
  const jobs = useJobs(trayJobs);
  const dismiss = useJobs((s) => s.dismiss);
  if (jobs.length === 0) return null;
  return (
    <aside className="job-tray" aria-label={t('jobs.trayLabel')}>
      {jobs.map((job) =>
        job.status === 'failed' ? (
          <div key={job.jobId} className="job-tray-item job-failed" role="alert">
            <span>{t('jobs.failed', { kind: t(`jobs.kinds.${job.kind}`), message: job.error?.message ?? '' })}</span>
            <button type="button" className="toast-close" aria-label={t('jobs.dismiss')} onClick={() => dismiss(job.jobId)}>
              ×
            </button>
          </div>
        ) : (
          <div key={job.jobId} className="job-tray-item">
            <JobProgress job={job} showKind onCancel={() => void api.jobsCancel({ jobId: job.jobId }).catch(() => undefined)} />
          </div>
        ),
      )}
    </aside>
  );
}
