import { useTranslation } from 'react-i18next';
import {
  Area,
  Bloc,
  DocType,
  NotificationsListInput,
  RelevanceFilter,
  TriageStatus,
  type Country,
  type Locale,
} from '../../../../shared/contract';
import { useAppStore } from '../../../stores/app-store-context';
import { useListStore } from '../../../stores/notification-list-context';
import { useIndustries } from '../use-industries';
import { CheckboxGroup, DateFilter, FilterGroup, SelectFilter, TextFilter, type Option } from './filter-controls';

const shape = NotificationsListInput.shape;
const accepts = (schema: { safeParse: (v: unknown) => { success: boolean } }) => (text: string) => schema.safeParse(text).success;
const isHs = accepts(shape.hsCode);
const isIcs = accepts(shape.icsCode);
const isDays = (text: string): boolean => /^\d{1,4}$/.test(text) && shape.deadlineWithinDays.safeParse(Number(text)).success;

/** Member codes typed into a box ("usa, EU", "USA JPN"), upper-cased, each once; null if one is not a code. */
function parseMemberCodes(text: string): string[] | null {
  const codes = [...new Set(text.split(/[\s,，、;；]+/).filter((c) => c !== '').map((c) => c.toUpperCase()))];
  return shape.memberCodes.safeParse(codes).success ? codes : null;
}

/** SCO countries, members first, by pinyin in Chinese (Intl.Collator 'zh') and by name in English. */
export function scoCountryOptions(countries: Country[], locale: Locale): Array<Option<string>> {
  const collator = new Intl.Collator(locale === 'zh-CN' ? 'zh' : 'en');
  const name = (c: Country): string => (locale === 'zh-CN' ? c.nameZh : c.nameEn);
  return countries
    .filter((c) => c.scoStatus !== null)
    .sort((a, b) => (a.scoStatus === b.scoStatus ? collator.compare(name(a), name(b)) : a.scoStatus === 'member' ? -1 : 1))
    .map((c) => ({ value: c.code, label: `${name(c)} ${c.code}` }));
}

