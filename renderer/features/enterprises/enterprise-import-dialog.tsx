import type { TFunction } from 'i18next';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EnterpriseImportReport, RowRejection, TradeExposureImportReport } from '../../../shared/contract';
import { useApiClient } from '../../api/api-context';
import { InlineError } from '../../components/error-banner';
import { Modal } from '../../components/modal';
import { toErrorInfo, type ErrorInfo } from '../../stores/error-info';
import { importOutcomesZhCN } from '../../i18n/locales/import-outcomes-zh-CN';
import { rowReason } from '../notifications/import/import-reasons';
import { RecomputeProgress } from './recompute-progress';
import { TradeExposureSummaryLine } from './trade-exposure-summary';

const k = 'enterpriseWords.importer';

/** The enterprise list, or China's customs export statistics. */
export type ImportKind = 'enterprises' | 'trade';

const CREDIT_CODE_PARAMS = { length: ['length'], character: ['position', 'character'], check: ['expected', 'found'] } as const;

/**
 * A refused row's reason in the interface language: the words the registry gives each of its
 * codes (enterpriseImportReasons.<code>) where this build has them, else the credit-code check
 * by its kind, a reason the notification import also gives, else the backend's own sentence.
 */
export function enterpriseRowReason(t: TFunction, exists: (key: string) => boolean, r: RowRejection): string {
  const own = r.code ? `enterpriseImportReasons.${r.code}` : null;
  if (own && exists(own)) return t(own as never, { value: r.value ?? '', ...r.params });
  const kind = r.code?.startsWith('creditCode.') ? r.code.slice('creditCode.'.length) : null;
  if (kind && kind in CREDIT_CODE_PARAMS) {
    const needed = CREDIT_CODE_PARAMS[kind as keyof typeof CREDIT_CODE_PARAMS];
    const params = r.params ?? {};
    if (needed.every((p) => p in params)) return t(`enterpriseWords.creditCodeProblems.${kind as keyof typeof CREDIT_CODE_PARAMS}`, params);
  }
  if (r.code && r.code !== 'other' && r.code in importOutcomesZhCN.reasons) return rowReason(t, r);
  return r.reason;
}

function Count({ label, value, tone = 'plain' }: { label: string; value: number; tone?: string }) {
  return (
    <div className={`report-count report-count-${tone}`} role="group" aria-label={label}>
      <span className="report-count-value">{value.toLocaleString()}</span>
      <span className="report-count-label">{label}</span>
    </div>
  );
}

