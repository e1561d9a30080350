import type { Database } from 'better-sqlite3';
import type { CommentStats, PointCounts, StatsGroup } from '../../../shared/contract';

/**
 * The submitted comments of the period and, per comment, whether any point has an outcome and
 * whether any point was adopted or partly adopted. Points come from the current version's
 * snapshot (text is frozen from approval on), outcomes are matched by point key.
 */
const BASE = `
  WITH scoped AS (
    SELECT id, notification_id, family_id, submission_date FROM comments
    WHERE submission_date IS NOT NULL
      AND (@from IS NULL OR submission_date >= @from) AND (@to IS NULL OR submission_date <= @to)
  ),
  flags AS (
    SELECT s.id AS comment_id,
      EXISTS (SELECT 1 FROM comment_outcomes o WHERE o.comment_id = s.id) AS with_outcome,
      EXISTS (SELECT 1 FROM comment_outcomes o WHERE o.comment_id = s.id AND o.outcome IN ('adopted', 'partly_adopted')) AS adopted
    FROM scoped s
  ),
  points AS (
    SELECT s.id AS comment_id, json_extract(p.value, '$.key') AS point_key,
           json_extract(p.value, '$.templateCode') AS template_code, o.outcome
    FROM scoped s
    JOIN comments c ON c.id = s.id
    JOIN comment_versions v ON v.comment_id = c.id AND v.version = c.current_version
    JOIN json_each(v.snapshot, '$.points') p
    LEFT JOIN comment_outcomes o ON o.comment_id = s.id AND o.point_key = json_extract(p.value, '$.key')
  )`;

/** comment_id → key for each way of grouping; a comment may fall in several groups. */
const DIMENSIONS = {
  member: `
    SELECT s.id AS comment_id, n.member_code AS key FROM scoped s JOIN notifications n ON n.id = s.notification_id
    UNION
    SELECT s.id, n.member_code FROM scoped s JOIN notifications n ON n.family_id = s.family_id`,
  industry: `
    SELECT s.id AS comment_id, ni.industry AS key FROM scoped s JOIN notification_industries ni ON ni.notification_id = s.notification_id
    UNION
    SELECT s.id, ni.industry FROM scoped s JOIN notifications n ON n.family_id = s.family_id
      JOIN notification_industries ni ON ni.notification_id = n.id`,
  year: `SELECT id AS comment_id, substr(submission_date, 1, 4) AS key FROM scoped`,
} as const;

interface GroupRow {
  key: string | null;
  submitted: number;
  with_outcome: number;
  adopted: number;
  points: number | null;
  points_adopted: number | null;
}

const rate = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

function groupRows(db: Database, dimension: keyof typeof DIMENSIONS, params: Record<string, unknown>): GroupRow[] {
  // Comments without any industry are gathered under key null rather than left out.
  const dim =
    dimension === 'industry'
      ? `dim0 AS (${DIMENSIONS.industry}),
         dim AS (SELECT comment_id, key FROM dim0 UNION ALL
                 SELECT id, NULL FROM scoped WHERE id NOT IN (SELECT comment_id FROM dim0))`
      : `dim AS (${DIMENSIONS[dimension]})`;
  return db
    .prepare(
      `${BASE}, ${dim}
       SELECT d.key, count(*) AS submitted, sum(f.with_outcome) AS with_outcome, sum(f.adopted) AS adopted,
         (SELECT count(*) FROM points p JOIN dim d2 ON d2.comment_id = p.comment_id WHERE d2.key IS d.key) AS points,
         (SELECT count(*) FROM points p JOIN dim d2 ON d2.comment_id = p.comment_id
           WHERE d2.key IS d.key AND p.outcome IN ('adopted', 'partly_adopted')) AS points_adopted
       FROM dim d JOIN flags f ON f.comment_id = d.comment_id
       GROUP BY d.key ORDER BY d.key`,
    )
    .all(params) as GroupRow[];
}

function toGroup(r: GroupRow, label: (key: string | null) => { zh: string; en: string }): StatsGroup {
  const l = label(r.key);
  return {
    key: r.key,
    labelZh: l.zh,
    labelEn: l.en,
    submitted: r.submitted,
    withOutcome: r.with_outcome,
    adopted: r.adopted,
    adoptionRate: rate(r.adopted, r.submitted),
    points: r.points ?? 0,
    pointsAdopted: r.points_adopted ?? 0,
  };
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
 * Adoption statistics over the comments submitted in [from, to]. A comment counts as adopted
 * when at least one of its points was adopted or partly adopted (the base's own way of counting
 * "7 of 65 adopted"); point-level counts are reported beside it.
 */
export function commentStats(db: Database, range: { from?: string | undefined; to?: string | undefined }): CommentStats {
  const params = { from: range.from ?? null, to: range.to ?? null };
  const totals = db
    .prepare(`${BASE} SELECT count(*) AS submitted, coalesce(sum(with_outcome), 0) AS with_outcome, coalesce(sum(adopted), 0) AS adopted FROM flags`)
    .get(params) as { submitted: number; with_outcome: number; adopted: number };
  const points = pointCounts(db.prepare(`${BASE} SELECT ${COUNT_COLUMNS} FROM points`).get(params) as CountRow);
  const cost = db
    .prepare(`${BASE} SELECT coalesce(sum(o.cost_spared_cny), 0) AS cost FROM comment_outcomes o JOIN scoped s ON s.id = o.comment_id`)
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
         WHERE o.outcome <> 'no_reply' AND o.outcome_date IS NOT NULL GROUP BY s.id`,
      )
      .all(params) as Array<{ days: number }>
  )
    .map((r) => r.days)
    .sort((a, b) => a - b);

  return {
    from: params.from,
    to: params.to,
    totals: {
      submitted: totals.submitted,
      withOutcome: totals.with_outcome,
      adopted: totals.adopted,
      adoptionRate: rate(totals.adopted, totals.submitted),
      points,
      pointAdoptionRate: rate(points.adopted + points.partlyAdopted, points.total),
      costSparedCny: cost.cost,
    },
    byMember: groupRows(db, 'member', params).map((r) => toGroup(r, named(countries, { zh: '未知', en: 'Unknown' }))),
    byIndustry: groupRows(db, 'industry', params).map((r) => toGroup(r, named(industries, { zh: '未分类', en: 'Unclassified' }))),
    byYear: groupRows(db, 'year', params).map((r) => toGroup(r, (key) => ({ zh: `${key ?? ''}年`, en: key ?? '' }))),
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
