import type { Database } from 'better-sqlite3';
import type { NotificationListItem, Relevance, TriageStatus } from '../../../shared/contract';
import { highlightSnippet, highlightText } from '../../../shared/domain/search-highlight';
import type { Needle } from '../../../shared/domain/search-text';
import { cachedStatement } from '../db/statement-cache';
import { toSummary, type SummaryColumns } from './notification-row';

interface ListRow extends SummaryColumns {
  family_id: number | null;
  imported_member_name: string;
  name_zh: string | null;
  name_en: string | null;
  status: TriageStatus | null;
  relevance: Relevance | null;
  assignee: string | null;
  industries: string | null;
}

interface TextRow {
  id: number;
  description: string;
  description_zh: string | null;
  products: string;
}

const PAGE_SQL = `
  SELECT n.id, n.symbol, n.area, n.member_code, n.doc_type, n.title, n.distribution_date, n.comment_deadline,
         n.source, n.family_id, n.member_name AS imported_member_name, c.name_zh, c.name_en,
         t.status, t.relevance, (SELECT a.name FROM analysts a WHERE a.uid = t.assignee_uid) AS assignee, nullif(tr.title_zh, '') AS title_zh,
         (SELECT group_concat(i.industry, ',') FROM notification_industries i WHERE i.notification_id = n.id AND i.deleted_at IS NULL) AS industries
  FROM json_each(@ids) AS page
  CROSS JOIN notifications n ON n.id = page.value
  LEFT JOIN countries c ON c.code = n.member_code
  LEFT JOIN notification_triage t ON t.notification_id = n.id
  LEFT JOIN notification_translations tr ON tr.notification_id = n.id
  ORDER BY page.key`;

// Long texts are read only for a search page, where they feed the snippets.
const TEXT_SQL = `
  SELECT n.id, n.description, n.products, nullif(tr.description_zh, '') AS description_zh
  FROM json_each(@ids) AS page
  CROSS JOIN notifications n ON n.id = page.value
  LEFT JOIN notification_translations tr ON tr.notification_id = n.id`;

function toItem(r: ListRow): NotificationListItem {
  return {
    ...toSummary(r),
    memberName: r.name_zh ?? (r.imported_member_name || r.member_code),
    memberNameEn: r.name_en ?? (r.imported_member_name || r.member_code),
    status: r.status ?? 'new',
    relevance: r.relevance,
    assignee: r.assignee || null,
    industries: r.industries ? r.industries.split(',').sort() : [],
    familyId: r.family_id,
  };
}

/**
 * The list items for one page of ids, in that order; with `needles` (a search), each item also
 * carries its highlighted title and a snippet around the first hit.
 */
export function loadListItems(db: Database, ids: readonly number[], needles: readonly Needle[] | null): NotificationListItem[] {
  if (ids.length === 0) return [];
  const idsJson = JSON.stringify(ids);
  const rows = cachedStatement(db, PAGE_SQL).all({ ids: idsJson }) as ListRow[];
  const items = rows.map(toItem);
  if (!needles) return items;
  const texts = new Map(
    (cachedStatement(db, TEXT_SQL).all({ ids: idsJson }) as TextRow[]).map((t) => [t.id, t] as const),
  );
  for (const item of items) {
    const text = texts.get(item.id);
    item.highlight = {
      title: highlightText(item.title, needles),
      titleZh: item.titleZh ? highlightText(item.titleZh, needles) : null,
      snippet:
        (text &&
          (highlightSnippet(text.description, needles) ??
            (text.description_zh ? highlightSnippet(text.description_zh, needles) : null) ??
            highlightSnippet(text.products, needles))) ??
        null,
    };
  }
  return items;
}
