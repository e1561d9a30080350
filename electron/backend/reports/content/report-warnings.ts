import type { Database } from 'better-sqlite3';
import type { ReportBlock } from '../../../../shared/contract/reports';
import type { WarningLevel, WarningListItem } from '../../../../shared/contract/warnings';
import { rowsByIds } from '../../warnings/warning-list';
import { warningListItem } from '../../warnings/warning-read';
import { LEVEL_ZH } from './report-words';

/** How many warnings a document lists: the highest scores; the counts cover them all. */
export const WARNINGS_LISTED = 30;

/** `LIKE` text that finds a member between the commas of the warnings' ',SAU,ARE,' list. */
const memberLike = (code: string): string => `%,${code.replace(/[\\%_]/g, (c) => `\\${c}`)},%`;

export interface OpenWarnings {
  /** Every open warning (not closed, not removed) in scope, by level. */
  counts: Record<WarningLevel, number>;
  /** The open warnings of the levels asked, highest score first, at most WARNINGS_LISTED. */
  listed: WarningListItem[];
  /** How many open warnings of those levels there are in all. */
  total: number;
}

/**
 * The open warnings whose measure covers one of `members` (null: all), counted by level in one
 * pass, and the highest-scored of `levels` read as the inbox reads them (a bloc's family
 * warning counts once however many of its members it covers).
 */
export function openWarnings(db: Database, levels: readonly WarningLevel[], members: readonly string[] | null): OpenWarnings {
  const where = ["w.deleted_at IS NULL", "w.state <> 'closed'"];
  const params: string[] = [];
  if (members !== null) {
    where.push(`(${members.map(() => "w.members LIKE ? ESCAPE '\\'").join(' OR ') || '0'})`);
    params.push(...members.map(memberLike));
  }
  const counts: Record<WarningLevel, number> = { red: 0, orange: 0, yellow: 0, blue: 0 };
  const rows = db.prepare(`SELECT w.level AS level, count(*) AS n FROM warnings w WHERE ${where.join(' AND ')} GROUP BY w.level`).all(...params) as Array<{
    level: WarningLevel;
    n: number;
  }>;
  for (const r of rows) counts[r.level] = r.n;
  const levelList = levels.map(() => '?').join(', ');
  const ids = db
    .prepare(`SELECT w.id FROM warnings w WHERE ${where.join(' AND ')} AND w.level IN (${levelList}) ORDER BY w.score DESC, w.id LIMIT ${WARNINGS_LISTED}`)
    .pluck()
    .all(...params, ...levels) as number[];
  return { counts, listed: rowsByIds(db, ids).map(warningListItem), total: levels.reduce((n, l) => n + counts[l], 0) };
}

function targetName(w: WarningListItem): string {
  return w.target.kind === 'enterprise' ? w.target.name : `${w.target.nameZh}（重点产业）`;
}

/** The warnings as a table: enterprise, measure, level, score, next deadline, state of the response. */
export function warningTable(id: string, title: string, items: readonly WarningListItem[], total: number, memberZh: (code: string) => string): ReportBlock {
  return {
    ...(total > items.length ? { note: `共${total}条，仅列分值最高的${items.length}条；完整列表见预警页面。` } : {}),
    type: 'table',
    id,
    title,
    columns: [
      { key: 'target', header: '企业（产业）', kind: 'text', width: 2 },
      { key: 'symbol', header: '措施', kind: 'text', width: 2 },
      { key: 'members', header: '成员', kind: 'text' },
      { key: 'level', header: '等级', kind: 'text', width: 0.7 },
      { key: 'score', header: '分值', kind: 'number', width: 0.7 },
      { key: 'deadline', header: '下一截止日期', kind: 'date', width: 1.2 },
      { key: 'due', header: '应对期限', kind: 'date', width: 1.2 },
    ],
    rows: items.map((w) => [
      targetName(w),
      w.measure.symbols[0] ?? '',
      w.measure.members.map(memberZh).join('、'),
      LEVEL_ZH[w.level],
      w.score,
      w.nextDeadline ?? null,
      w.response?.dueDate ?? null,
    ]),
  };
}

