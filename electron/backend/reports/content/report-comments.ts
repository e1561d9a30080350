import type { Database } from 'better-sqlite3';
import { commentOutcome, type CommentOutcome, type PointOutcomeValue } from '../../../../shared/domain/comment-outcome';
import { readContent } from '../../comments/comment-store';
import { resolveTarget } from '../../comments/comment-target';
import { plainTitle } from './report-words';

/** One point of a submitted comment and what became of it. */
export interface ReportPoint {
  /** Its number in the letter (position, from 1). */
  number: number;
  key: string;
  summary: string;
  outcome: PointOutcomeValue | null;
  outcomeDate: string | null;
  /** The evidence as stored: the later notification's symbol, or the regulation's reference. */
  evidence: string;
  evidenceDate: string | null;
  costSparedCny: number | null;
  note: string;
}

/** A comment submitted in the period, with its points. */
export interface ReportComment {
  id: number;
  symbols: string[];
  title: string;
  memberCodes: string[];
  submissionDate: string;
  reference: string | null;
  outcome: CommentOutcome;
  points: ReportPoint[];
}

interface OutcomeRow {
  point_key: string;
  outcome: PointOutcomeValue;
  outcome_date: string | null;
  evidence_kind: 'notification' | 'regulation' | null;
  evidence_symbol: string | null;
  evidence_reference: string | null;
  evidence_date: string | null;
  cost_spared_cny: number | null;
  note: string;
}

/** The point's gist in one line: its concern in Chinese, else its clause, else the English. */
function pointSummary(p: { concernZh: string; clauseZh: string; proposalZh: string; concernEn: string; clauseEn: string }): string {
  const text = [p.concernZh, p.proposalZh, p.clauseZh, p.concernEn, p.clauseEn].find((t) => t.trim() !== '') ?? '';
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length <= 120 ? line : `${line.slice(0, 119)}…`;
}

function evidenceText(o: OutcomeRow): string {
  if (o.evidence_kind === 'notification') return o.evidence_symbol ?? '';
  if (o.evidence_kind === 'regulation') return o.evidence_reference ?? '';
  return '';
}

/**
 * The comments submitted in [from, to] (the same ones the comment statistics count: a
 * submission date, not removed), oldest first, with the points of their current version and
 * the outcome recorded for each. `members`: only comments on a measure one of them notified.
 */
export function periodComments(db: Database, from: string, to: string, members: readonly string[] | null): ReportComment[] {
  const rows = db
    .prepare(
      `SELECT id, notification_id, family_id, current_version, title_zh, title_en, submission_date, submission_reference FROM comments
       WHERE submission_date IS NOT NULL AND deleted_at IS NULL AND submission_date >= ? AND submission_date <= ?
       ORDER BY submission_date, id`,
    )
    .all(from, to) as Array<{
    id: number;
    notification_id: number | null;
    family_id: number | null;
    current_version: number;
    title_zh: string;
    title_en: string;
    submission_date: string;
    submission_reference: string | null;
  }>;
  const outcomes = db.prepare(
    `SELECT o.point_key, o.outcome, o.outcome_date, o.evidence_kind, e.symbol AS evidence_symbol, o.evidence_reference,
            o.evidence_date, o.cost_spared_cny, o.note
     FROM comment_outcomes o LEFT JOIN notifications e ON e.id = o.evidence_notification_id
     WHERE o.comment_id = ? AND o.deleted_at IS NULL`,
  );
  const wanted = members === null ? null : new Set(members);
  const out: ReportComment[] = [];
  for (const r of rows) {
    const target = resolveTarget(db, { notificationId: r.notification_id, familyId: r.family_id }).target;
    if (wanted !== null && !target.memberCodes.some((m) => wanted.has(m))) continue;
    const byKey = new Map((outcomes.all(r.id) as OutcomeRow[]).map((o) => [o.point_key, o]));
    const points = readContent(db, r.id, r.current_version).points.map((p, i): ReportPoint => {
      const o = byKey.get(p.key);
      return {
        number: i + 1,
        key: p.key,
        summary: pointSummary(p),
        outcome: o?.outcome ?? null,
        outcomeDate: o?.outcome_date ?? null,
        evidence: o ? evidenceText(o) : '',
        evidenceDate: o?.evidence_date ?? null,
        costSparedCny: o?.cost_spared_cny ?? null,
        note: o?.note ?? '',
      };
    });
    out.push({
      id: r.id,
      symbols: target.symbols,
      title: plainTitle(r.title_zh.trim() || target.titleZh || r.title_en.trim() || target.title),
      memberCodes: [...new Set(target.memberCodes)],
      submissionDate: r.submission_date,
      reference: r.submission_reference,
      outcome: commentOutcome(points.map((p) => p.outcome)),
      points,
    });
  }
  return out;
}
