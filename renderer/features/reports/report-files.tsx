import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportFormat, ReportRecord } from '../../../shared/contract';
import { useApi } from '../../api/api-context';
import { InlineError } from '../../components/error-banner';
import { formatBytes } from '../../i18n/format-size';
import { useAppStore } from '../../stores/app-store-context';
import { toErrorInfo, type ErrorInfo } from '../../stores/error-info';
import { downloadExport } from '../comments/editor/download';

/** A format's short name as a button says it: Word, PDF, Excel. */
export function useFormatName(): (format: ReportFormat) => string {
  const { t } = useTranslation();
  return (format) => (format === 'xlsx' ? 'Excel' : t(`reportsUi.make.formatNames.${format}`));
}

/**
 * A button per file of a report made: the bytes are fetched and handed to the browser's
 * download (in the desktop app, Electron asks where to save).
 */
export function ReportFiles({ record, compact = false }: { record: Pick<ReportRecord, 'uid' | 'title' | 'files'>; compact?: boolean }) {
  const { t } = useTranslation();
  const api = useApi();
  const notify = useAppStore((s) => s.notify);
  const formatName = useFormatName();
  const [busy, setBusy] = useState<ReportFormat | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);

  const download = async (format: ReportFormat): Promise<void> => {
    setBusy(format);
    setError(null);
    try {
      const file = await api.reportsFetch({ uid: record.uid, format });
      if (downloadExport(file)) notify(t('reportsUi.make.downloaded', { file: file.fileName }));
    } catch (e) {
      setError(toErrorInfo(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className={compact ? 'report-files report-files-compact' : 'report-files'}>
      <div className="button-row">
        {record.files.map((f) => (
          <button
            key={f.format}
            type="button"
            className={compact ? 'button button-small' : 'button'}
            disabled={busy !== null}
            title={`${f.fileName} (${formatBytes(f.bytes)})`}
            aria-label={compact ? `${t('reportsUi.make.download', { format: formatName(f.format) })}: ${record.title}` : undefined}
            onClick={() => void download(f.format)}
          >
            {compact ? formatName(f.format) : t('reportsUi.make.download', { format: formatName(f.format) })}
          </button>
        ))}
      </div>
      <InlineError error={error} />
    </div>
  );
}
