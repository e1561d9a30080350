import { useTranslation } from 'react-i18next';
import type { CommentStats, StatsGroup } from '../../../../shared/contract';
import { useAppStore } from '../../../stores/app-store-context';
import { formatRate, inLocale } from '../comment-format';

const formulaCounts = (g: StatsGroup) => ({ adopted: g.adopted, partly: g.partlyAdopted, decided: g.decided });

/** One breakdown (per member, industry or year): comments submitted, by outcome, and the two rates. */
export function GroupTable({ title, groups, groupLabel }: { title: string; groups: StatsGroup[]; groupLabel: string }) {
  const { t } = useTranslation();
  const locale = useAppStore((s) => s.locale);
  const c = 'commenting.stats.columns';
  const a = 'commentChecks.adoption';
  return (
    <section className="stats-block" aria-label={title}>
      <h3 className="detail-section-title">{title}</h3>
      {groups.length === 0 ? (
        <p className="muted">{t('commenting.stats.noRows')}</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table data-table-compact stats-table" aria-label={title}>
            <thead>
              <tr>
                <th scope="col">{groupLabel}</th>
                <th scope="col" className="cell-number">{t(`${c}.submitted`)}</th>
                <th scope="col" className="cell-number">{t(`${a}.columns.decided`)}</th>
                <th scope="col" className="cell-number">{t(`${a}.columns.adopted`)}</th>
                <th scope="col" className="cell-number">{t(`${a}.columns.partlyAdopted`)}</th>
                <th scope="col" className="cell-number" title={t(`${a}.awaitingFormula`)}>{t(`${a}.columns.awaiting`)}</th>
                <th scope="col" className="cell-number">{t(`${a}.fullyRate`)}</th>
                <th scope="col" className="cell-number">{t(`${a}.partlyRate`)}</th>
                <th scope="col" className="cell-number">{t(`${c}.points`)}</th>
                <th scope="col" className="cell-number">{t(`${c}.pointsAdopted`)}</th>
              </tr>
            </thead>
            <tbody>
              {groups.map((g) => (
                <tr key={g.key ?? '(none)'}>
                  <th scope="row">{inLocale(locale, g.labelZh, g.labelEn)}</th>
                  <td className="cell-number">{g.submitted}</td>
                  <td className="cell-number">{g.decided}</td>
                  <td className="cell-number">{g.adopted}</td>
                  <td className="cell-number">{g.partlyAdopted}</td>
                  <td className="cell-number">{g.awaiting}</td>
                  <td className="cell-number" title={t(`${a}.fullyFormula`, formulaCounts(g))}>
                    {formatRate(g.fullyAdoptedRate, locale)}
                  </td>
                  <td className="cell-number" title={t(`${a}.partlyFormula`, formulaCounts(g))}>
                    {formatRate(g.atLeastPartlyRate, locale)}
                  </td>
                  <td className="cell-number">{g.points}</td>
                  <td className="cell-number">{g.pointsAdopted}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** Point-level results per template: which kinds of argument the notifying members take up. */
export function TemplateTable({ rows }: { rows: CommentStats['byTemplate'] }) {
  const { t } = useTranslation();
  const locale = useAppStore((s) => s.locale);
  const c = 'commenting.stats.columns';
  const title = t('commenting.stats.byTemplate');
  return (
    <section className="stats-block" aria-label={title}>
      <h3 className="detail-section-title">{title}</h3>
      {rows.length === 0 ? (
        <p className="muted">{t('commenting.stats.noRows')}</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table data-table-compact stats-table" aria-label={title}>
            <thead>
              <tr>
                <th scope="col">{t(`${c}.template`)}</th>
                <th scope="col" className="cell-number">{t(`${c}.points`)}</th>
                <th scope="col" className="cell-number">{t('commenting.outcomes.values.adopted')}</th>
                <th scope="col" className="cell-number">{t('commenting.outcomes.values.partly_adopted')}</th>
                <th scope="col" className="cell-number">{t('commenting.outcomes.values.not_adopted')}</th>
                <th scope="col" className="cell-number">{t(`${c}.pending`)}</th>
                <th scope="col" className="cell-number">{t(`${c}.adoptionRate`)}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.code ?? '(none)'}>
                  <th scope="row">{inLocale(locale, r.nameZh, r.nameEn)}</th>
                  <td className="cell-number">{r.points.total}</td>
                  <td className="cell-number">{r.points.adopted}</td>
                  <td className="cell-number">{r.points.partlyAdopted}</td>
                  <td className="cell-number">{r.points.notAdopted}</td>
                  <td className="cell-number">{r.points.pending}</td>
                  <td className="cell-number">{formatRate(r.adoptionRate, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** Days from submission to the first dated outcome. */
export function TimeToOutcome({ value }: { value: CommentStats['timeToOutcome'] }) {
  const { t } = useTranslation();
  const title = t('commenting.stats.timeToOutcome');
  const days = (n: number | null): string => (n === null ? '—' : t('commenting.stats.days', { count: Math.round(n) }));
  return (
    <section className="stats-block" aria-label={title}>
      <h3 className="detail-section-title">{title}</h3>
      {value.comments === 0 ? (
        <p className="muted">{t('commenting.stats.noOutcomes')}</p>
      ) : (
        <dl className="about time-to-outcome">
          <dt>{t('commenting.stats.counted')}</dt>
          <dd>{value.comments}</dd>
          <dt>{t('commenting.stats.mean')}</dt>
          <dd>{days(value.meanDays)}</dd>
          <dt>{t('commenting.stats.median')}</dt>
          <dd>{days(value.medianDays)}</dd>
          <dt>{t('commenting.stats.range')}</dt>
          <dd>
            {days(value.minDays)} – {days(value.maxDays)}
          </dd>
        </dl>
      )}
    </section>
  );
}
