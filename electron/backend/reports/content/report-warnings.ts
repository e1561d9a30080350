import type { Database } from 'better-sqlite3';
import type { ReportBlock } from '../../../../shared/contract/reports';
import { WARNING_LEVELS, type WarningLevel, type WarningListItem } from '../../../../shared/contract/warnings';
import { listWarnings } from '../../warnings/warning-list';
import { LEVEL_ZH } from './report-words';

const OPEN_STATES = ['new', 'acknowledged', 'planned'] as const;
const PAGE = 500;

/**
 * The open warnings (not closed, not removed) of the given levels, highest score first; with
 * `members`, those whose measure covers one of them (a bloc: each member, each warning once).
 * Read through the inbox's own query, so the report lists what the inbox shows.
 */
export function openWarnings(db: Database, levels: readonly WarningLevel[], members: readonly string[] | null, today: string): WarningListItem[] {
  const seen = new Map<string, WarningListItem>();
  for (const member of members ?? [undefined]) {
    for (let offset = 0; ; offset += PAGE) {
      const page = listWarnings(
        db,
        { levels: [...levels], states: [...OPEN_STATES], sort: 'score', limit: PAGE, offset, ...(member ? { member } : {}) },
        today,
      );
      for (const w of page.items) seen.set(w.uid, w);
      if (page.items.length < PAGE) break;
    }
  }
  return [...seen.values()].sort((a, b) => b.score - a.score || a.measure.symbols[0]!.localeCompare(b.measure.symbols[0]!));
}

/** Count by level, every level present. */
export function countLevels(items: readonly WarningListItem[]): Record<WarningLevel, number> {
  const out: Record<WarningLevel, number> = { red: 0, orange: 0, yellow: 0, blue: 0 };
  for (const w of items) out[w.level] += 1;
  return out;
}

function targetName(w: WarningListItem): string {
  return w.target.kind === 'enterprise' ? w.target.name : `${w.target.nameZh}（重点产业）`;
}

/** The warnings as a table: enterprise, measure, level, score, next deadline, state of the response. */
export function warningTable(id: string, title: string, items: readonly WarningListItem[], memberZh: (code: string) => string): ReportBlock {
  return {
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

export { WARNING_LEVELS };
