import type { Database } from 'better-sqlite3';
import {
  POINT_TEXT_FIELDS,
  type CommentDiff,
  type CommentPoint,
  type CommentVersion,
  type CommentVersionSummary,
  type FieldDiff,
  type PointDiff,
} from '../../../shared/contract';
import { diffText } from '../../../shared/domain/text-diff';
import { analystName } from './comment-read';
import { parseSnapshot, readVersionRow, requireComment, type VersionRow } from './comment-store';

function summary(db: Database, row: VersionRow): CommentVersionSummary {
  return {
    version: row.version,
    uid: row.uid,
    author: analystName(db, row.created_by),
    authorUid: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    autosave: row.autosave === 1,
    note: row.note,
    pointCount: parseSnapshot(row).points.length,
  };
}

/** Every kept version, newest first. */
export function listVersions(db: Database, commentId: number): CommentVersionSummary[] {
  requireComment(db, commentId);
  const rows = db.prepare('SELECT * FROM comment_versions WHERE comment_id = ? ORDER BY version DESC').all(commentId) as VersionRow[];
  return rows.map((r) => summary(db, r));
}

export function getVersion(db: Database, commentId: number, version: number): CommentVersion {
  requireComment(db, commentId);
  const row = readVersionRow(db, commentId, version);
  return { ...summary(db, row), content: parseSnapshot(row) };
}

/** Keys in the longest run both versions keep in the same order; the others were moved. */
function inOrder(before: readonly string[], after: readonly string[]): Set<string> {
  const n = before.length;
  const m = after.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] = before[i] === after[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const kept = new Set<string>();
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (before[i] === after[j]) {
      kept.add(before[i]!);
      i++;
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) i++;
    else j++;
  }
  return kept;
}

function wholeField(field: FieldDiff['field'], text: string, op: 'insert' | 'delete'): FieldDiff[] {
  return text === '' ? [] : [{ field, segments: [{ op, text }] }];
}

function pointFields(a: CommentPoint | undefined, b: CommentPoint | undefined): FieldDiff[] {
  const out: FieldDiff[] = [];
  const codeA = a?.templateCode ?? null;
  const codeB = b?.templateCode ?? null;
  if (codeA !== codeB) {
    out.push({
      field: 'templateCode',
      segments: [
        ...(codeA === null ? [] : [{ op: 'delete' as const, text: codeA }]),
        ...(codeB === null ? [] : [{ op: 'insert' as const, text: codeB }]),
      ],
    });
  }
  for (const field of POINT_TEXT_FIELDS) {
    const before = a?.[field] ?? '';
    const after = b?.[field] ?? '';
    if (before === after) continue;
    if (!a) out.push(...wholeField(field, after, 'insert'));
    else if (!b) out.push(...wholeField(field, before, 'delete'));
    else out.push({ field, segments: diffText(before, after) });
  }
  return out;
}

/**
 * What changed between two versions, point by point and field by field. Points are matched by
 * key, so a point edited and moved is one changed point, not a removal and an addition. Points
 * are listed in the newer version's order; a removed point follows the point it came after.
 */
export function diffVersions(db: Database, commentId: number, fromVersion: number, toVersion: number): CommentDiff {
  requireComment(db, commentId);
  const a = parseSnapshot(readVersionRow(db, commentId, fromVersion));
  const b = parseSnapshot(readVersionRow(db, commentId, toVersion));
  const title: FieldDiff[] = [];
  if (a.titleZh !== b.titleZh) title.push({ field: 'titleZh', segments: diffText(a.titleZh, b.titleZh) });
  if (a.titleEn !== b.titleEn) title.push({ field: 'titleEn', segments: diffText(a.titleEn, b.titleEn) });

  const oldByKey = new Map(a.points.map((p, i) => [p.key, { point: p, position: i + 1 }]));
  const newKeys = new Set(b.points.map((p) => p.key));
  const kept = inOrder(
    a.points.filter((p) => newKeys.has(p.key)).map((p) => p.key),
    b.points.filter((p) => oldByKey.has(p.key)).map((p) => p.key),
  );
  const points: PointDiff[] = b.points.map((p, i) => {
    const old = oldByKey.get(p.key);
    const fields = pointFields(old?.point, p);
    return {
      key: p.key,
      change: !old ? 'added' : fields.length > 0 ? 'changed' : 'unchanged',
      fromPosition: old?.position ?? null,
      toPosition: i + 1,
      moved: old !== undefined && !kept.has(p.key),
      fields,
    };
  });
  // Removed points go after the nearest earlier point of the old version that survived.
  a.points.forEach((p, i) => {
    if (newKeys.has(p.key)) return;
    const removed: PointDiff = { key: p.key, change: 'removed', fromPosition: i + 1, toPosition: null, moved: false, fields: pointFields(p, undefined) };
    let anchor = -1;
    for (let k = i - 1; k >= 0 && anchor === -1; k--) {
      const key = a.points[k]!.key;
      anchor = points.findIndex((d) => d.key === key);
    }
    let at = anchor + 1;
    while (at < points.length && points[at]!.change === 'removed') at++;
    points.splice(at, 0, removed);
  });
  const count = (c: PointDiff['change']): number => points.filter((d) => d.change === c).length;
  return {
    fromVersion,
    toVersion,
    title,
    points,
    summary: { added: count('added'), removed: count('removed'), changed: count('changed'), unchanged: count('unchanged') },
  };
}
