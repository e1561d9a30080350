import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../stores/app-store-context';
import { CheckboxGroup, DateFilter } from '../notifications/list/filter-controls';
import { scoCountryOptions } from '../notifications/list/filter-panel';
import { useIndustries } from '../notifications/use-industries';
import { PERIOD_PRESETS, presetPeriod, type DashboardView } from './dashboard-address';
import { DASHBOARD_BLOCS } from './dashboard-links';

/**
 * The dashboard's filter bar: the period (typed, or one of the presets), members (the SCO
 * countries as the notification list offers them, and the GCC and EAEU blocs) and industries.
 */
export function DashboardFilters({ view, today, onChange }: { view: DashboardView; today: string; onChange: (next: DashboardView) => void }) {
  const { t } = useTranslation();
  const countries = useAppStore((s) => s.countries);
  const locale = useAppStore((s) => s.locale);
  const industries = useIndustries();
  const k = 'dashboardView.filters';
  const memberOptions = scoCountryOptions(countries, locale);
  const known = new Set(memberOptions.map((o) => o.value));
  const blocs = view.members.filter((m) => (DASHBOARD_BLOCS as readonly string[]).includes(m));
  const others = view.members.filter((m) => !known.has(m) && !blocs.includes(m));
  const countriesChosen = view.members.filter((m) => known.has(m));
  const set = (patch: Partial<DashboardView>): void => onChange({ ...view, ...patch });
  const active = view.from !== null || view.to !== null || view.members.length > 0 || view.industries.length > 0;

  return (
    <section className="dashboard-filters" aria-label={t(`${k}.label`)}>
      <div className="dashboard-period">
        <DateFilter label={t(`${k}.from`)} value={view.from ?? ''} onCommit={(v) => set({ from: v || null })} />
        <DateFilter label={t(`${k}.to`)} value={view.to ?? ''} onCommit={(v) => set({ to: v || null })} />
        <div className="dashboard-presets" role="group" aria-label={t(`${k}.presets.label`)}>
          {PERIOD_PRESETS.map((p) => {
            const period = presetPeriod(p, today);
            const pressed = view.from === period.from && view.to === period.to;
            return (
              <button key={p} type="button" className="button button-small" aria-pressed={pressed} onClick={() => set(period)}>
                {t(`${k}.presets.${p}`)}
              </button>
            );
          })}
        </div>
        {active ? (
          <button type="button" className="button-link" onClick={() => onChange({ from: null, to: null, members: [], industries: [] })}>
            {t(`${k}.clear`)}
          </button>
        ) : null}
      </div>
      <details className="dashboard-picker">
        <summary>
          {t(`${k}.summary`, { label: t(`${k}.members`), value: view.members.length ? view.members.join(', ') : t(`${k}.choose`) })}
        </summary>
        <fieldset className="filter-group">
          <legend>{t(`${k}.blocs`)}</legend>
          <CheckboxGroup
            options={DASHBOARD_BLOCS.map((b) => ({ value: b, label: b }))}
            value={blocs}
            onChange={(v) => set({ members: [...v, ...countriesChosen, ...others] })}
            columns={4}
          />
        </fieldset>
        <fieldset className="filter-group">
          <legend>{t(`${k}.members`)}</legend>
          <CheckboxGroup options={memberOptions} value={countriesChosen} onChange={(v) => set({ members: [...blocs, ...v, ...others] })} columns={4} />
        </fieldset>
      </details>
      <details className="dashboard-picker">
        <summary>
          {t(`${k}.summary`, {
            label: t(`${k}.industries`),
            value: view.industries.length ? t(`${k}.chosen`, { count: view.industries.length }) : t(`${k}.choose`),
          })}
        </summary>
        <CheckboxGroup
          options={industries.map((i) => ({ value: i.code, label: locale === 'zh-CN' ? i.nameZh : i.nameEn }))}
          value={view.industries}
          onChange={(v) => set({ industries: v })}
          columns={3}
        />
      </details>
    </section>
  );
}
