/**
 * Filling the recurring kinds of comment point with a notification's particulars. A template
 * text names them as placeholders such as {symbol} or {finalDate}; each language gets its own
 * spelling (2026年5月1日 in Chinese, 1 May 2026 in English; Chinese member names in Chinese).
 */
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
  },
};

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
  return {
    symbol: join(p.symbols),
    title: zh ? known(p.titleZh) ?? known(p.title) : known(p.title),
    member: join(zh ? p.memberNamesZh : p.memberNamesEn),
    products: known(p.products),
    hs: join(p.hsCodes),
    finalDate: p.finalDate ? (zh ? chineseDate(p.finalDate) : englishDate(p.finalDate)) : null,
    entryIntoForce: known(p.proposedEntryIntoForce),
    adoption: known(p.proposedAdoption),
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
