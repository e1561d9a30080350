/**
 * Filling the recurring kinds of comment point with a notification's particulars. A template
 * text names them as placeholders such as {symbol} or {finalDate}; each language gets its own
 * spelling (2026年5月1日 in Chinese, 1 May 2026 in English; Chinese member names in Chinese).
 */
import { dayNumber } from './deadline';
import { chineseDate, englishDate } from './date-words';

export const TEMPLATE_PLACEHOLDERS = [
  'symbol',
  'title',
  'member',
  'products',
  'hs',
  'finalDate',
  'entryIntoForce',
  'adoption',
  'currentPeriod',
  'requestedPeriod',
  'requestedFinalDate',
] as const;
export type TemplatePlaceholder = (typeof TEMPLATE_PLACEHOLDERS)[number];
export type TemplateLanguage = 'zh' | 'en';

/** What a notification (or every notification of a measure family) says about the measure. */
export interface TemplateParticulars {
  symbols: string[];
  title: string;
  titleZh: string | null;
  memberNamesEn: string[];
  memberNamesZh: string[];
  products: string;
  hsCodes: string[];
  finalDate: string | null;
  /** The distribution date of the notification whose final date is `finalDate`. */
  distributionDate: string | null;
  proposedEntryIntoForce: string | null;
  proposedAdoption: string | null;
}

/** What an unknown value reads as, so the analyst sees at once what is left to write. */
const MISSING: Record<TemplateLanguage, Record<TemplatePlaceholder, string>> = {
  zh: {
    symbol: '【待补充：通报号】',
    title: '【待补充：措施名称】',
    member: '【待补充：通报成员】',
    products: '【待补充：产品范围】',
    hs: '【待补充：HS编码】',
    finalDate: '【待补充：评议截止日期】',
    entryIntoForce: '【待补充：拟生效日期】',
    adoption: '【待补充：拟批准日期】',
    currentPeriod: '【待补充：现有评议期天数】',
    requestedPeriod: '【待补充：建议评议期天数】',
    requestedFinalDate: '【待补充：建议评议截止日期】',
  },
  en: {
    symbol: '[to be completed: notification symbol]',
    title: '[to be completed: title of the measure]',
    member: '[to be completed: notifying Member]',
    products: '[to be completed: products covered]',
    hs: '[to be completed: HS codes]',
    finalDate: '[to be completed: final date for comments]',
    entryIntoForce: '[to be completed: proposed date of entry into force]',
    adoption: '[to be completed: proposed date of adoption]',
    currentPeriod: '[to be completed: days of the present comment period]',
    requestedPeriod: '[to be completed: days of comment period requested]',
    requestedFinalDate: '[to be completed: requested final date for comments]',
  },
};

/** The periods the TBT Committee names: 60 days normally, 90 encouraged. */
const RECOMMENDED_PERIODS = [60, 90] as const;
/** Asking for a few days more is not worth a comment: any request adds at least a month. */
const MINIMUM_EXTENSION_DAYS = 30;
const MS_PER_DAY = 86_400_000;

function addDays(iso: string, days: number): string {
  const start = dayNumber(iso);
  if (start === null) throw new RangeError(`${iso} is not a calendar date`);
  return new Date((start + days) * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The comment period a notification gives and the longer one an "extend the period" point asks for. */
export interface CommentPeriodProposal {
  /** Days from distribution to the final date; null when the distribution date is unknown. */
  currentDays: number | null;
  /** Days from distribution the point asks for; null when the distribution date is unknown. */
  requestedDays: number | null;
  /** The final date asked for, always later than the present one. */
  requestedFinalDate: string;
}

/**
 * What to ask for when a comment period is too short: the first recommended period (60, then 90
 * days from distribution) that adds at least 30 days, or 30 days more than the notification
 * already gives once it gives 60 or more. Without a distribution date the final date moves by
 * 30 days. Null without a usable final date: there is nothing to extend.
 */
export function proposeCommentPeriod(distributionDate: string | null, finalDate: string | null): CommentPeriodProposal | null {
  const end = finalDate === null ? null : dayNumber(finalDate);
  if (finalDate === null || end === null) return null;
  const start = distributionDate === null ? null : dayNumber(distributionDate);
  if (distributionDate === null || start === null || start > end) {
    return { currentDays: null, requestedDays: null, requestedFinalDate: addDays(finalDate, MINIMUM_EXTENSION_DAYS) };
  }
  const currentDays = end - start;
  const floor = currentDays + MINIMUM_EXTENSION_DAYS;
  const requestedDays = RECOMMENDED_PERIODS.find((p) => p >= floor) ?? floor;
  return { currentDays, requestedDays, requestedFinalDate: addDays(distributionDate, requestedDays) };
}

/** ePing writes "Not stated" or "To be determined" where the form item was left open. */
const UNSTATED = /^(not stated|not specified|to be determined|tbd|n\/a|none|-)\.?$/i;

function known(text: string | null | undefined): string | null {
  const t = (text ?? '').trim();
  return t === '' || UNSTATED.test(t) ? null : t;
}

/** The value of each placeholder in one language; null where the notification does not say. */
export function placeholderValues(p: TemplateParticulars, language: TemplateLanguage): Record<TemplatePlaceholder, string | null> {
  const zh = language === 'zh';
  const join = (items: readonly string[]): string | null => {
    const list = items.map((s) => s.trim()).filter((s) => s !== '');
    return list.length === 0 ? null : list.join(zh ? '、' : ', ');
  };
  const period = proposeCommentPeriod(p.distributionDate, p.finalDate);
  const days = (n: number | null | undefined): string | null => (n === null || n === undefined ? null : zh ? `${n}天` : `${n} days`);
  return {
    symbol: join(p.symbols),
    title: zh ? known(p.titleZh) ?? known(p.title) : known(p.title),
    member: join(zh ? p.memberNamesZh : p.memberNamesEn),
    products: known(p.products),
    hs: join(p.hsCodes),
    finalDate: p.finalDate ? (zh ? chineseDate(p.finalDate) : englishDate(p.finalDate)) : null,
    entryIntoForce: known(p.proposedEntryIntoForce),
    adoption: known(p.proposedAdoption),
    currentPeriod: days(period?.currentDays),
    requestedPeriod: days(period?.requestedDays),
    requestedFinalDate: period ? (zh ? chineseDate(period.requestedFinalDate) : englishDate(period.requestedFinalDate)) : null,
  };
}

const PLACEHOLDER = /\{([A-Za-z]+)\}/g;

function isPlaceholder(name: string): name is TemplatePlaceholder {
  return (TEMPLATE_PLACEHOLDERS as readonly string[]).includes(name);
}

/**
 * Replace every known placeholder in `text`. Unknown values become a visible "to be completed"
 * marker and are listed in `missing`; braces that name no placeholder are left as written.
 */
export function fillTemplate(
  text: string,
  values: Record<TemplatePlaceholder, string | null>,
  language: TemplateLanguage,
): { text: string; missing: TemplatePlaceholder[] } {
  const missing = new Set<TemplatePlaceholder>();
  const filled = text.replace(PLACEHOLDER, (whole, name: string) => {
    if (!isPlaceholder(name)) return whole;
    const value = values[name];
    if (value === null) {
      missing.add(name);
      return MISSING[language][name];
    }
    return value;
  });
  return { text: filled, missing: [...missing] };
}
