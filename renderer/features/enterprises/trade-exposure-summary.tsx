import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { useLoad } from '../../api/use-load';
import { useAppStore, useDataVersion } from '../../stores/app-store-context';
import { formatUsd } from './enterprise-format';

/** What customs statistics the store holds, in one line. */
export function TradeExposureSummaryLine() {
  const { t } = useTranslation();
  const api = useApi();
  const locale = useAppStore((s) => s.locale);
  const load = useCallback(() => api.tradeExposureSummary({}), [api]);
  const { data } = useLoad(load, useDataVersion(['enterprises']));
  if (!data) return null;
  if (data.rows === 0) return <p className="muted trade-summary">{t('enterpriseWords.importer.noSummary')}</p>;
  return (
    <p className="muted trade-summary">
      {t('enterpriseWords.importer.summary', {
        rows: data.rows.toLocaleString(),
        destinations: data.destinations,
        years: data.years.join(locale === 'zh-CN' ? '、' : ', '),
        total: formatUsd(data.totalUsd, locale),
      })}
    </p>
  );
}
