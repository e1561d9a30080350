import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportReport, RowRejection } from '../../../../shared/contract';
import { formatDateTime } from '../../../i18n/format-date';
import { formatBytes } from '../../../i18n/format-size';
import { useAppStore } from '../../../stores/app-store-context';
import { downloadText, importReportCsv, reportFileName, type ReportCsvLabels } from './import-report-csv';
import { refusalReason, rowReason } from './import-reasons';

/** Enough rows to see what went wrong; the saved CSV holds every kept row. */
const SHOWN_ROWS = 500;

export function useReportCsvLabels(): ReportCsvLabels {
  const { t } = useTranslation();
  const k = 'importer.report';
  const o = 'importOutcomes';
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
    noticed: t(`${o}.noticed`),
    status: t(`${o}.status`),
    truncated: t(`${k}.truncated`),
    rejectedRows: t(`${o}.csvRejections`),
    noticeRows: t(`${o}.csvNotices`),
    row: t(`${k}.row`),
    field: t(`${k}.field`),
    reason: t(`${k}.reason`),
    value: t(`${k}.value`),
    code: t(`${o}.csvCode`),
    technical: t(`${o}.csvTechnical`),
    statusText: (report) =>
      report.status === 'refused' && report.refusal
        ? t(`${o}.statusRefused`, { reason: refusalReason(t, report.refusal) })
        : t(`${o}.statusDone`),
    describe: (r) => rowReason(t, r),
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

/** Rejected rows or notices: row, field, the reason in the interface language, the value; the code and English message behind "details". */
function RowTable({ title, rows, details, labels }: { title: string; rows: RowRejection[]; details: boolean; labels: ReportCsvLabels }) {
  return (
    <div className="table-wrap report-table-wrap">
      <table className="data-table data-table-compact" aria-label={title}>
        <thead>
          <tr>
            <th scope="col">{labels.row}</th>
            <th scope="col">{labels.field}</th>
            <th scope="col">{labels.reason}</th>
            <th scope="col">{labels.value}</th>
            {details ? <th scope="col">{labels.technical}</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={`${r.row}-${i}`}>
              <td className="cell-number">{r.row}</td>
              <td>{r.field ? <code>{r.field}</code> : '—'}</td>
              <td>{labels.describe(r)}</td>
              <td className="cell-value">{r.value ?? '—'}</td>
              {details ? (
                <td className="cell-technical">
                  {r.code ? <code className="error-code">{r.code}</code> : null} <span lang="en">{r.reason}</span>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The outcome of one import: counts, the file it came from, the rows it refused and the rows with a notice. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  const locale = useAppStore((s) => s.locale);
  const labels = useReportCsvLabels();
  const [details, setDetails] = useState(false);
  const k = 'importer.report';
  const o = 'importOutcomes';
  const rejections = report.rejections.slice(0, SHOWN_ROWS);
  const notices = report.notices.slice(0, SHOWN_ROWS);
  const refused = report.status === 'refused' ? report.refusal : null;

  const save = (): void => downloadText(importReportCsv(report, labels), reportFileName(report, t(`${k}.filePrefix`)));

  return (
    <div className="import-report" aria-label={t(`${k}.title`)} role="region">
      {refused ? (
        <div className="import-refused" role="group" aria-label={t(`${o}.refusedTitle`)}>
          <p className="import-outcome">{t(`${o}.refusedTitle`)}</p>
          <p>{t(`${o}.refusedReason`, { reason: refusalReason(t, refused) })}</p>
          {details ? (
            <p className="cell-technical">
              <code className="error-code">{refused.code}</code> <code className="error-code">{refused.reason}</code>{' '}
              <span lang="en">{refused.message}</span>
            </p>
          ) : null}
        </div>
      ) : (
        <div className="report-counts">
          <Count label={labels.inserted} value={report.inserted} tone="inserted" />
          <Count label={labels.updated} value={report.updated} tone="updated" />
          <Count label={labels.unchanged} value={report.unchanged} tone="unchanged" />
          <Count label={labels.noticed} value={report.noticed} tone={report.noticed > 0 ? 'noticed' : 'unchanged'} />
          <Count label={labels.rejected} value={report.rejected} tone={report.rejected > 0 ? 'rejected' : 'unchanged'} />
        </div>
      )}
      <dl className="report-facts">
        <dt>{labels.fileName}</dt>
        <dd>
          {report.fileName} <span className="muted">({formatBytes(report.fileSize)}{report.format ? `, ${report.format}` : ''}{report.encoding ? `, ${report.encoding}` : ''})</span>
        </dd>
        <dt>{labels.rowsRead}</dt>
        <dd>{report.rowsRead.toLocaleString()}</dd>
        <dt>{labels.finishedAt}</dt>
        <dd>
          {formatDateTime(report.finishedAt, locale)} · {report.actor}
        </dd>
      </dl>
      {refused ? null : report.rejected > 0 ? (
        <section aria-label={t(`${k}.rejectedRows`)}>
          <h3 className="report-subtitle">{t(`${k}.rejectedRows`)}</h3>
          <p className="hint">{t(`${o}.rejectedHint`)}</p>
          {report.rejections.length < report.rejected || rejections.length < report.rejections.length ? (
            <p className="hint">{t(`${k}.partial`, { shown: rejections.length, total: report.rejected })}</p>
          ) : null}
          <RowTable title={t(`${k}.rejectedRows`)} rows={rejections} details={details} labels={labels} />
        </section>
      ) : (
        <p className="muted">{t(`${k}.noRejections`)}</p>
      )}
      {report.noticed > 0 ? (
        <section aria-label={t(`${o}.noticeRows`)}>
          <h3 className="report-subtitle">{t(`${o}.noticeRows`)}</h3>
          <p className="hint">{t(`${o}.noticesHint`)}</p>
          {notices.length < report.noticed ? <p className="hint">{t(`${o}.partialNotices`, { shown: notices.length, total: report.noticed })}</p> : null}
          <RowTable title={t(`${o}.noticeRows`)} rows={notices} details={details} labels={labels} />
        </section>
      ) : null}
      <div className="form-actions">
        {refused || report.rejected > 0 || report.noticed > 0 ? (
          <button type="button" className="button button-link" aria-expanded={details} onClick={() => setDetails((d) => !d)}>
            {details ? t(`${o}.hideDetails`) : t(`${o}.showDetails`)}
          </button>
        ) : null}
        <button type="button" className="button" onClick={save}>
          {t(`${k}.save`)}
        </button>
      </div>
    </div>
  );
}
