import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale, Warning, WarningFactor, WarningListItem, WarningTarget } from '../../../shared/contract';
import { DEFAULT_FOCUS_INDUSTRIES } from '../../../shared/domain/focus-industries';
import { formatDate } from '../../i18n/format-date';
import { useAppStore } from '../../stores/app-store-context';

/** US dollars in the locale's digits: 5,000,000. */
export function formatUsd(value: number, locale: Locale): string {
  return value.toLocaleString(locale === 'zh-CN' ? 'zh-CN' : 'en-US', { maximumFractionDigits: 0 });
}

/** A target's name in the window's language: the enterprise, or the focus industry. */
export function targetName(target: WarningTarget, locale: Locale): string {
  if (target.kind === 'enterprise') return target.name;
  return locale === 'zh-CN' ? target.nameZh : target.nameEn;
}

/** The measure's title, in Chinese when it has been translated and the window is in Chinese. */
export function measureTitle(item: Pick<WarningListItem, 'measure'>, locale: Locale): string {
  return locale === 'zh-CN' && item.measure.titleZh ? item.measure.titleZh : item.measure.title;
}

/**
 * What a factor found, in words: "沙特阿拉伯出口额 5,000,000 美元". Each factor's value is a
 * stable code with its parameters; a code this window does not know yet is shown as it is,
 * with its parameters, rather than hidden, so an explanation is never silently short. The
 * markets of the exposure come from the warning's matches when the factor does not name them.
 */
export function useFactorFinding(): (factor: WarningFactor, warning?: Pick<Warning, 'matches'>) => string {
  const { t, i18n } = useTranslation();
  const locale = useAppStore((s) => s.locale);
  const countries = useAppStore((s) => s.countries);
  return useCallback(
    (factor: WarningFactor, warning?: Pick<Warning, 'matches'>) => {
      const separator = locale === 'zh-CN' ? '、' : ', ';
      const memberNames = (codes: string[]): string =>
        codes
          .map((code) => {
            const c = countries.find((x) => x.code === code);
            return c ? (locale === 'zh-CN' ? c.nameZh : c.nameEn) : code;
          })
          .join(separator);
      const params: Record<string, string> = {};
      for (const [name, raw] of Object.entries(factor.params)) {
        if (raw === null) params[name] = '';
        else if (name === 'members') params[name] = memberNames(String(raw).split(',').filter(Boolean));
        else if (typeof raw === 'number' && name === 'usd') params[name] = formatUsd(raw, locale);
        else if (name === 'date') params[name] = formatDate(String(raw), locale);
        else if (name === 'industry') {
          const industry = DEFAULT_FOCUS_INDUSTRIES.find((i) => i.code === raw);
          params[name] = industry ? (locale === 'zh-CN' ? industry.nameZh : industry.nameEn) : String(raw);
        } else params[name] = String(raw);
      }
      if (factor.key === 'exposure') {
        if (params.members === undefined) params.members = memberNames([...new Set((warning?.matches ?? []).map((m) => m.market))]);
        const source = factor.params.source;
        const sourceKey = `warningsUi.found.sources.${String(source)}`;
        params.source = typeof source === 'string' && i18n.exists(sourceKey) ? t(sourceKey as never) : '';
      }
      const key = `warningsUi.found.${factor.key}.${factor.value}`;
      if (i18n.exists(key)) return t(key as never, params);
      const extra = Object.entries(params)
        .filter(([, value]) => value !== '')
        .map(([name, value]) => `${name} ${value}`)
        .join(', ');
      return extra ? `${factor.value} (${extra})` : factor.value;
    },
    [t, i18n, locale, countries],
  );
}
