import { useCallback, useId, useState, useMemo } from 'react';
import { ExportMenu } from '../../exports/export-menu';
import type { ExportTarget } from '../../exports/use-list-export';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../api/api-context';
import { useLoad } from '../../../api/use-load';
import { InlineError } from '../../../components/error-banner';
import { useAppStore, useDataVersion } from '../../../stores/app-store-context';
import { useToday } from '../../../clock/clock-context';
import { formatRate, formatYuan } from '../comment-format';
import { AdoptionFigures, Figure } from './adoption-figures';
import { GroupTable, TemplateTable, TimeToOutcome } from './stats-tables';

/** The first year offered: the base's comment records start in the 2010s. */
const FIRST_YEAR = 2015;

/** #/comments/stats: what became of the comments sent, for the base's reports, over a span of years. */
export function StatsPage() {
  const { t } = useTranslation();
  const api = useApi();
  const locale = useAppStore((s) => s.locale);
  const dataVersion = useDataVersion(['comments', 'outcomes']);
  const thisYear = Number(useToday().slice(0, 4));
  const years = Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_, i) => thisYear - i);
  const [fromYear, setFromYear] = useState<number | null>(null);
  const [toYear, setToYear] = useState<number | null>(null);
  const fromId = useId();
  const toId = useId();
  const load = useCallback(
    () => api.commentsStats({ ...(fromYear ? { from: `${fromYear}-01-01` } : {}), ...(toYear ? { to: `${toYear}-12-31` } : {}) }),
    [api, fromYear, toYear],
  );
  const { data, error } = useLoad(load, dataVersion);
  const exportTarget = useMemo(
    (): ExportTarget => ({ list: 'commentStats', filter: { ...(fromYear ? { from: `${fromYear}-01-01` } : {}), ...(toYear ? { to: `${toYear}-12-31` } : {}) } }),
    [fromYear, toYear],
  );
  const k = 'commenting.stats';

  const yearSelect = (id: string, label: string, value: number | null, set: (y: number | null) => void) => (
    <div className="filter-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value ?? ''} onChange={(e) => set(e.target.value === '' ? null : Number(e.target.value))}>
        <option value="">{t(`${k}.allYears`)}</option>
        {years.map((y) => (
          <option key={y} value={y}>
            {t(`${k}.year`, { year: y })}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <div className="stats-page">
      <div className="list-toolbar stats-filter">
        {yearSelect(fromId, t(`${k}.from`), fromYear, setFromYear)}
        {yearSelect(toId, t(`${k}.to`), toYear, setToYear)}
        <p className="hint">{t(`${k}.hint`)}</p>
        <span className="toolbar-spacer" />
        <ExportMenu target={exportTarget} />
      </div>
      <InlineError error={error} />
      {!data ? (
        <p className="muted">{t('common.loading')}</p>
      ) : (
        <>
          <div className="stats stats-totals">
            <AdoptionFigures tally={data.totals} />
            <Figure
              label={t(`${k}.totals.pointAdoptionRate`)}
              value={formatRate(data.totals.pointAdoptionRate, locale)}
              note={t(`${k}.totals.points`, { adopted: data.totals.points.adopted + data.totals.points.partlyAdopted, total: data.totals.points.total })}
            />
            <Figure label={t(`${k}.totals.costSpared`)} value={formatYuan(data.totals.costSparedCny, locale)} />
          </div>
          {data.totals.submitted === 0 ? <p className="muted">{t(`${k}.none`)}</p> : null}
          <div className="stats-grid">
            <GroupTable title={t(`${k}.byMember`)} groupLabel={t(`${k}.columns.member`)} groups={data.byMember} />
            <GroupTable title={t(`${k}.byIndustry`)} groupLabel={t(`${k}.columns.industry`)} groups={data.byIndustry} />
            <GroupTable title={t(`${k}.byYear`)} groupLabel={t(`${k}.columns.year`)} groups={data.byYear} />
            <TimeToOutcome value={data.timeToOutcome} />
          </div>
          <TemplateTable rows={data.byTemplate} />
        </>
      )}
    </div>
  );
}
