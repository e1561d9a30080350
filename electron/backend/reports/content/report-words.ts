import type { WarningLevel } from '../../../../shared/contract/warnings';
import type { CommentOutcome, PointOutcomeValue } from '../../../../shared/domain/comment-outcome';
import { chineseDate, chineseNumeral } from '../../../../shared/domain/date-words';

/**
 * The Chinese words the reports print. The base publishes its bulletin and analyses in Chinese
 * whatever language the window shows, so these live with the reports, not in the locale files.
 */

export { LEVEL_ZH } from '../../warnings/letters/letter-words';

/** What became of one point. Null: nothing recorded yet. */
export const POINT_OUTCOME_ZH: Record<PointOutcomeValue | 'awaiting', string> = {
  adopted: '已采纳',
  partly_adopted: '部分采纳',
  not_adopted: '未采纳',
  no_reply: '未答复',
  withdrawn: '措施已撤回',
  awaiting: '待回复',
};

/** What became of a whole comment (shared/domain/comment-outcome.ts). */
export const COMMENT_OUTCOME_ZH: Record<CommentOutcome, string> = {
  adopted: '全部采纳',
  partly_adopted: '部分采纳',
  not_adopted: '未采纳',
  withdrawn: '措施已撤回',
  awaiting: '待回复',
};

export const BLOC_ZH: Record<string, string> = {
  GCC: '海湾阿拉伯国家合作委员会',
  GSO: '海湾标准化组织成员',
  EAEU: '欧亚经济联盟',
};

export const DOC_TYPE_ZH: Record<string, string> = {
  regular: '新通报',
  addendum: '补遗',
  corrigendum: '更正',
  revision: '修订',
  supplement: '补充',
  emergency: '紧急通报',
};

/** 一、概况: the numbered first-level headings of a Chinese document. */
export function sectionHeading(n: number, text: string): string {
  return `${chineseNumeral(n)}、${text}`;
}

/** 2026年9月1日至11月30日: the year is not repeated inside one year. */
export function periodZh(from: string, to: string): string {
  if (from === to) return chineseDate(from);
  const end = from.slice(0, 4) === to.slice(0, 4) ? chineseDate(to).slice(5) : chineseDate(to);
  return `${chineseDate(from)}至${end}`;
}

/** 0.4 → 40.0%; null (nothing to divide by) → 无. */
export function percentZh(rate: number | null): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(1)}%`;
}

/** A date for a sentence, or 未注明 when the notification gives none. */
export function dateOrNone(iso: string | null): string {
  return iso ? chineseDate(iso) : '未注明';
}

/** A title for one line: HTML tags that ePing titles carry dropped, spaces folded. */
export function plainTitle(text: string): string {
  return text
    .replace(/<\/?(?:br|p|div|li|ul|ol|tr|td)\b[^>]*>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#0?39;/g, "'")
    // Last, so that an escaped entity (&amp;lt;) stays as written.
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Cut a text to `max` characters at most, marking the cut. */
export function shorten(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : `${t.slice(0, max - 1)}…`;
}

export type { WarningLevel };
