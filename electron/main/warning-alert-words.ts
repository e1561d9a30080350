import type { Locale } from '../../shared/contract';

/** What a system notification says: its title and one line of body. */
export interface AlertText {
  title: string;
  body: string;
}

/**
 * The system notification for warnings a pass raised to red or orange, in the app's language:
 * "3 条新的红色/橙色风险预警" with the split, or null when there is nothing to say.
 */
export function raisedAlertText(locale: Locale, counts: { red: number; orange: number }): AlertText | null {
  const total = counts.red + counts.orange;
  if (total <= 0) return null;
  if (locale === 'en') {
    const parts = [counts.red > 0 ? `${counts.red} red` : '', counts.orange > 0 ? `${counts.orange} orange` : ''].filter((p) => p !== '');
    return {
      title: total === 1 ? '1 new red/orange risk warning' : `${total} new red/orange risk warnings`,
      body: `${parts.join(', ')}. Click to open the warnings inbox.`,
    };
  }
  const parts = [counts.red > 0 ? `红色 ${counts.red} 条` : '', counts.orange > 0 ? `橙色 ${counts.orange} 条` : ''].filter((p) => p !== '');
  return { title: `${total} 条新的红色/橙色风险预警`, body: `其中${parts.join('，')}。点击打开风险预警。` };
}

/** The notification at start for open warnings whose deadline falls in the next 7 days, or null for none. */
export function dueSoonAlertText(locale: Locale, count: number): AlertText | null {
  if (count <= 0) return null;
  if (locale === 'en') {
    return {
      title: count === 1 ? '1 risk warning has a deadline within 7 days' : `${count} risk warnings have a deadline within 7 days`,
      body: 'Comment periods or entry into force are close. Click to open the warnings inbox.',
    };
  }
  return { title: `${count} 条风险预警的期限在 7 天内`, body: '评议截止或生效日期临近。点击打开风险预警。' };
}
