import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../stores/app-store-context';
import { MARKET_BLOCS, useMarketName } from '../enterprises/market-select';

/**
 * The member or bloc a report is about: the blocs (GCC, EAEU), then the reference countries by
 * pinyin in Chinese and by name in English. Blank means every member ("all"), or nothing chosen
 * yet where one is required.
 */
export function MemberChoice({ id, value, onChange, required, invalid, describedBy }: {
  id: string;
  value: string;
  onChange: (code: string) => void;
  required: boolean;
  invalid: boolean;
  describedBy?: string | undefined;
}) {
  const { t } = useTranslation();
  const countries = useAppStore((s) => s.countries);
  const locale = useAppStore((s) => s.locale);
  const name = useMarketName();
  const sorted = useMemo(() => {
    const collator = new Intl.Collator(locale === 'zh-CN' ? 'zh' : 'en');
    const label = (c: (typeof countries)[number]): string => (locale === 'zh-CN' ? c.nameZh : c.nameEn);
    return [...countries].sort((a, b) => collator.compare(label(a), label(b)));
  }, [countries, locale]);
  const known = value === '' || (MARKET_BLOCS as readonly string[]).includes(value) || countries.some((c) => c.code === value);
  const k = 'reportsUi.params';
  return (
    <select
      id={id}
      className="select"
      value={value}
      required={required}
      aria-invalid={invalid || undefined}
      aria-describedby={describedBy}
      onChange={(e) => onChange(e.target.value)}
    >
      <option value="">{required ? t(`${k}.chooseMember`) : t(`${k}.anyMember`)}</option>
      {/* A member a history entry names that the reference table no longer has. */}
      {known ? null : <option value={value}>{value}</option>}
      <optgroup label={t(`${k}.blocs`)}>
        {MARKET_BLOCS.map((b) => (
          <option key={b} value={b}>
            {name(b)} ({b})
          </option>
        ))}
      </optgroup>
      <optgroup label={t(`${k}.countries`)}>
        {sorted.map((c) => (
          <option key={c.code} value={c.code}>
            {name(c.code)} ({c.code})
          </option>
        ))}
      </optgroup>
    </select>
  );
}
