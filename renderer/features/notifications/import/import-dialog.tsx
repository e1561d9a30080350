import { useId, useRef, useState, type DragEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Modal } from '../../../components/modal';
import { formatBytes } from '../../../i18n/format-size';
import { JobProgress } from '../../../components/job-progress';
import { useClaimedJob } from '../../../stores/jobs-context';
import type { JobView } from '../../../stores/jobs-store';
import { ACCEPTED_EXTENSIONS, type ImportState } from './import-machine';
import { ImportFailure } from './import-failure';
import { ImportHistory } from './import-history';
import { ImportReportView } from './import-report-view';
import { useImportJob } from './use-import-job';

type Running = Extract<ImportState, { step: 'running' }>;

function Progress({ state }: { state: Running }) {
  const { t } = useTranslation();
  // The tray leaves this import to the dialog while it is open.
  useClaimedJob(state.jobId);
  const job: JobView = {
    jobId: state.jobId,
    kind: 'import',
    status: state.status,
    position: state.position,
    phase: state.cancelling ? 'cancelling' : state.phase,
    done: state.done,
    total: state.total,
    error: null,
  };
  const bytes = state.status === 'running' && state.total !== null && state.total > 0 ? t('importer.progress.bytes', { done: formatBytes(state.done), total: formatBytes(state.total) }) : null;
  return (
    <div className="import-progress">
      <p className="import-file">{state.fileName}</p>
      <JobProgress job={job} label={t('importer.progress.label')} detail={bytes} />
    </div>
  );
}

/**
 * Import an ePing export or WTO JSON file: pick or drop the file, watch the progress, cancel
 * (nothing is written until the end, in one transaction), and read the report. The history of
 * earlier imports and their reports is on the first screen.
 */
export function ImportDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { state, start, cancel, showReport, reset } = useImportJob();
  const [dragging, setDragging] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const k = 'importer';
  const busy = state.step === 'uploading' || state.step === 'running';

  const take = (files: FileList | null): void => {
    const file = files?.[0];
    if (file) void start(file);
  };

  const drop = {
    onDragOver: (event: DragEvent) => {
      if (busy) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
      setDragging(true);
    },
    onDragLeave: () => setDragging(false),
    onDrop: (event: DragEvent) => {
      event.preventDefault();
      setDragging(false);
      if (!busy) take(event.dataTransfer.files);
    },
  };

  const chooseAnother = (
    <button type="button" className="button" onClick={reset}>
      {t(`${k}.another`)}
    </button>
  );
  const close = (
    <button type="button" className="button button-primary" onClick={onClose}>
      {t('common.close')}
    </button>
  );

  let body: ReactNode;
  let footer: ReactNode;
  switch (state.step) {
    case 'pick':
      body = (
        <>
          <div className={dragging ? 'drop-zone drop-zone-active' : 'drop-zone'}>
            <p className="drop-title">{t(`${k}.drop`)}</p>
            <input
              ref={inputRef}
              id={inputId}
              type="file"
              className="visually-hidden"
              accept={ACCEPTED_EXTENSIONS.join(',')}
              onChange={(event) => {
                take(event.target.files);
                event.target.value = '';
              }}
            />
            <button type="button" className="button button-primary" onClick={() => inputRef.current?.click()} data-autofocus>
              {t(`${k}.choose`)}
            </button>
            <label htmlFor={inputId} className="visually-hidden">
              {t(`${k}.fileLabel`)}
            </label>
            <p className="hint">{t(`${k}.formats`)}</p>
          </div>
          {state.wrongType ? (
            <p className="inline-error" role="alert">
              {t(`${k}.wrongType`, { name: state.wrongType })}
            </p>
          ) : null}
          <ImportHistory onShow={showReport} />
        </>
      );
      footer = close;
      break;
    case 'uploading':
      body = (
        <div className="import-progress">
          <p className="import-file">{state.fileName}</p>
          <progress className="progress" aria-label={t(`${k}.progress.label`)} />
          <p role="status" className="import-phase">
            {t(`${k}.progress.phases.uploading`)}
          </p>
        </div>
      );
      footer = (
        <button type="button" className="button" disabled>
          {t(`${k}.cancel`)}
        </button>
      );
      break;
    case 'running':
      body = <Progress state={state} />;
      footer = (
        <button type="button" className="button" onClick={cancel} disabled={state.cancelling}>
          {state.cancelling ? t(`${k}.cancelling`) : t(`${k}.cancel`)}
        </button>
      );
      break;
    case 'done':
      body = (
        <>
          <p role="status" className={state.fromHistory ? 'import-outcome' : 'import-outcome import-outcome-ok'}>
            {state.fromHistory
              ? t(`${k}.reportOf`, { id: state.report.importId })
              : state.cancelCameTooLate
                ? t(`${k}.finishedBeforeCancel`)
                : t(`${k}.finished`)}
          </p>
          <ImportReportView report={state.report} />
        </>
      );
      footer = (
        <>
          {state.fromHistory ? (
            <button type="button" className="button" onClick={reset}>
              {t(`${k}.history.back`)}
            </button>
          ) : (
            chooseAnother
          )}
          {close}
        </>
      );
      break;
    case 'cancelled':
      body = (
        <p role="status" className="import-outcome">
          {t(`${k}.cancelled`, { name: state.fileName })}
        </p>
      );
      footer = (
        <>
          {chooseAnother}
          {close}
        </>
      );
      break;
    case 'failed':
      body = (
        <div className="import-failed" role="alert">
          <p className="import-outcome">{t(`${k}.failed`, { name: state.fileName ?? '' })}</p>
          <ImportFailure error={state.error} />
          <p className="hint">{t(`${k}.nothingChanged`)}</p>
        </div>
      );
      footer = (
        <>
          {chooseAnother}
          {close}
        </>
      );
      break;
  }

  return (
    <Modal
      title={t(`${k}.title`)}
      closeLabel={t('common.close')}
      onClose={busy ? undefined : onClose}
      size="wide"
      className="import-dialog"
      focusKey={state.step}
      footer={footer}
      {...drop}
    >
      {body}
    </Modal>
  );
}
