import { useTranslation } from 'react-i18next';
import type { Country } from '../../../shared/contract';
import { OTHER_WTO_MEMBERS } from '../../../shared/domain/wto-members';
import { useAppStore } from '../../stores/app-store-context';

/** Blocs an exposure line may name for all their members at once. */
export const MARKET_BLOCS = ['GCC', 'EAEU'] as const;

/** A market's name in the window's language: a country, a bloc or another WTO member. */
export function useMarketName(): (code: string) => string {
  const { t } = useTranslation();
  const countries = useAppStore((s) => s.countries);
  const locale = useAppStore((s) => s.locale);
  return (code) => {
    if ((MARKET_BLOCS as readonly string[]).includes(code)) return t(`enterpriseWords.blocNames.${code as (typeof MARKET_BLOCS)[number]}`);
    const named: Pick<Country, 'nameZh' | 'nameEn'> | undefined = countries.find((c) => c.code === code) ?? OTHER_WTO_MEMBERS[code];
    if (!named) return code;
    return locale === 'zh-CN' ? named.nameZh : named.nameEn;
  };
}

/** A select of markets: the blocs, the reference countries, then other WTO members. */
export function MarketSelect({ value, onChange, label, id, invalid, allowAll }: { value: string; onChange: (code: string) => void; label: string; id?: string; invalid?: boolean; allowAll?: boolean }) {
  const { t } = useTranslation();
  const countries = useAppStore((s) => s.countries);
  const name = useMarketName();
  const others = Object.keys(OTHER_WTO_MEMBERS).filter((code) => !countries.some((c) => c.code === code));
  return (
    <select id={id} className="select" aria-label={label} aria-invalid={invalid || undefined} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{allowAll ? t('enterpriseWords.list.allMarkets') : t('enterpriseWords.form.chooseMarket')}</option>
      {allowAll ? null : (
        <optgroup label={t('enterpriseWords.form.blocs')}>
          {MARKET_BLOCS.map((b) => (
            <option key={b} value={b}>
              {name(b)}
            </option>
          ))}
        </optgroup>
      )}
      <optgroup label={t('enterpriseWords.form.countries')}>
        {countries.map((c) => (
          <option key={c.code} value={c.code}>
            {name(c.code)} ({c.code})
          </option>
        ))}
      </optgroup>
      <optgroup label={t('enterpriseWords.form.otherMembers')}>
        {others.map((code) => (
          <option key={code} value={code}>
            {name(code)} ({code})
          </option>
        ))}
      </optgroup>
    </select>
  );
}
