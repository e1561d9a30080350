import type { Locale } from '../../shared/contract';

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function parseIsoDate(iso: string): { y: number; m: number; d: number } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  return { y, m, d };
}

/**
 * A calendar date (YYYY-MM-DD) as readers expect it: 2026年11月21日 in Chinese, 21 Nov 2026 in
 * English. Dates are parsed as text, never through Date, so no time zone can shift the day.
 */
export function formatDate(iso: string | null | undefined, locale: Locale): string {
  if (!iso) return '—';
  const date = parseIsoDate(iso);
  if (!date) return iso;
  if (locale === 'zh-CN') return `${date.y}年${date.m}月${date.d}日`;
  return `${date.d} ${EN_MONTHS[date.m - 1]} ${date.y}`;
}

/** A stored timestamp (ISO 8601, UTC) in local time: 2026年11月21日 13:05. */
export function formatDateTime(iso: string | null | undefined, locale: Locale): string {
  if (!iso) return '—';
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const pad = (n: number): string => String(n).padStart(2, '0');
  const day = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
  return `${formatDate(day, locale)} ${pad(at.getHours())}:${pad(at.getMinutes())}`;
}
