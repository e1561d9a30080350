import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../../../../shared/contract';
import { useApi } from '../../../api/api-context';
import { useLoad } from '../../../api/use-load';
import { InlineError } from '../../../components/error-banner';
import { formatDateTime } from '../../../i18n/format-date';
import { useAppStore, useDataVersion } from '../../../stores/app-store-context';
import { refusalReason } from './import-reasons';

const HISTORY_LIMIT = 20;

/** Past imports and refused files, newest first; each report can be opened (and saved) again. */
export function ImportHistory({ onShow }: { onShow: (report: ImportReport) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const locale = useAppStore((s) => s.locale);
  const dataVersion = useDataVersion(['imports']);
  const reportError = useAppStore((s) => s.reportError);
  const [opening, setOpening] = useState<number | null>(null);
  const load = useCallback(() => api.importsList({ limit: HISTORY_LIMIT }), [api]);
  const { data, error } = useLoad(load, dataVersion);
  const k = 'importer.history';

  const show = async (id: number): Promise<void> => {
    setOpening(id);
    try {
      onShow(await api.importsGet({ id }));
    } catch (e) {
      reportError(e);
    } finally {
      setOpening(null);
    }
  };

  return (
    <section className="import-history" aria-label={t(`${k}.title`)}>
      <h3 className="report-subtitle">{t(`${k}.title`)}</h3>
      <InlineError error={error} />
      {data && data.length === 0 ? <p className="muted">{t(`${k}.none`)}</p> : null}
      {data && data.length > 0 ? (
        <div className="table-wrap">
          <table className="data-table data-table-compact" aria-label={t(`${k}.title`)}>
            <thead>
              <tr>
                <th scope="col">{t(`${k}.at`)}</th>
                <th scope="col">{t('importer.report.fileName')}</th>
                <th scope="col">{t('importOutcomes.status')}</th>
                <th scope="col">{t('importer.report.inserted')}</th>
                <th scope="col">{t('importer.report.updated')}</th>
                <th scope="col">{t('importer.report.unchanged')}</th>
                <th scope="col">{t('importOutcomes.noticed')}</th>
                <th scope="col">{t('importer.report.rejected')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t(`${k}.actions`)}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.map((s) => (
                <tr key={s.importId}>
                  <td className="cell-date">{formatDateTime(s.finishedAt, locale)}</td>
                  <td className="cell-file">{s.fileName}</td>
                  <td className={s.status === 'refused' ? 'cell-warn' : undefined}>
                    {s.status === 'refused' && s.refusal
                      ? t('importOutcomes.statusRefused', { reason: refusalReason(t, s.refusal) })
                      : t('importOutcomes.statusDone')}
                  </td>
                  <td className="cell-number">{s.inserted.toLocaleString()}</td>
                  <td className="cell-number">{s.updated.toLocaleString()}</td>
                  <td className="cell-number">{s.unchanged.toLocaleString()}</td>
                  <td className="cell-number">{s.noticed.toLocaleString()}</td>
                  <td className={s.rejected > 0 ? 'cell-number cell-warn' : 'cell-number'}>{s.rejected.toLocaleString()}</td>
                  <td>
                    <button
                      type="button"
                      className="button button-link"
                      disabled={opening !== null}
                      aria-label={t(`${k}.showNamed`, { name: s.fileName, id: s.importId })}
                      onClick={() => void show(s.importId)}
                    >
                      {t(`${k}.show`)}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
