import type { Database } from 'better-sqlite3';
import type { CommentStats, PointCounts, StatsGroup } from '../../../shared/contract';
import { commentOutcome, tallyOutcomes, type CommentOutcome, type PointOutcomeValue } from '../../../shared/domain/comment-outcome';

/**
 * The submitted comments of the period and their points, from the current version's snapshot
 * (text is frozen from approval on); outcomes are matched by point key.
 */
const BASE = `
  WITH scoped AS (
    SELECT id, notification_id, family_id, submission_date FROM comments
    WHERE submission_date IS NOT NULL AND deleted_at IS NULL
      AND (@from IS NULL OR submission_date >= @from) AND (@to IS NULL OR submission_date <= @to)
  ),
  points AS (
    SELECT s.id AS comment_id, json_extract(p.value, '$.key') AS point_key,
           json_extract(p.value, '$.templateCode') AS template_code, o.outcome
    FROM scoped s
    JOIN comments c ON c.id = s.id
    JOIN comment_versions v ON v.comment_id = c.id AND v.version = c.current_version
    JOIN json_each(v.snapshot, '$.points') p
    LEFT JOIN comment_outcomes o ON o.comment_id = s.id AND o.point_key = json_extract(p.value, '$.key') AND o.deleted_at IS NULL
  )`;

/** comment_id → key for each way of grouping; a comment may fall in several groups. */
const DIMENSIONS = {
  member: `
    SELECT s.id AS comment_id, n.member_code AS key FROM scoped s JOIN notifications n ON n.id = s.notification_id
    UNION
    SELECT s.id, n.member_code FROM scoped s JOIN notifications n ON n.family_id = s.family_id`,
  industry: `
    SELECT s.id AS comment_id, ni.industry AS key FROM scoped s JOIN notification_industries ni ON ni.notification_id = s.notification_id AND ni.deleted_at IS NULL
    UNION
    SELECT s.id, ni.industry FROM scoped s JOIN notifications n ON n.family_id = s.family_id
      JOIN notification_industries ni ON ni.notification_id = n.id AND ni.deleted_at IS NULL`,
  year: `SELECT id AS comment_id, substr(submission_date, 1, 4) AS key FROM scoped`,
} as const;

const rate = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

/** What each submitted comment of the period came to, and its points. */
interface CommentTally {
  outcome: CommentOutcome;
  points: number;
  pointsAdopted: number;
}

function tallyComments(db: Database, params: Record<string, unknown>): Map<number, CommentTally> {
  const ids = db.prepare(`${BASE} SELECT id FROM scoped`).all(params) as Array<{ id: number }>;
  const rows = db.prepare(`${BASE} SELECT comment_id, outcome FROM points`).all(params) as Array<{ comment_id: number; outcome: PointOutcomeValue | null }>;
  const byComment = new Map<number, Array<PointOutcomeValue | null>>(ids.map((r) => [r.id, []]));
  for (const r of rows) byComment.get(r.comment_id)?.push(r.outcome);
  return new Map(
    [...byComment].map(([id, outcomes]) => [
      id,
      {
        outcome: commentOutcome(outcomes),
        points: outcomes.length,
        pointsAdopted: outcomes.filter((o) => o === 'adopted' || o === 'partly_adopted').length,
      },
    ]),
  );
}

function groupRows(
  db: Database,
  dimension: keyof typeof DIMENSIONS,
  params: Record<string, unknown>,
  comments: ReadonlyMap<number, CommentTally>,
  label: (key: string | null) => { zh: string; en: string },
): StatsGroup[] {
  const pairs = db.prepare(`${BASE}, dim AS (${DIMENSIONS[dimension]}) SELECT comment_id, key FROM dim`).all(params) as Array<{
    comment_id: number;
    key: string | null;
  }>;
  const groups = new Map<string | null, Set<number>>();
  for (const p of pairs) {
    const ids = groups.get(p.key) ?? new Set<number>();
    ids.add(p.comment_id);
    groups.set(p.key, ids);
  }
  // Comments without any industry are gathered under key null rather than left out.
  if (dimension === 'industry') {
    const grouped = new Set(pairs.map((p) => p.comment_id));
    const none = [...comments.keys()].filter((id) => !grouped.has(id));
    if (none.length > 0) groups.set(null, new Set(none));
  }
  return [...groups]
    .sort(([a], [b]) => (a === b ? 0 : a === null ? -1 : b === null ? 1 : a < b ? -1 : 1))
    .map(([key, ids]) => {
      const members = [...ids].map((id) => comments.get(id)).filter((c): c is CommentTally => c !== undefined);
      const l = label(key);
      return {
        key,
        labelZh: l.zh,
        labelEn: l.en,
        ...tallyOutcomes(members.map((c) => c.outcome)),
        points: members.reduce((n, c) => n + c.points, 0),
        pointsAdopted: members.reduce((n, c) => n + c.pointsAdopted, 0),
      };
    });
}

