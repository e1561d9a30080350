import type { Database } from 'better-sqlite3';
import type { CommentTarget, TimelineEntry } from '../../../shared/contract';
import type { TemplateParticulars } from '../../../shared/domain/template-fill';
import { notFound } from '../errors';
import { requireNotificationRow } from '../notifications/notification-lookup';
import type { NotificationRow } from '../notifications/notification-row';
import { readTimeline, resolveFamilyId } from '../notifications/timeline';

/** Where a comment points: exactly one of the two is set. */
export interface TargetRef {
  notificationId: number | null;
  familyId: number | null;
}

export interface ResolvedTarget {
  target: CommentTarget;
  /** The final date for comments; for a family, the earliest among its members. */
  finalDate: string | null;
  /** Base symbols of the measure: a later addendum or revision of any of them concerns the comment. */
  baseSymbols: string[];
  /** The notifications the comment is about (one, or each family member's base). */
  notificationIds: number[];
  particulars: TemplateParticulars;
  /** Filled only when asked for: lists do not show it. */
  timeline: TimelineEntry[];
}

const symbolOrder = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

function memberNames(db: Database, rows: readonly NotificationRow[]): { zh: string[]; en: string[] } {
  const find = db.prepare('SELECT name_zh, name_en FROM countries WHERE code = ?');
  const zh: string[] = [];
  const en: string[] = [];
  for (const r of rows) {
    const c = find.get(r.member_code) as { name_zh: string; name_en: string } | undefined;
    zh.push(c?.name_zh ?? (r.member_name || r.member_code));
    en.push(c?.name_en ?? (r.member_name || r.member_code));
  }
  return { zh, en };
}

function titleZhOf(db: Database, ids: readonly number[]): string | null {
  const find = db.prepare("SELECT title_zh FROM notification_translations WHERE notification_id = ? AND title_zh <> ''");
  for (const id of ids) {
    const row = find.get(id) as { title_zh: string } | undefined;
    if (row) return row.title_zh;
  }
  return null;
}

const firstText = (values: ReadonlyArray<string | null>): string | null => values.find((v) => v !== null && v.trim() !== '') ?? null;

function particularsOf(rows: readonly NotificationRow[], title: string, titleZh: string | null, names: { zh: string[]; en: string[] }): TemplateParticulars {
  const hs = rows.map((r) => JSON.parse(r.hs_codes) as string[]).find((codes) => codes.length > 0) ?? [];
  // The earliest final date is the one a family comment has to meet; its own notification says how long the period was.
  const first = rows
    .filter((r): r is NotificationRow & { comment_deadline: string } => r.comment_deadline !== null)
    .sort((a, b) => a.comment_deadline.localeCompare(b.comment_deadline))[0];
  return {
    symbols: rows.map((r) => r.symbol),
    title,
    titleZh,
    memberNamesEn: [...new Set(names.en)],
    memberNamesZh: [...new Set(names.zh)],
    products: firstText(rows.map((r) => r.products)) ?? '',
    hsCodes: hs,
    finalDate: first?.comment_deadline ?? null,
    distributionDate: first?.distribution_date ?? null,
    proposedEntryIntoForce: firstText(rows.map((r) => r.proposed_entry_into_force)),
    proposedAdoption: firstText(rows.map((r) => r.proposed_adoption)),
  };
}

function familyMemberRows(db: Database, familyId: number): NotificationRow[] {
  const rows = db.prepare('SELECT * FROM notifications WHERE family_id = ?').all(familyId) as NotificationRow[];
  return rows.sort((a, b) => symbolOrder.compare(a.symbol, b.symbol));
}

/** Everything the comment needs to know about its notification or measure family, read fresh. */
export function resolveTarget(db: Database, ref: TargetRef, options: { timeline?: boolean } = {}): ResolvedTarget {
  if (ref.notificationId !== null) {
    const row = requireNotificationRow(db, ref.notificationId);
    const familyId = resolveFamilyId(db, row);
    const family = familyId === null ? [] : familyMemberRows(db, familyId);
    const titleZh = titleZhOf(db, [row.id]);
    const names = memberNames(db, [row]);
    return {
      target: {
        kind: 'notification',
        notificationId: row.id,
        familyId: null,
        symbols: [row.symbol],
        title: row.title,
        titleZh,
        area: row.area,
        memberCodes: [row.member_code],
        memberNamesZh: names.zh,
        memberNamesEn: names.en,
      },
      finalDate: row.comment_deadline,
      baseSymbols: [...new Set([row.base_symbol, ...family.map((f) => f.symbol)])],
      notificationIds: [row.id],
      particulars: particularsOf([row], row.title, titleZh, names),
      timeline: options.timeline ? readTimeline(db, row.id, row.base_symbol, familyId) : [],
    };
  }
  const familyId = ref.familyId;
  if (familyId === null) throw new Error('A comment target names neither a notification nor a family');
  const family = db.prepare('SELECT id, title FROM measure_families WHERE id = ?').get(familyId) as { id: number; title: string } | undefined;
  const rows = family ? familyMemberRows(db, familyId) : [];
  const first = rows[0];
  if (!family || !first) throw notFound('measure family', familyId);
  const ids = rows.map((r) => r.id);
  const titleZh = titleZhOf(db, ids);
  const names = memberNames(db, rows);
  const particulars = particularsOf(rows, family.title, titleZh, names);
  return {
    target: {
      kind: 'family',
      notificationId: null,
      familyId,
      symbols: rows.map((r) => r.symbol),
      title: family.title,
      titleZh,
      area: first.area,
      memberCodes: rows.map((r) => r.member_code),
      memberNamesZh: names.zh,
      memberNamesEn: names.en,
    },
    finalDate: particulars.finalDate,
    baseSymbols: rows.map((r) => r.symbol),
    notificationIds: ids,
    particulars,
    timeline: options.timeline ? readTimeline(db, first.id, first.base_symbol, familyId) : [],
  };
}
