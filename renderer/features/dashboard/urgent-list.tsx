import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { DashboardData } from '../../../shared/contract';
import { useAppStore } from '../../stores/app-store-context';

/**
 * The analyst's first stop each morning: notifications nobody has triaged whose comment period
 * ends within 14 days, soonest first. A row opens the notification; "show every one" opens the
 * list with the same filters.
 */
export function UrgentList({ data, onShowAll }: { data: DashboardData; onShowAll: () => void }) {
  const { t } = useTranslation();
  const locale = useAppStore((s) => s.locale);
  const navigate = useAppStore((s) => s.navigate);
  const id = useId();
  const k = 'dashboardView.urgent';
  const items = data.untriagedClosingSoon;
  return (
    <section className="dashboard-urgent" aria-labelledby={id}>
      <h3 className="dashboard-chart-title" id={id}>
        {t(`${k}.title`)} <span className="dashboard-chart-count">{data.untriagedClosingSoonTotal.toLocaleString()}</span>
      </h3>
      <p className="muted">{t(`${k}.hint`)}</p>
      {items.length === 0 ? (
        <p className="muted">{t(`${k}.empty`)}</p>
      ) : (
        <table className="data-table dashboard-urgent-table">
          <thead>
            <tr>
              <th scope="col">{t(`${k}.columns.symbol`)}</th>
              <th scope="col">{t(`${k}.columns.member`)}</th>
              <th scope="col">{t(`${k}.columns.title`)}</th>
              <th scope="col" className="cell-number">
                {t(`${k}.columns.daysLeft`)}
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id}>
                <td>
                  <a
                    href={`#/notifications/${item.id}`}
                    onClick={(e) => {
                      e.preventDefault();
                      navigate({ section: 'notifications', id: item.id });
                    }}
                  >
                    {item.symbol}
                  </a>
                </td>
                <td>{locale === 'zh-CN' ? item.memberName : item.memberNameEn}</td>
                <td className="dashboard-urgent-title">{(locale === 'zh-CN' ? item.titleZh : null) ?? item.title}</td>
                <td className={item.daysLeft <= 3 ? 'cell-number dashboard-urgent-soon' : 'cell-number'}>
                  {item.daysLeft === 0 ? t(`${k}.today`) : t(`${k}.daysLeft`, { count: item.daysLeft })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {data.untriagedClosingSoonTotal > items.length || items.length > 0 ? (
        <button type="button" className="link-button" onClick={onShowAll}>
          {t(`${k}.more`, { count: data.untriagedClosingSoonTotal })}
        </button>
      ) : null}
    </section>
  );
}
