import { useCallback } from 'react';
import { useAppStore } from '../../stores/app-store-context';

/**
 * "沙特阿拉伯 SAU" in Chinese, "Saudi Arabia SAU" in English. The editable reference table
 * decides the name; a member outside it (the EU, say) keeps the name the record came with.
 */
export function useMemberLabel(): (code: string, names?: { zh?: string | null; en?: string | null }) => string {
  const countries = useAppStore((s) => s.countries);
  const locale = useAppStore((s) => s.locale);
  return useCallback(
    (code, names = {}) => {
      const country = countries.find((c) => c.code === code);
      const known = locale === 'zh-CN' ? country?.nameZh : country?.nameEn;
      const given = locale === 'zh-CN' ? names.zh : names.en;
      const name = known ?? (given && given !== code ? given : null);
      return name ? `${name} ${code}` : code;
    },
    [countries, locale],
  );
}