function RowTable({ title, rows }: { title: string; rows: RowRejection[] }) {
  const { t, i18n } = useTranslation();
  if (rows.length === 0) return null;
  return (
    <div className="table-wrap report-rows">
      <table className="data-table" aria-label={title}>
        <caption>{title}</caption>
        <thead>
          <tr>
            {(['row', 'field', 'reason', 'value'] as const).map((c) => (
              <th key={c} scope="col">
                {t(`${k}.columns.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={`${r.row}-${i}`}>
              <td>{t(`${k}.rowNumber`, { row: r.row })}</td>
              <td>{r.field === null ? '—' : i18n.exists(`${k}.fields.${r.field}`) ? t(`${k}.fields.${r.field}` as never) : r.field}</td>
              <td>{enterpriseRowReason(t, (key) => i18n.exists(key), r)}</td>
              <td>
                <code>{r.value ?? ''}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function EnterpriseReport({ report }: { report: EnterpriseImportReport }) {
  const { t } = useTranslation();
  return (
    <section className="import-report" aria-label={t(`${k}.report`, { file: report.fileName })}>
      <h3>{t(`${k}.report`, { file: report.fileName })}</h3>
      <div className="report-counts">
        <Count label={t(`${k}.counts.rowsRead`)} value={report.rowsRead} />
        <Count label={t(`${k}.counts.enterprisesAdded`)} value={report.enterprisesAdded} tone="inserted" />
        <Count label={t(`${k}.counts.enterprisesUpdated`)} value={report.enterprisesUpdated} tone="updated" />
        <Count label={t(`${k}.counts.enterprisesUnchanged`)} value={report.enterprisesUnchanged} />
        <Count label={t(`${k}.counts.linesAdded`)} value={report.linesAdded} tone="inserted" />
        <Count label={t(`${k}.counts.linesUpdated`)} value={report.linesUpdated} tone="updated" />
        <Count label={t(`${k}.counts.linesUnchanged`)} value={report.linesUnchanged} />
        <Count label={t(`${k}.counts.rejected`)} value={report.rejected} tone={report.rejected > 0 ? 'rejected' : 'plain'} />
      </div>
      <RowTable title={t(`${k}.rejections`)} rows={report.rejections} />
      <RowTable title={t(`${k}.notices`)} rows={report.notices} />
      {report.warningsJobId ? <RecomputeProgress jobId={report.warningsJobId} label={t(`${k}.warnings`)} /> : <p className="muted">{t(`${k}.noWarnings`)}</p>}
    </section>
  );
}

function TradeReport({ report }: { report: TradeExposureImportReport }) {
  const { t } = useTranslation();
  return (
    <section className="import-report" aria-label={t(`${k}.report`, { file: report.fileName })}>
      <h3>{t(`${k}.report`, { file: report.fileName })}</h3>
      <div className="report-counts">
        <Count label={t(`${k}.counts.rowsRead`)} value={report.rowsRead} />
        <Count label={t(`${k}.counts.added`)} value={report.added} tone="inserted" />
        <Count label={t(`${k}.counts.updated`)} value={report.updated} tone="updated" />
        <Count label={t(`${k}.counts.unchanged`)} value={report.unchanged} />
        <Count label={t(`${k}.counts.rejected`)} value={report.rejected} tone={report.rejected > 0 ? 'rejected' : 'plain'} />
      </div>
      <RowTable title={t(`${k}.rejections`)} rows={report.rejections} />
      {report.warningsJobId ? <RecomputeProgress jobId={report.warningsJobId} label={t(`${k}.warnings`)} /> : null}
      <TradeExposureSummaryLine />
    </section>
  );
}

type Outcome = { kind: 'enterprises'; report: EnterpriseImportReport } | { kind: 'trade'; report: TradeExposureImportReport };

/**
 * Import an enterprise list or customs statistics: the file is staged as a notification import
 * stages it, imported in one call (a faulty row is refused on its own), and the report shown.
 */
export function EnterpriseImportDialog({ kind, onClose }: { kind: ImportKind; onClose: () => void }) {
  const { t } = useTranslation();
  const { api, stageFile } = useApiClient();
  const input = useRef<HTMLInputElement>(null);
  const [working, setWorking] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [wrongType, setWrongType] = useState<string | null>(null);

  const run = async (file: File): Promise<void> => {
    setError(null);
    setWrongType(null);
    if (!/\.(xlsx|csv)$/i.test(file.name)) {
      setWrongType(file.name);
      return;
    }
    setWorking(file.name);
    try {
      const staged = await stageFile(file);
      if (kind === 'enterprises') setOutcome({ kind, report: await api.enterprisesImport({ fileRef: staged.fileRef, fileName: file.name }) });
      else setOutcome({ kind, report: await api.tradeExposureImport({ fileRef: staged.fileRef, fileName: file.name }) });
    } catch (e) {
      setError(toErrorInfo(e));
    } finally {
      setWorking(null);
      if (input.current) input.current.value = '';
    }
  };

  const title = t(kind === 'enterprises' ? `${k}.title` : `${k}.tradeTitle`);
  return (
    <Modal
      title={title}
      closeLabel={t('common.close')}
      onClose={working ? undefined : onClose}
      size="wide"
      className="enterprise-import-dialog"
      focusKey={outcome ? 'report' : 'choose'}
      footer={
        <>
          {outcome ? (
            <button type="button" className="button" onClick={() => setOutcome(null)}>
              {t(`${k}.another`)}
            </button>
          ) : null}
          <button type="button" className="button button-primary" onClick={onClose} disabled={working !== null} data-autofocus={outcome ? true : undefined}>
            {t(`${k}.close`)}
          </button>
        </>
      }
    >
      {outcome === null ? (
        <div className="import-choose">
          <p className="hint">{t(kind === 'enterprises' ? `${k}.hint` : `${k}.tradeHint`)}</p>
          {kind === 'trade' ? <TradeExposureSummaryLine /> : null}
          <label className="button file-button">
            {t(`${k}.choose`)}
            <input
              ref={input}
              type="file"
              className="visually-hidden"
              accept=".xlsx,.csv"
              disabled={working !== null}
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) void run(file);
              }}
            />
          </label>
          {working ? (
            <p role="status" className="job-phase">
              {t(`${k}.working`, { file: working })}
            </p>
          ) : null}
          {wrongType ? (
            <p role="alert" className="field-error">
              {t(`${k}.wrongType`, { file: wrongType })}
            </p>
          ) : null}
          <InlineError error={error} />
        </div>
      ) : outcome.kind === 'enterprises' ? (
        <EnterpriseReport report={outcome.report} />
      ) : (
        <TradeReport report={outcome.report} />
      )}
    </Modal>
  );
}
