import type { NotificationRecord, NotificationSummary } from '../../../shared/contract';

/** A notifications row as SQLite returns it. */
export interface NotificationRow {
  id: number;
  symbol: string;
  area: 'TBT' | 'SPS';
  member_code: string;
  base_symbol: string;
  doc_type: NotificationRecord['docType'];
  title: string;
  title_zh?: string | null;
  description: string;
  products: string;
  hs_codes: string;
  ics_codes: string;
  keywords: string;
  objectives: string;
  notification_type: string;
  distribution_date: string | null;
  comment_deadline: string | null;
  document_links: string;
  link_en: string | null;
  link_fr: string | null;
  link_es: string | null;
  source: string;
  created_at: string;
  updated_at: string;
  member_name: string;
  parent_symbol: string | null;
  proposed_adoption: string | null;
  proposed_entry_into_force: string | null;
  countries_affected: string;
  joint_symbols: string;
  family_id: number | null;
}

const list = (json: string): string[] => JSON.parse(json) as string[];

/** The columns a summary needs; list pages select only these and the analysts' layer. */
export type SummaryColumns = Pick<
  NotificationRow,
  'id' | 'symbol' | 'area' | 'member_code' | 'doc_type' | 'title' | 'title_zh' | 'distribution_date' | 'comment_deadline' | 'source'
>;

export function toSummary(r: SummaryColumns): NotificationSummary {
  return {
    id: r.id,
    symbol: r.symbol,
    area: r.area,
    memberCode: r.member_code,
    docType: r.doc_type,
    title: r.title,
    titleZh: r.title_zh ?? null,
    distributionDate: r.distribution_date,
    commentDeadline: r.comment_deadline,
    source: r.source,
  };
}

/** Every item of the notification form; the analysts' layer is added by the detail view. */
export function toRecord(r: NotificationRow): NotificationRecord {
  return {
    ...toSummary(r),
    baseSymbol: r.base_symbol,
    parentSymbol: r.parent_symbol,
    memberName: r.member_name,
    description: r.description,
    products: r.products,
    hsCodes: list(r.hs_codes),
    icsCodes: list(r.ics_codes),
    keywords: list(r.keywords),
    objectives: list(r.objectives),
    notificationType: r.notification_type,
    proposedAdoption: r.proposed_adoption,
    proposedEntryIntoForce: r.proposed_entry_into_force,
    countriesAffected: list(r.countries_affected),
    jointSymbols: list(r.joint_symbols),
    familyId: r.family_id,
    documentLinks: list(r.document_links),
    links: { en: r.link_en, fr: r.link_fr, es: r.link_es },
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
