import type { Locale } from '../../../shared/contract';

/** A dollar figure with grouping, whole dollars: 1,250,000 (null: a dash). */
export function formatUsd(value: number | null, locale: Locale): string {
  if (value === null) return '—';
  return new Intl.NumberFormat(locale === 'zh-CN' ? 'zh-CN' : 'en-US', { maximumFractionDigits: 0 }).format(value);
}

/** Province and city as one place name: 福建省福州市, or "Fujian, Fuzhou" in Latin letters. */
export function regionOf(e: { province: string; city: string }): string {
  if (!e.province || !e.city) return e.province || e.city || '—';
  return /[\u4e00-\u9fff]$/.test(e.province) ? `${e.province}${e.city}` : `${e.province}, ${e.city}`;
}
