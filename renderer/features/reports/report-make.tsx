import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportFormat, ReportParams, ReportRecord } from '../../../shared/contract';
import { useApi } from '../../api/api-context';
import { InlineError } from '../../components/error-banner';
import { JobProgress } from '../../components/job-progress';
import { shortcutLabel, isApplePlatform } from '../../components/shortcuts';
import { useClaimedJob } from '../../stores/jobs-context';
import { toErrorInfo, type ErrorInfo } from '../../stores/error-info';
import { FORMATS } from './report-form';
import { ReportFiles, useFormatName } from './report-files';

/** One report being made: what was asked, and once the job ends, the history entry it wrote. */
export interface MakeRun {
  jobId: string;
  formats: ReportFormat[];
  record: ReportRecord | null;
}

/** Start a report job; the run follows it through its events until it ends. */
export function useReportMake(): {
  run: MakeRun | null;
  error: ErrorInfo | null;
  starting: boolean;
  make: (params: ReportParams, formats: ReportFormat[]) => Promise<void>;
  clear: () => void;
} {
  const api = useApi();
  const [run, setRun] = useState<MakeRun | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [starting, setStarting] = useState(false);
  const job = useClaimedJob(run?.jobId ?? null);

  // The job's events say it ended; its result (the history entry) is read once from jobsGet.
  const ended = job?.status === 'done';
  const jobId = run?.jobId ?? null;
  const haveRecord = run?.record !== null;
  useEffect(() => {
    if (!ended || !jobId || haveRecord) return undefined;
    let live = true;
    api.jobsGet({ jobId }).then(
      (state) => {
        if (!live || state.kind !== 'reportMake' || !state.result) return;
        const record = state.result;
        setRun((r) => (r && r.jobId === jobId ? { ...r, record } : r));
      },
      (e: unknown) => {
        if (live) setError(toErrorInfo(e));
      },
    );
    return () => {
      live = false;
    };
  }, [api, ended, jobId, haveRecord]);

  const make = async (params: ReportParams, formats: ReportFormat[]): Promise<void> => {
    setStarting(true);
    setError(null);
    try {
      const { jobId: started } = await api.reportsMake({ params, formats });
      setRun({ jobId: started, formats, record: null });
    } catch (e) {
      setError(toErrorInfo(e));
    } finally {
      setStarting(false);
    }
  };
  return { run, error, starting, make, clear: () => setRun(null) };
}

/** Is a report job of this run still going (queued or running)? */
export function useRunOpen(run: MakeRun | null): boolean {
  const job = useClaimedJob(run?.jobId ?? null);
  if (!run) return false;
  return !job || job.status === 'queued' || job.status === 'running';
}

/** Why a report came out without a format the analyst asked for, in words. */
function MissingFormats({ run }: { run: MakeRun & { record: ReportRecord } }) {
  const { t } = useTranslation();
  const formatName = useFormatName();
  const made = new Set(run.record.files.map((f) => f.format));
  const missing = run.formats.filter((f) => !made.has(f));
  if (missing.length === 0) return null;
  return (
    <p className="report-missing" role="alert">
      {missing.includes('pdf') ? t('reportsUi.make.pdfUnavailable') : null}{' '}
      {missing.some((f) => f !== 'pdf') ? t('reportsUi.make.missing', { formats: missing.filter((f) => f !== 'pdf').map(formatName).join('、') }) : null}
    </p>
  );
}

/** The run's progress bar, then its files to download, or why it failed. */
function RunStatus({ run, onWithoutPdf }: { run: MakeRun; onWithoutPdf: () => void }) {
  const { t } = useTranslation();
  const job = useClaimedJob(run.jobId);
  const view = job ?? { jobId: run.jobId, kind: 'reportMake' as const, status: 'running' as const, position: null, phase: 'starting', done: 0, total: null, error: null };
  if (view.status === 'failed' || view.status === 'cancelled') {
    const pdf = view.error?.code === 'PDF_UNAVAILABLE';
    return (
      <div className="report-run report-run-failed" role="alert">
        <p>{t('reportsUi.make.failed', { message: view.error?.message ?? t(`errors.codes.CANCELLED`) })}</p>
        {pdf ? (
          <>
            <p>{t('reportsUi.make.pdfUnavailableFailed')}</p>
            <div className="button-row">
              <button type="button" className="button" onClick={onWithoutPdf}>
                {t('reportsUi.make.withoutPdf')}
              </button>
            </div>
          </>
        ) : null}
      </div>
    );
  }
  if (view.status === 'done') {
    if (!run.record) return <p className="muted">{t('common.loading')}</p>;
    const record = run.record;
    return (
      <div className="report-run report-run-done">
        <p role="status">{t('reportsUi.make.done', { title: record.title })}</p>
        <MissingFormats run={{ ...run, record }} />
        <ReportFiles record={record} />
      </div>
    );
  }
  return (
    <div className="report-run">
      <JobProgress job={view} label={t('jobs.kinds.reportMake')} />
    </div>
  );
}

/** Formats to write (Word and PDF by default), the make button, and the report being made. */
export function MakePanel({ formats, onFormats, onMake, onWithoutPdf, disabled, busy, run, error, problem }: {
  formats: readonly ReportFormat[];
  onFormats: (formats: ReportFormat[]) => void;
  onMake: () => void;
  /** After a report failed for want of a PDF renderer: make it again in the other formats. */
  onWithoutPdf: () => void;
  disabled: boolean;
  busy: boolean;
  run: MakeRun | null;
  error: ErrorInfo | null;
  /** Why the make was refused (the form's problems, no format), in words. */
  problem: string | null;
}) {
  const { t } = useTranslation();
  const k = 'reportsUi.make';
  const toggle = (format: ReportFormat): void =>
    onFormats(formats.includes(format) ? formats.filter((f) => f !== format) : FORMATS.filter((f) => f === format || formats.includes(f)));
  const key = shortcutLabel(isApplePlatform() ? '↩' : 'Enter');
  return (
    <section className="report-make" aria-labelledby="report-make-title">
      <h3 id="report-make-title" className="visually-hidden">
        {t(`${k}.legend`)}
      </h3>
      <fieldset className="report-formats">
        <legend>{t(`${k}.formats`)}</legend>
        {FORMATS.map((format) => (
          <label key={format}>
            <input type="checkbox" checked={formats.includes(format)} onChange={() => toggle(format)} />
            {t(`${k}.formatNames.${format}`)}
          </label>
        ))}
      </fieldset>
      <button
        type="button"
        className="button button-primary report-make-button"
        onClick={onMake}
        disabled={disabled || busy}
        aria-keyshortcuts={isApplePlatform() ? 'Meta+Enter' : 'Control+Enter'}
        title={t(`${k}.shortcut`, { key })}
      >
        {t(`${k}.button`)}
      </button>
      {problem ? (
        <p className="field-error" role="alert">
          {problem}
        </p>
      ) : null}
      <InlineError error={error} />
      {run ? <RunStatus key={run.jobId} run={run} onWithoutPdf={onWithoutPdf} /> : null}
    </section>
  );
}
