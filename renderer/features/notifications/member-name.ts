import { useCallback } from 'react';
import type { Locale } from '../../../shared/contract';
import { useAppStore } from '../../stores/app-store-context';

/** "沙特阿拉伯 SAU" in Chinese, "Saudi Arabia SAU" in English; unknown codes stay as codes. */
export function useMemberName(): (code: string) => string {
  const countries = useAppStore((s) => s.countries);
  const locale: Locale = useAppStore((s) => s.locale);
  return useCallback(
    (code: string) => {
      const country = countries.find((c) => c.code === code);
      if (!country) return code;
      return `${locale === 'zh-CN' ? country.nameZh : country.nameEn} ${code}`;
    },
    [countries, locale],
  );
}
