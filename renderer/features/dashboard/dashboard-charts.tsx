import { useTranslation } from 'react-i18next';
import { WARNING_LEVELS, type DashboardData, type DashboardGroup } from '../../../shared/contract';
import type { ChartSpec } from '../../../shared/contract/charts';
import { WARNING_LEVEL_COLORS } from '../../../shared/charts/chart-option';
import { useAppStore } from '../../stores/app-store-context';
import { ChartCard, type ChartLink } from './chart-card';
import type { DashboardTarget, DashboardTargets } from './dashboard-links';

/** Bars shown in a chart of groups: the biggest ones (the rest stay in the link list's count). */
const BARS_SHOWN = 15;
const AREAS = ['TBT', 'SPS'] as const;

/** The charts of the dashboard, each clicking through to the list behind it. */
export function DashboardCharts({ data, targets, onOpen }: { data: DashboardData; targets: DashboardTargets; onOpen: (target: DashboardTarget) => void }) {
  const { t } = useTranslation();
  const locale = useAppStore((s) => s.locale);
  const label = (g: DashboardGroup): string => (locale === 'zh-CN' ? g.labelZh : g.labelEn);
  const k = 'dashboardView.charts';
  // The axis unit only in Chinese (件): "notifications" does not fit at the end of an axis.
  const unit = locale === 'zh-CN' ? t(`${k}.unit`) : undefined;

  const groupsChart = (title: string, groups: DashboardGroup[], target: (key: string) => DashboardTarget | null) => {
    const shown = groups.slice(0, BARS_SHOWN);
    const spec: ChartSpec = {
      kind: 'horizontalBar',
      title,
      categories: shown.map(label),
      keys: shown.map((g) => g.key),
      series: AREAS.map((area) => ({ name: area, values: shown.map((g) => (area === 'TBT' ? g.tbt : g.sps)) })),
      ...(unit ? { unit } : {}),
    };
    const links: ChartLink[] = groups.map((g) => ({ key: g.key, label: label(g), value: g.total, target: target(g.key) }));
    return (
      <ChartCard
        spec={spec}
        links={links}
        onOpen={onOpen}
        empty={groups.length === 0}
        height={Math.max(220, 60 + shown.length * 28)}
      />
    );
  };

  const months: ChartSpec = {
    kind: 'stackedBar',
    title: t(`${k}.byMonth`),
    categories: data.byMonth.map((m) => m.month),
    keys: data.byMonth.map((m) => m.month),
    series: AREAS.map((area) => ({ name: area, values: data.byMonth.map((m) => (area === 'TBT' ? m.tbt : m.sps)) })),
    ...(unit ? { unit } : {}),
  };
  const monthLinks: ChartLink[] = data.byMonth.map((m) => ({ key: m.month, label: m.month, value: m.tbt + m.sps, target: targets.month(m.month, null) }));

  const levels = WARNING_LEVELS.filter((l) => data.warningsByLevel[l] > 0);
  const warnings: ChartSpec = {
    kind: 'pie',
    title: t(`${k}.warnings`),
    categories: levels.map((l) => t(`warningWords.levels.${l}`)),
    keys: [...levels],
    series: [{ name: t(`${k}.warnings`), values: levels.map((l) => data.warningsByLevel[l]) }],
    categoryColors: levels.map((l) => WARNING_LEVEL_COLORS[l]),
  };
  const warningLinks: ChartLink[] = WARNING_LEVELS.map((l) => ({
    key: l,
    label: t(`warningWords.levels.${l}`),
    value: data.warningsByLevel[l],
    target: targets.warnings(l),
  }));

  const f = data.comments;
  const stages = [
    ['drafted', f.drafted],
    ['submitted', f.submitted],
    ['withOutcome', f.withOutcome],
    ['partlyAdopted', f.adopted + f.partlyAdopted],
    ['adopted', f.adopted],
  ] as const;
  const funnel: ChartSpec = {
    kind: 'funnel',
    title: t(`${k}.funnel`),
    categories: stages.map(([s]) => t(`dashboardView.funnel.${s}`)),
    keys: stages.map(([s]) => s),
    series: [{ name: t(`${k}.funnel`), values: stages.map(([, n]) => n) }],
  };
  const rate = (r: number | null): string => (r === null ? t('dashboardView.funnel.noRate') : `${Math.round(r * 1000) / 10}%`);
  const funnelLinks: ChartLink[] = stages.map(([s, n]) => ({ key: s, label: t(`dashboardView.funnel.${s}`), value: n, target: targets.comments() }));

  return (
    <div className="dashboard-charts">
      <ChartCard
        spec={months}
        links={monthLinks.filter((l) => l.value > 0)}
        onOpen={onOpen}
        empty={data.totals.notifications === 0}
        onSelect={(s) => {
          const month = data.byMonth[s.index]?.month;
          const area = s.series === 'TBT' || s.series === 'SPS' ? s.series : null;
          if (month) onOpen(targets.month(month, area));
        }}
      />
      {groupsChart(t(`${k}.byMember`), data.byMember, (key) => targets.member(key))}
      {groupsChart(t(`${k}.byIndustry`), data.byIndustry, (key) => (key === '' ? null : targets.industry(key)))}
      {groupsChart(t(`${k}.byHsChapter`), data.byHsChapter, (key) => targets.hsChapter(key))}
      <ChartCard spec={warnings} links={warningLinks} onOpen={onOpen} empty={levels.length === 0} />
      <ChartCard
        spec={funnel}
        links={funnelLinks}
        onOpen={onOpen}
        empty={f.drafted + f.submitted === 0}
        footer={
          <p className="dashboard-rates">
            <span>
              {t('dashboardView.funnel.rate', { label: t('dashboardView.funnel.fullyRate') })}
              <strong>{rate(f.fullyAdoptedRate)}</strong>
            </span>
            <span>
              {t('dashboardView.funnel.rate', { label: t('dashboardView.funnel.partlyRate') })}
              <strong>{rate(f.atLeastPartlyRate)}</strong>
            </span>
          </p>
        }
      />
    </div>
  );
}
