import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChartSpec } from '../../../shared/contract/charts';
import { ChartView } from '../../components/chart-view';
import type { DashboardTarget } from './dashboard-links';

/** One category of a chart as a link: what the bar or slice shows, and the list behind it. */
export interface ChartLink {
  key: string;
  label: string;
  value: number;
  target: DashboardTarget | null;
}

/** Links shown beside a chart before "N more" (the chart itself shows every category). */
const LINKS_SHOWN = 12;

/**
 * A chart with its categories beside it as buttons: the same click-through for the mouse (a bar
 * or a slice), the keyboard and a screen reader (the list), each opening the list behind it.
 */
export function ChartCard({
  spec,
  links,
  onOpen,
  onSelect,
  height = 300,
  empty,
  footer,
}: {
  spec: ChartSpec;
  links: ChartLink[];
  onOpen: (target: DashboardTarget) => void;
  /** A click on the chart; by default the category's link opens. */
  onSelect?: (selection: { index: number; key: string | null; series: string | null }) => void;
  height?: number;
  empty: boolean;
  footer?: React.ReactNode;
}) {
  const { t } = useTranslation();
  const id = useId();
  const select =
    onSelect ??
    ((s: { index: number }) => {
      const target = links[s.index]?.target;
      if (target) onOpen(target);
    });
  const shown = links.slice(0, LINKS_SHOWN);
  return (
    <section className="dashboard-chart" aria-labelledby={id}>
      <h3 className="dashboard-chart-title" id={id}>
        {spec.title}
      </h3>
      {empty ? (
        <p className="muted dashboard-chart-empty">{t('dashboardView.charts.empty')}</p>
      ) : (
        <>
          <ChartView spec={{ ...spec, title: '' }} onSelect={select} height={height} label={spec.title} />
          <ul className="dashboard-chart-links" aria-label={t('dashboardView.charts.links', { chart: spec.title })}>
            {shown.map((l) => (
              <li key={l.key}>
                {l.target ? (
                  <button type="button" className="link-button" onClick={() => onOpen(l.target!)}>
                    {l.label} <span className="dashboard-chart-count">{l.value.toLocaleString()}</span>
                  </button>
                ) : (
                  <span>
                    {l.label} <span className="dashboard-chart-count">{l.value.toLocaleString()}</span>
                  </span>
                )}
              </li>
            ))}
            {links.length > shown.length ? <li className="muted">{t('dashboardView.charts.more', { count: links.length - shown.length })}</li> : null}
          </ul>
        </>
      )}
      {footer}
    </section>
  );
}
