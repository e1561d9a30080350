import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../../../../shared/contract';
import { formatDateTime } from '../../../i18n/format-date';
import { formatBytes } from '../../../i18n/format-size';
import { useAppStore } from '../../../stores/app-store-context';
import { downloadText, importReportCsv, reportFileName, type ReportCsvLabels } from './import-report-csv';

/** Enough rows to see what went wrong; the saved CSV holds every kept row. */
const SHOWN_REJECTIONS = 500;

export function useReportCsvLabels(): ReportCsvLabels {
  const { t } = useTranslation();
  const k = 'importer.report';
  return {
    title: t(`${k}.csvTitle`),
    fileName: t(`${k}.fileName`),
    format: t(`${k}.format`),
    encoding: t(`${k}.encoding`),
    startedAt: t(`${k}.startedAt`),
    finishedAt: t(`${k}.finishedAt`),
    actor: t(`${k}.actor`),
    rowsRead: t(`${k}.rowsRead`),
    inserted: t(`${k}.inserted`),
    updated: t(`${k}.updated`),
    unchanged: t(`${k}.unchanged`),
    rejected: t(`${k}.rejected`),
    truncated: t(`${k}.truncated`),
    row: t(`${k}.row`),
    field: t(`${k}.field`),
    reason: t(`${k}.reason`),
    value: t(`${k}.value`),
  };
}

function Count({ label, value, tone }: { label: string; value: number; tone: string }) {
  return (
    <div className={`report-count report-count-${tone}`} role="group" aria-label={label}>
      <span className="report-count-value">{value.toLocaleString()}</span>
      <span className="report-count-label">{label}</span>
    </div>
  );
}

/** The outcome of one import: counts, the file it came from, and the rows it refused. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  const locale = useAppStore((s) => s.locale);
  const labels = useReportCsvLabels();
  const k = 'importer.report';
  const shown = report.rejections.slice(0, SHOWN_REJECTIONS);

  const save = (): void => downloadText(importReportCsv(report, labels), reportFileName(report, t(`${k}.filePrefix`)));

  return (
    <div className="import-report" aria-label={t(`${k}.title`)} role="region">
      <div className="report-counts">
        <Count label={labels.inserted} value={report.inserted} tone="inserted" />
        <Count label={labels.updated} value={report.updated} tone="updated" />
        <Count label={labels.unchanged} value={report.unchanged} tone="unchanged" />
        <Count label={labels.rejected} value={report.rejected} tone={report.rejected > 0 ? 'rejected' : 'unchanged'} />
      </div>
      <dl className="report-facts">
        <dt>{labels.fileName}</dt>
        <dd>
          {report.fileName} <span className="muted">({formatBytes(report.fileSize)}, {report.format}{report.encoding ? `, ${report.encoding}` : ''})</span>
        </dd>
        <dt>{labels.rowsRead}</dt>
        <dd>{report.rowsRead.toLocaleString()}</dd>
        <dt>{labels.finishedAt}</dt>
        <dd>
          {formatDateTime(report.finishedAt, locale)} · {report.actor}
        </dd>
      </dl>
      {report.rejected > 0 ? (
        <>
          <h3 className="report-subtitle">{t(`${k}.rejectedRows`)}</h3>
          {report.rejections.length < report.rejected || shown.length < report.rejections.length ? (
            <p className="hint">{t(`${k}.partial`, { shown: shown.length, total: report.rejected })}</p>
          ) : null}
          <div className="table-wrap report-table-wrap">
            <table className="data-table data-table-compact" aria-label={t(`${k}.rejectedRows`)}>
              <thead>
                <tr>
                  <th scope="col">{labels.row}</th>
                  <th scope="col">{labels.field}</th>
                  <th scope="col">{labels.reason}</th>
                  <th scope="col">{labels.value}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((r, i) => (
                  <tr key={`${r.row}-${i}`}>
                    <td className="cell-number">{r.row}</td>
                    <td>{r.field ? <code>{r.field}</code> : '—'}</td>
                    <td>{r.reason}</td>
                    <td className="cell-value">{r.value ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : (
        <p className="muted">{t(`${k}.noRejections`)}</p>
      )}
      <div className="form-actions">
        <button type="button" className="button" onClick={save}>
          {t(`${k}.save`)}
        </button>
      </div>
    </div>
  );
}