/** Every filter the list contract offers, in groups an analyst reads top to bottom. */
export function FilterPanel() {
  const { t } = useTranslation();
  const filters = useListStore((s) => s.filters);
  const setFilter = useListStore((s) => s.setFilter);
  const countries = useAppStore((s) => s.countries);
  const locale = useAppStore((s) => s.locale);
  const industries = useIndustries();
  const k = 'list.filters';
  const triage = 'notifications.detail.triage';

  const open = filters.openForComments === undefined ? '' : filters.openForComments ? 'open' : 'closed';
  // Members outside the SCO list are typed as codes; both parts make one member filter.
  const scoOptions = scoCountryOptions(countries, locale);
  const scoCodes = new Set(scoOptions.map((o) => o.value));
  const chosen = filters.memberCodes ?? [];
  const scoMembers = chosen.filter((c) => scoCodes.has(c));
  const otherMembers = chosen.filter((c) => !scoCodes.has(c));
  const setMembers = (sco: string[], others: string[]): void => setFilter('memberCodes', [...sco, ...others.filter((c) => !sco.includes(c))]);
  const unassigned = filters.assignee === null;

  return (
    <section className="filter-panel" aria-label={t(`${k}.title`)}>
      <FilterGroup legend={t(`${k}.members`)} wide>
        <div className="checks-scroll">
          <CheckboxGroup options={scoOptions} value={filters.memberCodes} onChange={(v) => setMembers(v, otherMembers)} columns={4} />
        </div>
        <TextFilter
          label={t(`${k}.otherMembers`)}
          value={otherMembers.join(', ')}
          isValid={(text) => parseMemberCodes(text) !== null}
          invalidHint={t(`${k}.otherMembersInvalid`)}
          placeholder="USA, EU, JPN"
          onCommit={(v) => setMembers(scoMembers, parseMemberCodes(v) ?? [])}
        />
      </FilterGroup>

      <FilterGroup legend={t(`${k}.scope`)}>
        <SelectFilter
          label={t(`${k}.scoStatus`)}
          value={filters.scoStatus ?? ''}
          options={[
            { value: '', label: t(`${k}.all`) },
            { value: 'any', label: t(`${k}.scoAny`) },
            { value: 'member', label: t('settings.countries.status.member') },
            { value: 'partner', label: t('settings.countries.status.partner') },
          ]}
          onChange={(v) => setFilter('scoStatus', v === '' ? undefined : v)}
        />
        <span className="filter-label">{t(`${k}.blocs`)}</span>
        <CheckboxGroup options={Bloc.options.map((b) => ({ value: b, label: t(`${k}.blocNames.${b}`) }))} value={filters.blocs} onChange={(v) => setFilter('blocs', v)} />
      </FilterGroup>

      <FilterGroup legend={t(`${k}.document`)}>
        <SelectFilter
          label={t(`${k}.area`)}
          value={filters.area ?? ''}
          options={[{ value: '', label: t(`${k}.all`) }, ...Area.options.map((a) => ({ value: a, label: t(`notifications.area.${a}`) }))]}
          onChange={(v) => setFilter('area', v === '' ? undefined : v)}
        />
        <span className="filter-label">{t(`${k}.docTypes`)}</span>
        <CheckboxGroup
          options={DocType.options.map((d) => ({ value: d, label: t(`notifications.docType.${d}`) }))}
          value={filters.docTypes}
          onChange={(v) => setFilter('docTypes', v)}
          columns={2}
        />
      </FilterGroup>

      <FilterGroup legend={t(`${k}.products`)}>
        <TextFilter label={t(`${k}.hsCode`)} value={filters.hsCode ?? ''} isValid={isHs} invalidHint={t(`${k}.hsInvalid`)} placeholder="8507.60" onCommit={(v) => setFilter('hsCode', v)} />
        <TextFilter label={t(`${k}.icsCode`)} value={filters.icsCode ?? ''} isValid={isIcs} invalidHint={t(`${k}.icsInvalid`)} placeholder="43.120" onCommit={(v) => setFilter('icsCode', v)} />
        <TextFilter label={t(`${k}.objective`)} value={filters.objective ?? ''} placeholder={t(`${k}.objectiveExample`)} onCommit={(v) => setFilter('objective', v)} />
        <TextFilter label={t(`${k}.keyword`)} value={filters.keyword ?? ''} placeholder={t(`${k}.keywordExample`)} onCommit={(v) => setFilter('keyword', v)} />
      </FilterGroup>

      <FilterGroup legend={t(`${k}.dates`)}>
        <DateFilter label={t(`${k}.distributedFrom`)} value={filters.distributedFrom ?? ''} onCommit={(v) => setFilter('distributedFrom', v)} />
        <DateFilter label={t(`${k}.distributedTo`)} value={filters.distributedTo ?? ''} onCommit={(v) => setFilter('distributedTo', v)} />
        <SelectFilter
          label={t(`${k}.openForComments`)}
          value={open}
          options={[
            { value: '', label: t(`${k}.all`) },
            { value: 'open', label: t(`${k}.open`) },
            { value: 'closed', label: t(`${k}.closed`) },
          ]}
          onChange={(v) => setFilter('openForComments', v === '' ? undefined : v === 'open')}
        />
        <TextFilter
          type="number"
          label={t(`${k}.deadlineWithinDays`)}
          value={filters.deadlineWithinDays === undefined ? '' : String(filters.deadlineWithinDays)}
          isValid={isDays}
          invalidHint={t(`${k}.daysInvalid`)}
          onCommit={(v) => setFilter('deadlineWithinDays', v === '' ? undefined : Number(v))}
        />
      </FilterGroup>

      <FilterGroup legend={t(`${k}.triage`)}>
        <span className="filter-label">{t(`${triage}.status`)}</span>
        <CheckboxGroup
          options={TriageStatus.options.map((s) => ({ value: s, label: t(`${triage}.statuses.${s}`) }))}
          value={filters.triageStatuses}
          onChange={(v) => setFilter('triageStatuses', v)}
          columns={2}
        />
        <span className="filter-label">{t(`${triage}.relevance`)}</span>
        <CheckboxGroup
          options={RelevanceFilter.options.map((r) => ({ value: r, label: r === 'unrated' ? t(`${k}.unrated`) : t(`${triage}.relevances.${r}`) }))}
          value={filters.relevances}
          onChange={(v) => setFilter('relevances', v)}
          columns={3}
        />
      </FilterGroup>

      <FilterGroup legend={t(`${triage}.industries`)}>
        <CheckboxGroup
          options={industries.map((i) => ({ value: i.code, label: locale === 'zh-CN' ? i.nameZh : i.nameEn }))}
          value={filters.industries}
          onChange={(v) => setFilter('industries', v)}
          columns={2}
        />
      </FilterGroup>

      <FilterGroup legend={t(`${triage}.assignee`)}>
        {unassigned ? null : (
          <TextFilter label={t(`${k}.assigneeName`)} value={filters.assignee ?? ''} onCommit={(v) => setFilter('assignee', v)} />
        )}
        <label className="check">
          <input type="checkbox" checked={unassigned} onChange={() => setFilter('assignee', unassigned ? undefined : null)} />
          <span>{t(`${k}.unassigned`)}</span>
        </label>
      </FilterGroup>
    </section>
  );
}
