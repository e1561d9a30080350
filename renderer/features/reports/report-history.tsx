import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportRecord } from '../../../shared/contract';
import { useApi } from '../../api/api-context';
import { useConfirm } from '../../components/confirm-dialog';
import { InlineError } from '../../components/error-banner';
import { formatDate, formatDateTime } from '../../i18n/format-date';
import { useAppStore } from '../../stores/app-store-context';
import { toErrorInfo, type ErrorInfo } from '../../stores/error-info';
import { useMarketName } from '../enterprises/market-select';
import { ReportFiles } from './report-files';

/**
 * The reports made, newest first: what each was made from, by whom and when, its files, and
 * "make again" (its parameters back into the form) or removal (asked first).
 */
export function ReportHistory({ items, error, onAgain }: { items: ReportRecord[] | undefined; error: ErrorInfo | null; onAgain: (record: ReportRecord) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const locale = useAppStore((s) => s.locale);
  const notify = useAppStore((s) => s.notify);
  const marketName = useMarketName();
  const { confirm, dialog } = useConfirm();
  const [removeError, setRemoveError] = useState<ErrorInfo | null>(null);
  const k = 'reportsUi.history';

  const remove = async (record: ReportRecord): Promise<void> => {
    const ok = await confirm({
      title: t(`${k}.confirmRemoveTitle`),
      body: t(`${k}.confirmRemoveBody`, { title: record.title }),
      confirmLabel: t(`${k}.confirmRemove`),
      danger: true,
    });
    if (!ok) return;
    setRemoveError(null);
    try {
      await api.reportsDelete({ uid: record.uid });
      notify(t(`${k}.removed`, { title: record.title }));
    } catch (e) {
      setRemoveError(toErrorInfo(e));
    }
  };

  return (
    <section className="report-history" aria-labelledby="report-history-title">
      <header className="report-history-header">
        <h2 id="report-history-title">{t(`${k}.title`)}</h2>
        {items && items.length > 0 ? <span className="muted">{t(`${k}.count`, { count: items.length })}</span> : null}
      </header>
      <InlineError error={error ?? removeError} />
      {items === undefined ? null : items.length === 0 ? (
        <p className="muted">{t(`${k}.empty`)}</p>
      ) : (
        <div className="report-history-scroll">
          <table className="data-table report-history-table">
            <thead>
              <tr>
                {(['kind', 'title', 'period', 'member', 'issue', 'made', 'files', 'actions'] as const).map((c) => (
                  <th key={c} scope="col">
                    {t(`${k}.columns.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {items.map((r) => (
                <tr key={r.uid} data-uid={r.uid}>
                  <td className="nowrap">{t(`reportsUi.kinds.${r.kind}`)}</td>
                  <td>{r.title}</td>
                  <td className="nowrap">{t('reportsUi.periodText', { from: formatDate(r.params.from, locale), to: formatDate(r.params.to, locale) })}</td>
                  <td>{r.params.member ? marketName(r.params.member) : '—'}</td>
                  <td className="nowrap">{r.params.issue === null ? '—' : t(`${k}.issueValue`, { issue: r.params.issue })}</td>
                  <td>
                    {r.createdBy}
                    <br />
                    <span className="muted nowrap">{formatDateTime(r.createdAt, locale)}</span>
                  </td>
                  <td>
                    <ReportFiles record={r} compact />
                  </td>
                  <td>
                    <div className="button-row">
                      <button type="button" className="button button-small" aria-label={t(`${k}.againLabel`, { title: r.title })} onClick={() => onAgain(r)}>
                        {t(`${k}.again`)}
                      </button>
                      <button type="button" className="button button-small button-quiet" aria-label={t(`${k}.removeLabel`, { title: r.title })} onClick={() => void remove(r)}>
                        {t(`${k}.remove`)}
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {dialog}
    </section>
  );
}
