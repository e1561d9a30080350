import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { MatchQuality, WARNING_LEVELS, WarningState, type WarningLevelCounts } from '../../../shared/contract';
import { DEFAULT_FOCUS_INDUSTRIES } from '../../../shared/domain/focus-industries';
import { useApi } from '../../api/api-context';
import { useLoad } from '../../api/use-load';
import { useAppStore, useDataVersion } from '../../stores/app-store-context';
import { DEADLINE_CHOICES, toggle, type InboxQuery } from './inbox-query';

interface Choices {
  enterprises: Array<{ uid: string; name: string; creditCode: string }>;
  industries: Array<{ code: string; nameZh: string; nameEn: string }>;
}

/**
 * The enterprises and focus industries to filter by. Either list may be unavailable (an older
 * backend); the inbox still works, with the shipped industries and no enterprise choice.
 */
function useChoices(): Choices {
  const api = useApi();
  const version = useDataVersion(['enterprises', 'settings']);
  const load = useCallback(async (): Promise<Choices> => {
    const [enterprises, industries] = await Promise.all([
      api.enterprisesList({ limit: 500 }).then((r) => r.items, () => []),
      api.focusIndustriesList({}).then(
        (r) => r,
        () => [...DEFAULT_FOCUS_INDUSTRIES],
      ),
    ]);
    return { enterprises, industries };
  }, [api]);
  return useLoad(load, version).data ?? { enterprises: [], industries: [] };
}

/** Level toggles with their counts, and the other filters of the inbox. */
export function InboxFilters({ query, levels, onChange }: { query: InboxQuery; levels: WarningLevelCounts | undefined; onChange: (next: InboxQuery) => void }) {
  const { t } = useTranslation();
  const locale = useAppStore((s) => s.locale);
  const countries = useAppStore((s) => s.countries);
  const choices = useChoices();
  const set = (patch: Partial<InboxQuery>): void => onChange({ ...query, ...patch, page: 1, uid: null });
  const k = 'warningsUi.inbox';
  const filtered =
    query.levels.length + query.states.length + query.match.length > 0 ||
    query.target !== null ||
    query.enterpriseUid !== null ||
    query.member !== null ||
    query.industry !== null ||
    query.within !== null;
  const enterpriseKnown = query.enterpriseUid === null || choices.enterprises.some((e) => e.uid === query.enterpriseUid);

  return (
    <div className="warning-filters" role="group" aria-label={t(`${k}.label`)}>
      <div className="warning-level-toggles" role="group" aria-label={t(`${k}.level`)}>
        {WARNING_LEVELS.map((level) => (
          <button
            key={level}
            type="button"
            className={`warning-level-toggle warning-level-${level}`}
            aria-pressed={query.levels.includes(level)}
            data-level={level}
            onClick={() => set({ levels: toggle(query.levels, level) })}
          >
            {t(`${k}.levelCount`, { level: t(`warningWords.levels.${level}`), count: levels?.[level] ?? 0 })}
          </button>
        ))}
      </div>
      <div className="warning-filter-row">
        <fieldset className="warning-filter-states">
          <legend>{t(`${k}.state`)}</legend>
          {WarningState.options.map((state) => (
            <label key={state}>
              <input type="checkbox" checked={query.states.includes(state)} onChange={() => set({ states: toggle(query.states, state) })} />
              {t(`warningWords.states.${state}`)}
            </label>
          ))}
        </fieldset>
        <fieldset className="warning-filter-match">
          <legend>{t(`${k}.match`)}</legend>
          {MatchQuality.options.map((m) => (
            <label key={m}>
              <input type="checkbox" checked={query.match.includes(m)} onChange={() => set({ match: toggle(query.match, m) })} />
              {t(`warningWords.match.${m}`)}
            </label>
          ))}
        </fieldset>
      </div>
      <div className="warning-filter-row">
        <label>
          {t(`${k}.target`)}
          <select value={query.target ?? ''} onChange={(e) => set({ target: e.target.value === 'enterprise' || e.target.value === 'industry' ? e.target.value : null })}>
            <option value="">{t(`${k}.targets.all`)}</option>
            <option value="enterprise">{t(`${k}.targets.enterprise`)}</option>
            <option value="industry">{t(`${k}.targets.industry`)}</option>
          </select>
        </label>
        <label>
          {t(`${k}.enterprise`)}
          <select value={query.enterpriseUid ?? ''} onChange={(e) => set({ enterpriseUid: e.target.value || null })}>
            <option value="">{t(`${k}.any`)}</option>
            {enterpriseKnown ? null : <option value={query.enterpriseUid ?? ''}>{query.enterpriseUid}</option>}
            {choices.enterprises.map((e) => (
              <option key={e.uid} value={e.uid}>
                {e.name} {e.creditCode}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t(`${k}.member`)}
          <select value={query.member ?? ''} onChange={(e) => set({ member: e.target.value || null })}>
            <option value="">{t(`${k}.any`)}</option>
            {countries.map((c) => (
              <option key={c.code} value={c.code}>
                {locale === 'zh-CN' ? c.nameZh : c.nameEn} {c.code}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t(`${k}.industry`)}
          <select value={query.industry ?? ''} onChange={(e) => set({ industry: e.target.value || null })}>
            <option value="">{t(`${k}.any`)}</option>
            {choices.industries.map((i) => (
              <option key={i.code} value={i.code}>
                {locale === 'zh-CN' ? i.nameZh : i.nameEn}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t(`${k}.deadline`)}
          <select value={query.within ?? ''} onChange={(e) => set({ within: e.target.value === '' ? null : Number(e.target.value) })}>
            <option value="">{t(`${k}.deadlineAny`)}</option>
            {query.within !== null && !(DEADLINE_CHOICES as readonly number[]).includes(query.within) ? (
              <option value={query.within}>{t(`${k}.deadlineWithin`, { days: query.within })}</option>
            ) : null}
            {DEADLINE_CHOICES.map((days) => (
              <option key={days} value={days}>
                {t(`${k}.deadlineWithin`, { days })}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t(`${k}.sort`)}
          <select value={query.sort} onChange={(e) => set({ sort: e.target.value === 'deadline' || e.target.value === 'created' ? e.target.value : 'score' })}>
            <option value="score">{t(`${k}.sorts.score`)}</option>
            <option value="deadline">{t(`${k}.sorts.deadline`)}</option>
            <option value="created">{t(`${k}.sorts.created`)}</option>
          </select>
        </label>
        {filtered ? (
          <button type="button" className="button-link" onClick={() => onChange({ ...query, levels: [], states: [], match: [], target: null, enterpriseUid: null, member: null, industry: null, within: null, page: 1, uid: null })}>
            {t(`${k}.clear`)}
          </button>
        ) : null}
      </div>
    </div>
  );
}