interface CountRow {
  total: number;
  adopted: number | null;
  partly: number | null;
  not_adopted: number | null;
  no_reply: number | null;
  withdrawn: number | null;
}

function pointCounts(r: CountRow): PointCounts {
  const adopted = r.adopted ?? 0;
  const partlyAdopted = r.partly ?? 0;
  const notAdopted = r.not_adopted ?? 0;
  const noReply = r.no_reply ?? 0;
  const withdrawn = r.withdrawn ?? 0;
  return { total: r.total, adopted, partlyAdopted, notAdopted, noReply, withdrawn, pending: r.total - adopted - partlyAdopted - notAdopted - noReply - withdrawn };
}

const COUNT_COLUMNS = `count(*) AS total,
  sum(outcome = 'adopted') AS adopted, sum(outcome = 'partly_adopted') AS partly, sum(outcome = 'not_adopted') AS not_adopted,
  sum(outcome = 'no_reply') AS no_reply, sum(outcome = 'withdrawn') AS withdrawn`;

function median(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Adoption statistics over the comments submitted in [from, to]: how many were fully adopted
 * (every point), at least partly adopted, not adopted, and how many still await an outcome;
 * the rates are over the comments with an outcome. Point-level counts are reported beside them.
 */
export function commentStats(db: Database, range: { from?: string | undefined; to?: string | undefined }): CommentStats {
  const params = { from: range.from ?? null, to: range.to ?? null };
  const comments = tallyComments(db, params);
  const points = pointCounts(db.prepare(`${BASE} SELECT ${COUNT_COLUMNS} FROM points`).get(params) as CountRow);
  const cost = db
    .prepare(`${BASE} SELECT coalesce(sum(o.cost_spared_cny), 0) AS cost FROM comment_outcomes o JOIN scoped s ON s.id = o.comment_id WHERE o.deleted_at IS NULL`)
    .get(params) as { cost: number };

  const countries = new Map(
    (db.prepare('SELECT code, name_zh, name_en FROM countries').all() as Array<{ code: string; name_zh: string; name_en: string }>).map((c) => [c.code, c]),
  );
  const industries = new Map(
    (db.prepare('SELECT code, name_zh, name_en FROM industries').all() as Array<{ code: string; name_zh: string; name_en: string }>).map((c) => [c.code, c]),
  );
  const templates = new Map(
    (db.prepare('SELECT code, name_zh, name_en FROM comment_templates').all() as Array<{ code: string; name_zh: string; name_en: string }>).map((t) => [t.code, t]),
  );
  const named = (map: Map<string, { name_zh: string; name_en: string }>, unnamed: { zh: string; en: string }) => (key: string | null) => {
    const hit = key === null ? undefined : map.get(key);
    return hit ? { zh: hit.name_zh, en: hit.name_en } : key === null ? unnamed : { zh: key, en: key };
  };

  const byTemplate = (
    db
      .prepare(`${BASE} SELECT template_code AS code, ${COUNT_COLUMNS} FROM points GROUP BY template_code ORDER BY template_code IS NULL, template_code`)
      .all(params) as Array<CountRow & { code: string | null }>
  ).map((r) => {
    const counts = pointCounts(r);
    const name = named(templates, { zh: '未使用模板', en: 'Written without a template' })(r.code);
    return { code: r.code, nameZh: name.zh, nameEn: name.en, points: counts, adoptionRate: rate(counts.adopted + counts.partlyAdopted, counts.total) };
  });

  const days = (
    db
      .prepare(
        `${BASE} SELECT CAST(julianday(min(o.outcome_date)) - julianday(s.submission_date) AS INTEGER) AS days
         FROM scoped s JOIN comment_outcomes o ON o.comment_id = s.id
         WHERE o.outcome <> 'no_reply' AND o.deleted_at IS NULL AND o.outcome_date IS NOT NULL GROUP BY s.id`,
      )
      .all(params) as Array<{ days: number }>
  )
    .map((r) => r.days)
    .sort((a, b) => a - b);

  return {
    from: params.from,
    to: params.to,
    totals: {
      ...tallyOutcomes([...comments.values()].map((c) => c.outcome)),
      points,
      pointAdoptionRate: rate(points.adopted + points.partlyAdopted, points.total),
      costSparedCny: cost.cost,
    },
    byMember: groupRows(db, 'member', params, comments, named(countries, { zh: '未知', en: 'Unknown' })),
    byIndustry: groupRows(db, 'industry', params, comments, named(industries, { zh: '未分类', en: 'Unclassified' })),
    byYear: groupRows(db, 'year', params, comments, (key) => ({ zh: `${key ?? ''}年`, en: key ?? '' })),
    byTemplate,
    timeToOutcome: {
      comments: days.length,
      meanDays: days.length === 0 ? null : days.reduce((a, b) => a + b, 0) / days.length,
      medianDays: median(days),
      minDays: days[0] ?? null,
      maxDays: days[days.length - 1] ?? null,
    },
  };
}
