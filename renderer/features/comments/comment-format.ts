import type { Locale } from '../../../shared/contract';

/** A share as a percentage (66.7%); '—' when there is nothing to divide by. */
export function formatRate(rate: number | null | undefined, locale: Locale): string {
  if (rate === null || rate === undefined) return '—';
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(rate);
}

/**
 * Yuan as analysts write them in reports: 3600万元 and 2.7亿元 in Chinese, CNY 36 million in
 * English; small sums in full.
 */
export function formatYuan(amount: number, locale: Locale): string {
  const number = (n: number): string => new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(n);
  if (locale === 'zh-CN') {
    if (amount >= 1e8) return `${number(amount / 1e8)}亿元`;
    if (amount >= 1e4) return `${number(amount / 1e4)}万元`;
    return `${number(amount)}元`;
  }
  if (amount >= 1e9) return `CNY ${number(amount / 1e9)} billion`;
  if (amount >= 1e6) return `CNY ${number(amount / 1e6)} million`;
  return `CNY ${number(amount)}`;
}

/** Several symbols of one measure (a GCC draft notified by each member) in one line. */
export function joinSymbols(symbols: readonly string[], locale: Locale): string {
  return symbols.join(locale === 'zh-CN' ? '、' : ', ');
}

/** The Chinese or English one of a pair of texts, by interface language (Chinese when English is empty). */
export function inLocale(locale: Locale, zh: string, en: string): string {
  return locale === 'zh-CN' || en.trim() === '' ? zh : en;
}
